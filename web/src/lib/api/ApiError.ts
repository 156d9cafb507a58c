import { codeForStatus, messageForCode } from './errors';

export type FieldErrors = Readonly<Record<string, string>>;

/** A failed API call: HTTP status (0 = the request never got an answer), stable code, zh-TW message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** Builds the error from a non-2xx response body `{ error: { code, message, fields? } }`, tolerating anything else. */
  static fromBody(status: number, body: unknown): ApiError {
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    const code = typeof error.code === 'string' && error.code ? error.code : codeForStatus(status);
    const message = typeof error.message === 'string' && error.message ? error.message : messageForCode(code);
    const fields: Record<string, string> = {};
    if (isRecord(error.fields)) {
      for (const [key, value] of Object.entries(error.fields)) {
        if (typeof value === 'string') fields[key] = value;
      }
    }
    return new ApiError(status, code, message, fields);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** zh-TW text for any thrown value. */
export function errorMessage(value: unknown): string {
  if (value instanceof ApiError) return value.message;
  return messageForCode(undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
