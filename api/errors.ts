import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';

/**
 * Every error the API returns. The code is stable (the web maps codes to messages and tests assert
 * them); the message is zh-TW and safe to show to the user.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, message: '輸入資料有誤，請檢查標示的欄位。' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '送出的資料過大，請減少內容後再試。' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '送出的資料格式不受支援，請以 UTF-8 編碼的 JSON 送出。' },
  UNAUTHENTICATED: { status: 401, message: '請先登入。' },
  LOGIN_FAILED: { status: 401, message: '帳號或密碼錯誤' },
  LOGIN_LOCKED: { status: 423, message: '登入失敗次數過多，帳號已暫時鎖定，請稍後再試' },
  METHOD_NOT_AVAILABLE: { status: 403, message: '府外網路僅可使用行動自然人憑證或自然人憑證登入' },
  PASSWORD_EXPIRED: { status: 403, message: '密碼已逾期，請設定新密碼' },
  INTERACTION_EXPIRED: { status: 400, message: '登入作業已逾時，請重新登入' },
  FORBIDDEN: { status: 403, message: '您沒有使用此功能的權限' },
  CROSS_ORIGIN_REQUEST: { status: 403, message: '已拒絕來自其他網站的請求，請直接在臺南市政府公務入口網的頁面上操作' },
  NOT_FOUND: { status: 404, message: '找不到指定的資料。' },
  CONFLICT: { status: 409, message: '資料狀態已變更，請重新整理後再試。' },
  RATE_LIMITED: { status: 429, message: '操作過於頻繁，請稍後再試。' },
  CAPTCHA_INVALID: { status: 400, message: '驗證碼錯誤，請重新輸入' },
  EMAIL_OFFICIAL: { status: 400, message: '備用信箱不可使用公務信箱（@mail.tainan.gov.tw）' },
  EMAIL_ALREADY_BOUND: { status: 409, message: '此備用信箱已綁定過臺南市政府公務帳號，請改用其他信箱' },
  RESEND_TOO_SOON: { status: 429, message: '驗證碼已寄出，請稍後再重新發送' },
  CODE_INVALID: { status: 400, message: '驗證碼錯誤' },
  CODE_EXPIRED: { status: 400, message: '驗證碼已過期，請重新發送' },
  CODE_TOO_MANY_ATTEMPTS: { status: 429, message: '錯誤次數過多，請重新發送驗證碼' },
  VERIFICATION_REQUIRED: { status: 401, message: '請先完成身分驗證' },
  MOBILE_CERT_NOT_REGISTERED: { status: 400, message: '此身分證字號尚未註冊行動自然人憑證' },
  MOBILE_CERT_NOT_APPROVED: { status: 400, message: '行動自然人憑證驗證尚未完成或已使用，請重新驗證' },
  MOBILE_CERT_NO_ACCOUNT: { status: 404, message: '查無此身分證字號對應的帳號' },
  MOBILE_ALREADY_BOUND: { status: 409, message: '此手機號碼已綁定其他公務帳號，請改用其他手機號碼' },
  MOBILE_NOT_BOUND: { status: 409, message: '尚未綁定手機號碼' },
  OTP_ALREADY_ENABLED: { status: 409, message: 'OTP 驗證已啟用；如需更換裝置，請先關閉「OTP 驗證」再重新啟用' },
  OTP_NOT_ENABLED: { status: 409, message: '尚未啟用 OTP 驗證' },
  OTP_SETUP_REQUIRED: { status: 409, message: '請先進行「OTP驗證」，以驗證器 APP 掃描 QR 碼' },
  OTP_CODE_INVALID: { status: 400, message: '動態驗證碼錯誤，請輸入 APP 上目前顯示的 6 位數驗證碼' },
  ACCOUNT_TAKEN: { status: 409, message: '此帳號已被使用' },
  NATIONAL_ID_IN_USE: { status: 409, message: '此身分證字號已有帳號或申請中的案件' },
  APPLICATION_DECIDED: { status: 409, message: '此申請已審核，無法修改' },
  ACCOUNT_ALREADY_DISABLED: { status: 409, message: '此帳號已停用' },
  ACCOUNT_PRECHECK_FAILED: { status: 409, message: '未通過停用前檢查，請先完成移交' },
  DISABLE_IN_PROGRESS: { status: 409, message: '此帳號已有進行中的停用作業' },
  PASSWORD_POLICY: { status: 400, message: '密碼不符合密碼原則' },
  PASSWORD_REUSED: { status: 400, message: '新密碼不可與最近使用過的密碼相同' },
  CHALLENGE_INVALID: { status: 400, message: '驗證請求已逾時或已使用，請重新操作' },
  CITIZEN_CERT_INVALID: { status: 400, message: '自然人憑證驗證失敗，請重新操作' },
  CITIZEN_CERT_UNTRUSTED: { status: 400, message: '此憑證不是由內政部憑證管理中心簽發的自然人憑證' },
  CITIZEN_CERT_EXPIRED: { status: 400, message: '此自然人憑證已逾有效期限' },
  CITIZEN_CERT_REVOKED: { status: 400, message: '此自然人憑證已被廢止，無法使用' },
  CITIZEN_CERT_CRL_UNAVAILABLE: { status: 503, message: '目前無法取得憑證廢止清冊，暫時無法驗證自然人憑證，請稍後再試' },
  CITIZEN_CERT_NOT_BOUND: { status: 401, message: '此自然人憑證尚未綁定公務帳號，請先登入後於個人帳號管理綁定' },
  CITIZEN_CERT_IN_USE: { status: 409, message: '此自然人憑證已綁定其他公務帳號' },
  CLIENT_AUTH_FAILED: { status: 401, message: '應用系統識別碼（client_id）或密鑰錯誤，或應用系統已停用' },
  CLIENT_ADDRESS_NOT_ALLOWED: { status: 403, message: '此來源 IP 位址未獲授權呼叫帳號驗證 API' },
  VERIFY_API_DISABLED: { status: 403, message: '此應用系統未啟用帳號驗證 API' },
  REDIRECT_LOGIN_UNAVAILABLE: { status: 404, message: '此應用系統不存在、已停用或未提供轉登' },
  ASSERTION_INVALID: { status: 401, message: '轉登憑證無效、已逾時或已使用，請重新由入口網進入' },
  EXPORT_TOO_LARGE: { status: 422, message: '符合條件的紀錄超過匯出上限，請縮小查詢條件後再匯出' },
  OLD_PASSWORD_WRONG: { status: 400, message: '舊密碼錯誤，請重新輸入' },
  AVATAR_INVALID: { status: 400, message: '個人圖像僅接受 PNG、JPEG 或 WebP 格式的圖片' },
  AVATAR_TOO_LARGE: { status: 413, message: '個人圖像檔案不可超過 1 MB' },
  REQUEST_OPEN: { status: 409, message: '您已有一件審核中的申請，請待審核完成後再提出' },
  REQUEST_DECIDED: { status: 409, message: '此申請已審核' },
  DEPENDENCY_UNAVAILABLE: { status: 503, message: '系統服務暫時無法使用，請稍後再試。' },
  INTERNAL: { status: 500, message: '系統發生錯誤，請稍後再試或聯絡系統管理員。' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

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
