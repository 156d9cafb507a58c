import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express, Request } from 'express';
import { listRoutes } from './route-table';

/**
 * What an access-log line may say about a request and its answer. Allowlists, not redaction: a
 * header, query value or path parameter is left out unless it is named here, so a bearer value the
 * API hands out (X-Verification-Token, X-Identity-Proof, a captcha or transaction id in a path, the
 * ?key= of a status link, cookies) cannot reach the log under a name nobody thought of.
 */
const REQUEST_HEADERS = [
  'user-agent',
  'content-type',
  'content-length',
  'accept-language',
  'x-request-id',
  'origin',
  'sec-fetch-site',
  'sec-fetch-mode',
  'host',
] as const;
const RESPONSE_HEADERS = ['content-type', 'content-length', 'cache-control', 'retry-after'] as const;
const MAX_PATH = 200;

/** `/api/x/:id/y` → a matcher for concrete paths; `:name` stands for one segment. */
function patternMatcher(pattern: string) {
  const source = pattern
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * The logged form of a path: the route's pattern (`/api/identity/mobile-cert/:id/proof`) when a route
 * matches, so no parameter value is written; otherwise the path itself, without its query string.
 */
export function createRouteNamer(app: Express) {
  let routes: { method: string; pattern: string; test: RegExp }[] | undefined;
  return (method: string, path: string): string => {
    // Read on first use: every router is mounted by then.
    routes ??= listRoutes(app).map((r) => ({ method: r.method, pattern: r.path, test: patternMatcher(r.path) }));
    const candidates = routes.filter((r) => r.test.test(path));
    // A literal route (`/mine`) wins over a parameter one (`/:id`) as Express would have chosen it.
    const match =
      candidates.find((r) => r.method === method && !r.pattern.includes(':')) ??
      candidates.find((r) => r.method === method) ??
      candidates[0];
    return match ? match.pattern : withoutOpaqueSegments(path);
  };
}

/**
 * A path no route names (a page, a redirect target, a 404): segments that look like an id or a token
 * (16 or more URL-safe characters) are written as `:id` — an SSO interaction id or a captcha id stays out.
 */
function withoutOpaqueSegments(path: string) {
  return path
    .split('/')
    .map((segment) => (/^[A-Za-z0-9_~.%-]{16,}$/.test(segment) ? ':id' : segment))
    .join('/')
    .slice(0, MAX_PATH);
}

function pick(source: Record<string, unknown>, names: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const name of names) if (source[name] !== undefined) out[name] = source[name];
  return out;
}

/** pino-http serializers (wrapSerializers: false: they get the raw request and response). */
export function requestLogSerializers(nameRoute: (method: string, path: string) => string) {
  return {
    req(req: IncomingMessage & Partial<Pick<Request, 'originalUrl' | 'id'>>) {
      const raw = req.originalUrl ?? req.url ?? '';
      const queryAt = raw.indexOf('?');
      const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
      const query = queryAt === -1 ? [] : [...new URLSearchParams(raw.slice(queryAt + 1)).keys()];
      const referer = req.headers.referer;
      return {
        id: req.id,
        method: req.method,
        url: nameRoute(req.method ?? 'GET', path),
        // Which query parameters were sent, never their values.
        ...(query.length ? { queryKeys: [...new Set(query)].slice(0, 20) } : {}),
        headers: {
          ...pick(req.headers, REQUEST_HEADERS),
          ...(typeof referer === 'string' ? { referer: withoutQuery(referer) } : {}),
        },
        remoteAddress: req.socket?.remoteAddress,
      };
    },
    res(res: ServerResponse) {
      const location = res.getHeader('location');
      return {
        statusCode: res.statusCode,
        headers: {
          ...pick(res.getHeaders(), RESPONSE_HEADERS),
          // A redirect's query can carry an authorisation code or state: only where it goes.
          ...(typeof location === 'string' ? { location: withoutQuery(location) } : {}),
        },
      };
    },
  };
}

/**
 * A URL (absolute or not) without its query or fragment and without opaque path segments: a status
 * link's ?key=, a redirect's ?code= or an interaction id in /login/sso/… stays out.
 */
function withoutQuery(url: string) {
  const bare = url.split(/[?#]/, 1)[0]!;
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(bare)?.[0] ?? '';
  return origin + withoutOpaqueSegments(bare.slice(origin.length));
}
