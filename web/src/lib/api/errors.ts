// Stable API error codes → zh-TW text, from the API's own catalog. The server's message wins; these
// are the fallback (and the text for failures that never reached the server).
import { errorCatalog } from '../../../../domain/contracts/errors';

/** Codes only the web gives (the request failed before or after the API could say why). */
const CLIENT_MESSAGES: Readonly<Record<string, string>> = {
  ACCOUNT_LOCKED: '帳號已被鎖定，請稍後再試或聯絡系統管理員',
  ACCOUNT_DISABLED: '帳號已停用，請使用個人帳號復用申請',
  SERVICE_UNAVAILABLE: '系統暫時無法提供服務，請稍後再試',
  INTERNAL_ERROR: '系統發生錯誤，請稍後再試',
  NETWORK_ERROR: '無法連線到伺服器，請檢查網路後再試',
  INVALID_RESPONSE: '伺服器回應格式有誤，請稍後再試',
};

export const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  ...CLIENT_MESSAGES,
  ...Object.fromEntries(Object.entries(errorCatalog).map(([code, { message }]) => [code, message])),
};

const FALLBACK = '系統發生錯誤，請稍後再試';

export function messageForCode(code: string | undefined): string {
  return (code && ERROR_MESSAGES[code]) || FALLBACK;
}

/** The code used when a response carries none of its own, by HTTP status. */
export function codeForStatus(status: number): string {
  if (status === 400) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  return 'INTERNAL_ERROR';
}
