import type { Express } from 'express';
import type { z } from 'zod';
import type { BodyDeclaration } from './request-body';

/** One route the API answers: method and the Express path pattern (parameters as `:name`). */
export interface RouteEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** The body the route declares with `body()`, `formBody()`, `noBody` or `rawBody` (api/request-body.ts). */
  body?: Pick<BodyDeclaration<z.ZodType>, 'bodySchema' | 'bodyKind'>;
}

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean>; stack?: Layer[] };
  handle?: { stack?: Layer[]; bodySchema?: z.ZodType; bodyKind?: BodyDeclaration<z.ZodType>['bodyKind'] };
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const join = (prefix: string, path: string) => (prefix + (path === '/' ? '' : path)).replace(/\/{2,}/g, '/') || '/';

/**
 * Every route mounted on the app, read from Express's own router stack (router 2.x keeps each layer's
 * `rawPath`). Tests walk it so that a route added tomorrow is probed by the same-origin, bad-input and
 * authorisation tests without anyone listing it. Regular-expression and array paths (the SPA fallback,
 * `['/api', '/dev']` not-found handlers) carry no route and are skipped.
 */
export function listRoutes(app: Express): RouteEntry[] {
  const out: RouteEntry[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string') {
        const declared = layer.route.stack?.map((l) => l.handle).find((h) => h?.bodySchema && h.bodyKind);
        const body = declared ? { bodySchema: declared.bodySchema!, bodyKind: declared.bodyKind! } : undefined;
        for (const [method, on] of Object.entries(layer.route.methods)) {
          const upper = method.toUpperCase();
          if (on && METHODS.has(upper))
            out.push({ method: upper as RouteEntry['method'], path: join(prefix, layer.route.path), ...(body ? { body } : {}) });
        }
      } else if (layer.handle?.stack && typeof layer.rawPath === 'string') {
        walk(layer.handle.stack, join(prefix, layer.rawPath));
      }
    }
  };
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  walk(router.stack, '');
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.method} ${r.path}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** `/api/x/:id/y` → a concrete path with each parameter replaced by `value(name)`. */
export function fillPath(path: string, value: (name: string) => string = () => 'probe'): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(value(name)));
}
