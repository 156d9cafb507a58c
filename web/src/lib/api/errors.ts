// Stable API error codes → zh-TW text. The server's own message wins; these are the fallback
// (and the text for failures that never reached the server).

export const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  UNAUTHENTICATED: '請先登入公務入口網',
  LOGIN_FAILED: '帳號或密碼錯誤',
  VALIDATION_FAILED: '輸入的資料有誤，請檢查後再送出',
  PAYLOAD_TOO_LARGE: '送出的資料過大，請減少內容後再試',
  UNSUPPORTED_MEDIA_TYPE: '送出的資料格式不受支援',
  FORBIDDEN: '您沒有使用此功能的權限',
  NOT_FOUND: '查無資料',
  CONFLICT: '資料已被變更，請重新整理後再試',
  RATE_LIMITED: '操作過於頻繁，請稍後再試',
  ACCOUNT_LOCKED: '帳號已被鎖定，請稍後再試或聯絡系統管理員',
  ACCOUNT_DISABLED: '帳號已停用，請使用個人帳號復用申請',
  SERVICE_UNAVAILABLE: '系統暫時無法提供服務，請稍後再試',
  INTERNAL_ERROR: '系統發生錯誤，請稍後再試',
  NETWORK_ERROR: '無法連線到伺服器，請檢查網路後再試',
  INVALID_RESPONSE: '伺服器回應格式有誤，請稍後再試',
  EXPORT_TOO_LARGE: '符合條件的紀錄超過匯出上限，請縮小查詢條件後再匯出',
  DEPENDENCY_UNAVAILABLE: '系統服務暫時無法使用，請稍後再試',
  INTERNAL: '系統發生錯誤，請稍後再試或聯絡系統管理員',

  // 個人帳號申請 → 審核 → 開通 (docs/api/account-application.md)
  CAPTCHA_INVALID: '驗證碼錯誤，請重新輸入',
  EMAIL_OFFICIAL: '備用信箱不可使用公務信箱（@mail.tainan.gov.tw）',
  EMAIL_ALREADY_BOUND: '此備用信箱已綁定過臺南市政府公務帳號，請改用其他信箱',
  RESEND_TOO_SOON: '驗證碼已寄出，請稍候再重新發送',
  CODE_INVALID: '驗證碼錯誤，請重新輸入',
  CODE_EXPIRED: '驗證碼已過期，請重新發送',
  CODE_TOO_MANY_ATTEMPTS: '錯誤次數過多，請重新發送驗證碼',
  ACCOUNT_TAKEN: '此帳號已被使用',
  NATIONAL_ID_IN_USE: '此身分證字號已有帳號或申請中的案件',
  APPLICATION_DECIDED: '此申請已審核，無法修改',
  PASSWORD_POLICY: '新密碼不符合密碼規則，請依密碼規則重新設定',
  PASSWORD_REUSED: '新密碼不可與最近使用過的密碼相同',
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
