/**
 * 一般登入's fields: one set of rules read by the API's schema (domain/schemas/session.ts) and the login
 * page. Free of libraries, so the page — the first one every user loads — does not carry zod.
 * Deliberately loose: a wrong account and a wrong password must look the same, so only emptiness and
 * absurd lengths are refused.
 */
export const LOGIN_FIELDS = {
  account: { max: 64, trim: true, missing: '請輸入登入帳號', tooLong: '登入帳號過長' },
  password: { max: 128, trim: false, missing: '請輸入密碼', tooLong: '密碼過長' },
  captchaId: { max: 64, trim: true, missing: '請重新取得圖形驗證碼', tooLong: '請重新取得圖形驗證碼' },
  captchaAnswer: { max: 16, trim: true, missing: '請輸入圖形驗證碼', tooLong: '圖形驗證碼錯誤' },
} as const;

export type LoginField = keyof typeof LOGIN_FIELDS;
export type LoginInput = Record<LoginField, string>;

/** The message for each field that is wrong, or null when the form may be sent. */
export function loginFormProblems(input: Partial<Record<LoginField, unknown>>): Partial<Record<LoginField, string>> | null {
  const problems: Partial<Record<LoginField, string>> = {};
  for (const [field, rule] of Object.entries(LOGIN_FIELDS) as [LoginField, (typeof LOGIN_FIELDS)[LoginField]][]) {
    const raw = input[field];
    const value = typeof raw === 'string' ? (rule.trim ? raw.trim() : raw) : '';
    if (value.length === 0) problems[field] = rule.missing;
    else if (value.length > rule.max) problems[field] = rule.tooLong;
  }
  return Object.keys(problems).length ? problems : null;
}
