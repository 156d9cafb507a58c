import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { fail } from './errors';
import { authorize, type Action } from './policies';

const PARSED = Symbol('parsed body');

const hasContent = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** A route's declared body: the middleware that checks it, and the schema the bad-input test reads. */
export interface BodyDeclaration<S extends z.ZodType> extends RequestHandler {
  readonly bodySchema: S;
  /** How the route's body arrives (the bad-input test sends each kind its own way). */
  readonly bodyKind: 'json' | 'form' | 'none' | 'raw';
  /** The validated value (the schema's output) of a request that passed this declaration. */
  of(req: Request): z.output<S>;
}

function declare<S extends z.ZodType>(
  schema: S,
  kind: BodyDeclaration<S>['bodyKind'],
  mediaType: string | null,
): BodyDeclaration<S> {
  const check: RequestHandler = (req, _res, next) => {
    // A body the parsers skipped (text/plain, XML, …) would otherwise reach the route as "no body".
    // An empty POST (content-length: 0, as fetch sends it) has no type to check.
    if (mediaType && hasContent(req) && !req.is(mediaType))
      throw fail('UNSUPPORTED_MEDIA_TYPE', kind === 'form' ? '送出的資料格式不受支援，請以表單格式送出。' : undefined);
    (req as unknown as Record<symbol, unknown>)[PARSED] = schema.parse(req.body ?? {});
    next();
  };
  return Object.assign(check, {
    bodySchema: schema,
    bodyKind: kind,
    of: (req: Request) => (req as unknown as Record<symbol, unknown>)[PARSED] as z.output<S>,
  });
}

/**
 * Every state-changing route declares its body: `router.post(path, authorized(action), body(schema),
 * handler)`. The body is refused with 400 (zh-TW field messages) before the handler runs, and the
 * schema is where tests/integration/api/hostile-input.test.ts derives its requests from, so a route
 * added tomorrow is probed without anyone listing it. `req.body` stays as sent: several commands
 * re-check it against context (the stored ID number, the account's agency) with their own schemas;
 * the handler reads the validated value with `declaration.of(req)`.
 */
export const body = <S extends z.ZodType>(schema: S) => declare(schema, 'json', 'application/json');

/** A urlencoded form (parsed by the route's own `express.urlencoded` placed before this). */
export const formBody = <S extends z.ZodType>(schema: S) => declare(schema, 'form', 'application/x-www-form-urlencoded');

/**
 * A state-changing route that takes nothing in its body (the action is in the path): an empty body
 * or `{}` passes, anything else is refused, so stray input is never silently ignored.
 */
export const noBody = declare(z.strictObject({}), 'none', 'application/json');

/** A body read as bytes by the route's own parser (個人圖像): declared so the route table knows it. */
export const rawBody = declare(z.unknown(), 'raw', null);

/** Authorisation as a middleware, so it runs before `body()`: a stranger gets 401/403, never 400. */
export const authorized =
  (action: Action): RequestHandler =>
  (req, _res, next) => {
    authorize(req.actor, action);
    next();
  };
