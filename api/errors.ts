import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { errorCatalog, type ErrorCode } from '../domain/contracts/errors';

export { errorCatalog, type ErrorCode };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
    /** Extra machine-readable facts for the client (e.g. resendAfter). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? errorCatalog[code].message);
    this.status = errorCatalog[code].status;
  }
}

export const fail = (code: ErrorCode, message?: string, fields?: Record<string, string>, details?: Record<string, unknown>) =>
  new AppError(code, message, fields, details);

/** A 400 on one field, for a check the schema cannot make (a place, agency or person that must exist). */
export const invalidField = (field: string, message: string) => fail('VALIDATION_FAILED', message, { [field]: message });

/**
 * A resend inside its cooldown (驗證碼, 簡訊驗證碼, 臨時密碼, 推播): the message names the seconds left and
 * the answer carries them (`retryAfterSeconds`, and the instant `resendAfter`), so a page counts down
 * from the refusal itself — also after a reload, when it no longer knows when it last sent.
 */
export function resendTooSoon(
  availableAt: Date,
  words: { sent: string; again: string } = { sent: '驗證碼已寄出', again: '重新發送' },
  now = Date.now(),
): AppError {
  const seconds = Math.max(1, Math.ceil((availableAt.getTime() - now) / 1000));
  return fail('RESEND_TOO_SOON', `${words.sent}，請於 ${seconds} 秒後再${words.again}`, undefined, {
    resendAfter: availableAt.toISOString(),
    retryAfterSeconds: seconds,
  });
}

/** Field path → first message, for forms. */
export function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * What body-parser and the router throw about a request's framing (http-errors with a `type`), in
 * the catalog's words: none of them is the server's fault, so none may end as 500 INTERNAL.
 */
const REQUEST_ERRORS: Record<string, () => AppError> = {
  'entity.too.large': () => fail('PAYLOAD_TOO_LARGE'),
  'parameters.too.many': () => fail('PAYLOAD_TOO_LARGE', '送出的欄位過多，請減少內容後再試。'),
  'charset.unsupported': () => fail('UNSUPPORTED_MEDIA_TYPE', '不支援此字元編碼，請以 UTF-8 送出。'),
  'encoding.unsupported': () => fail('UNSUPPORTED_MEDIA_TYPE', '不支援此內容壓縮方式（Content-Encoding）。'),
  'entity.parse.failed': () => fail('VALIDATION_FAILED', '請求內容不是有效的 JSON。'),
  'entity.verify.failed': () => fail('VALIDATION_FAILED', '請求內容格式不正確。'),
  'querystring.parse.rangeError': () => fail('VALIDATION_FAILED', '請求內容的欄位層數過多。'),
  'request.size.invalid': () => fail('VALIDATION_FAILED', '請求內容不完整，請重新送出。'),
  'request.aborted': () => fail('VALIDATION_FAILED', '請求內容不完整，請重新送出。'),
};

function requestError(error: unknown): AppError | null {
  const e = error as { type?: unknown; status?: unknown; expose?: unknown } | null;
  if (typeof e?.type === 'string' && REQUEST_ERRORS[e.type]) return REQUEST_ERRORS[e.type]!();
  // The router's "Failed to decode param" for a path such as /accounts/%E0%A4.
  if (error instanceof URIError && e?.status === 400) return fail('VALIDATION_FAILED', '網址格式不正確。');
  // Any other client error of the parsers (e.g. a gzip body that does not inflate: zlib's error as a 400).
  if (e?.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    if (e.status === 413) return fail('PAYLOAD_TOO_LARGE');
    if (e.status === 415) return fail('UNSUPPORTED_MEDIA_TYPE');
    return fail('VALIDATION_FAILED', '請求內容格式不正確。');
  }
  return null;
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(fail('NOT_FOUND', '找不到此功能。'));

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const appError =
    error instanceof AppError
      ? error
      : error instanceof ZodError
        ? fail('VALIDATION_FAILED', undefined, zodFields(error))
        : requestError(error);
  if (!appError) req.log?.error({ err: error }, 'unhandled error');
  const out = appError ?? fail('INTERNAL');
  res.status(out.status).json({
    error: { code: out.code, message: out.message, ...(out.fields ? { fields: out.fields } : {}), ...(out.details ?? {}) },
  });
};
