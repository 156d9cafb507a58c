import { codeForStatus, messageForCode } from './errors';

export type FieldErrors = Readonly<Record<string, string>>;
export type FieldMessages = Readonly<Record<string, readonly string[]>>;

/** A failed API call: HTTP status (0 = the request never got an answer), stable code, zh-TW message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  /** One zh-TW message per field (several messages of a field are joined with 「；」). */
  readonly fields: FieldErrors;
  /** Every message per field, for fields the server answers with a list (e.g. each broken password rule). */
  readonly fieldMessages: FieldMessages;
  /** The whole `error` object of the answer, for codes that carry more (e.g. RESEND_TOO_SOON's resendAfter). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldErrors = {},
    details: Readonly<Record<string, unknown>> = {},
    fieldMessages?: FieldMessages,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
    this.fieldMessages = fieldMessages ?? Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, [value]]));
  }

  /** Builds the error from a non-2xx response body `{ error: { code, message, fields? } }`, tolerating anything else. */
  static fromBody(status: number, body: unknown): ApiError {
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    const code = typeof error.code === 'string' && error.code ? error.code : codeForStatus(status);
    const message = typeof error.message === 'string' && error.message ? error.message : messageForCode(code);
    const fields: Record<string, string> = {};
    const fieldMessages: Record<string, string[]> = {};
    if (isRecord(error.fields)) {
      for (const [key, value] of Object.entries(error.fields)) {
        const messages = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter(isString) : [];
        if (messages.length === 0) continue;
        fields[key] = messages.join('；');
        fieldMessages[key] = messages;
      }
    }
    return new ApiError(status, code, message, fields, error, fieldMessages);
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

function isString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
