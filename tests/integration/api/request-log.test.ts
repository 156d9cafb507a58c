import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillPath, type RouteEntry } from '../../../api/route-table';
import { e2e, eventually } from '../../support/env';
import { recordIssued } from '../../support/issued';

/** A value shaped like the API's tokens (43 URL-safe characters), different every time. */
const canary = () => crypto.randomBytes(32).toString('base64url');

/** What the API log gained since `offset`. */
function logSince(file: string, offset: number) {
  const buffer = fs.readFileSync(file);
  return buffer.subarray(Math.min(offset, buffer.length)).toString('utf8');
}

describe('API access log (issue 10 #1: only allowlisted request fields are written)', () => {
  it('logs every route without any header, cookie, query value, path parameter or body field a client sent', async () => {
    const logFile = process.env.API_LOG_FILE;
    if (!logFile) throw new Error('API_LOG_FILE is not set (scripts/test.mjs sets it)');
    const base = e2e.baseUrl();
    const { routes } = (await (await fetch(`${base}/dev/routes`)).json()) as { routes: RouteEntry[] };
    // Not vacuous: the whole API, the public token routes included.
    expect(routes.length).toBeGreaterThan(100);
    for (const path of ['/api/password/reset', '/api/verifications/email/:id/confirm', '/api/identity/mobile-cert/:id/proof'])
      expect(routes.map((r) => r.path)).toContain(path);

    const offset = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    const probes: { route: RouteEntry; requestId: string; sent: Record<string, string> }[] = [];
    // /healthz is left out of the access log on purpose (a probe every few seconds).
    for (const route of routes.filter((r) => r.path !== '/healthz')) {
      const sent = {
        'x-verification-token': canary(),
        'x-identity-proof': canary(),
        authorization: canary(),
        'session cookie': canary(),
        'binding cookie': canary(),
        'unknown header': canary(),
        'query value': canary(),
        'path parameter': canary(),
        'body field': canary(),
        'referer query': canary(),
      };
      for (const [kind, value] of Object.entries(sent)) recordIssued(`probe ${kind}`, value);
      const requestId = `probe-${crypto.randomUUID()}`;
      const url = new URL(
        fillPath(route.path, () => sent['path parameter']),
        base,
      );
      url.search = new URLSearchParams({ token: sent['query value'], key: sent['query value'] }).toString();
      const response = await fetch(url, {
        method: route.method,
        redirect: 'manual',
        headers: {
          'x-request-id': requestId,
          'x-verification-token': sent['x-verification-token'],
          'x-identity-proof': sent['x-identity-proof'],
          authorization: `Bearer ${sent.authorization}`,
          cookie: `portal_session=${sent['session cookie']}; portal_client=${sent['binding cookie']}`,
          'x-portal-secret': sent['unknown header'],
          referer: `${base}/apply/account/status/x?key=${sent['referer query']}`,
          ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }),
        },
        body:
          route.method === 'GET'
            ? undefined
            : JSON.stringify({ token: sent['body field'], password: sent['body field'], code: sent['body field'] }),
      });
      await response.arrayBuffer();
      probes.push({ route, requestId, sent });
    }

    // Every probe reached the log (so each route is covered) ...
    const log = await eventually(async () => {
      const text = logSince(logFile, offset);
      return probes.every((p) => text.includes(p.requestId)) ? text : null;
    });
    // ... with its route's pattern and none of what it sent.
    const leaks = probes.flatMap((p) =>
      Object.entries(p.sent)
        .filter(([, value]) => log.includes(value))
        .map(([kind]) => `${p.route.method} ${p.route.path}: ${kind}`),
    );
    expect(leaks).toEqual([]);
    const line = log.split('\n').find((l) => l.includes(probes.find((p) => p.route.path === '/api/password/reset')!.requestId));
    expect(JSON.parse(line!).req).toMatchObject({ url: '/api/password/reset', queryKeys: ['token', 'key'] });
  }, 120_000);
});
