// 帳號登入紀錄: the zh-TW wording of every login method, action, result and failure reason, the
// query of the page (起日/迄日, 進階查詢, paging) and the reason format of calls that came through a
// registered system (帳號驗證 API). Shared by the API and the web; pure, safe in the browser.
import { z } from 'zod';
import { USAGE_ACTIONS } from './usage-actions';

export const LOGIN_METHOD_LABELS = {
  MOBILE_CERT: '行動自然人憑證',
  CITIZEN_CERT: '自然人憑證',
  OTP: '動態驗證碼',
  TEMP_PASSWORD: '臨時密碼',
  PASSWORD: '一般登入',
  BACKUP_EMAIL: '備用信箱驗證碼',
  SMS: '手機簡訊驗證碼',
} as const;

export const LOGIN_ACTION_LABELS = {
  LOGIN: '登入',
  LOGOUT: '登出',
  ACTIVATE: '開通帳號',
  FORGOT_PASSWORD: '忘記密碼',
  CHANGE_PASSWORD: '密碼修改',
} as const;

export const LOGIN_RESULT_LABELS = {
  SUCCESS: '成功',
  FAILURE: '失敗',
} as const;

export type LoginMethodCode = keyof typeof LOGIN_METHOD_LABELS;
export type LoginActionCode = keyof typeof LOGIN_ACTION_LABELS;
export type LoginResultCode = keyof typeof LOGIN_RESULT_LABELS;

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
export const LOGIN_METHOD_OPTIONS = options(LOGIN_METHOD_LABELS);
export const LOGIN_ACTION_OPTIONS = options(LOGIN_ACTION_LABELS);
export const LOGIN_RESULT_OPTIONS = options(LOGIN_RESULT_LABELS);

const labelOf = (labels: Record<string, string>, code: string) => (Object.hasOwn(labels, code) ? labels[code]! : code);
export const loginMethodLabel = (code: string) => labelOf(LOGIN_METHOD_LABELS, code);
export const loginActionLabel = (code: string) => labelOf(LOGIN_ACTION_LABELS, code);
export const loginResultLabel = (code: string) => labelOf(LOGIN_RESULT_LABELS, code);

/** Failure reasons (login_records.reason) in plain zh-TW, for the 詳細 view. */
export const LOGIN_REASON_LABELS: Record<string, string> = {
  BAD_PASSWORD: '密碼錯誤',
  UNKNOWN_ACCOUNT: '帳號不存在',
  LOCKED: '登入失敗次數過多，帳號暫時鎖定中',
  PASSWORD_EXPIRED: '密碼已逾有效期限，須先變更密碼',
  STATUS_DISABLED: '帳號已停用',
  STATUS_PENDING_ACTIVATION: '帳號尚未開通',
  NO_PASSWORD: '帳號尚未設定密碼',
  BAD_OTP: '動態驗證碼錯誤',
  OTP_REUSED: '動態驗證碼已使用過',
  OTP_NOT_ENABLED: '帳號未啟用 OTP 驗證',
  BAD_TEMP_PASSWORD: '臨時密碼錯誤',
  TEMP_PASSWORD_EXPIRED: '臨時密碼已逾時',
  BAD_CODE: '驗證碼錯誤',
  CODE_EXPIRED: '驗證碼已逾時',
  CAPTCHA_INVALID: '圖形驗證碼錯誤',
  CERT_INVALID: '憑證驗證失敗',
  CERT_EXPIRED: '憑證已過期',
  CERT_REVOKED: '憑證已廢止',
  CERT_NOT_BOUND: '憑證未綁定此帳號',
  CERT_UNTRUSTED: '憑證不是由信任的憑證機構簽發',
  SIGNATURE_INVALID: '憑證簽章驗證失敗',
  MOBILE_CERT_DENIED: '已於行動自然人憑證 App 拒絕',
  MOBILE_CERT_EXPIRED: '行動自然人憑證驗證逾時',
  MOBILE_CERT_FAILED: '行動自然人憑證驗證失敗',
  NO_ACCOUNT_FOR_ID: '此身分證字號沒有對應的帳號',
  OUTSIDE_NETWORK: '府外網路不可使用此登入方式',
  RATE_LIMITED: '操作過於頻繁',
};

/** 帳號驗證 API calls are recorded as `VERIFY_API:<client_id>` (success) or `…:<reason>` (failure). */
export const VERIFY_API_PREFIX = 'VERIFY_API:';

export function integrationReason(clientId: string, code?: string): string {
  return `${VERIFY_API_PREFIX}${clientId}${code ? `:${code}` : ''}`;
}

export interface ParsedReason {
  /** The failure reason code, if any. */
  code: string | null;
  /** The client_id of the registered system the attempt came through (帳號驗證 API). */
  viaClientId: string | null;
}

export function parseReason(reason: string | null | undefined): ParsedReason {
  if (!reason) return { code: null, viaClientId: null };
  if (!reason.startsWith(VERIFY_API_PREFIX)) return { code: reason, viaClientId: null };
  const rest = reason.slice(VERIFY_API_PREFIX.length);
  const colon = rest.indexOf(':');
  return colon === -1
    ? { code: null, viaClientId: rest }
    : { code: rest.slice(colon + 1) || null, viaClientId: rest.slice(0, colon) };
}

/** 密碼錯誤 / 帳號已停用 …; an unknown code still says it failed and names the code. */
export function loginReasonLabel(code: string | null | undefined): string {
  if (!code) return '';
  const known = LOGIN_REASON_LABELS[code];
  if (known && Object.hasOwn(LOGIN_REASON_LABELS, code)) return known;
  if (code.startsWith('STATUS_')) return `帳號狀態不允許登入（${code.slice(7)}）`;
  return `登入失敗（${code}）`;
}

// ---------------------------------------------------------------------------------------------
// The query: 起日/迄日 are calendar days in Taiwan (UTC+8, no daylight saving).

export const RECORD_DEFAULT_DAYS = 30;
export const RECORD_MAX_RANGE_DAYS = 366;
export const RECORD_PAGE_SIZES = [10, 20, 50, 100] as const;
const TAIPEI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** YYYY-MM-DD of an instant, in Taiwan. */
export function taipeiDate(at: Date | number): string {
  return new Date(new Date(at).getTime() + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of a Taiwan calendar day. */
export function taipeiDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - TAIPEI_OFFSET_MS);
}

const addDays = (date: string, days: number) => taipeiDate(taipeiDayStart(date).getTime() + days * DAY_MS);

/** 起日 = 30 days ago, 迄日 = today. */
export function defaultRecordRange(now: Date | number = Date.now()): { from: string; to: string } {
  const to = taipeiDate(now);
  return { from: addDays(to, -RECORD_DEFAULT_DAYS), to };
}

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const dateField = (label: string) =>
  z
    .string({ error: `請選擇${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式錯誤（YYYY-MM-DD）`, abort: true })
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      `${label}不是有效的日期`,
    );

/** A select whose 全部 is sent as nothing: one of the labels' keys, or undefined. */
export const enumOrAll = <K extends string>(labels: Record<K, string>, label: string) =>
  z.preprocess(blankToUndefined, z.enum(Object.keys(labels) as [K, ...K[]], { error: `${label}選項錯誤` }).optional());

const pageField = z.coerce.number({ error: '頁碼錯誤' }).int('頁碼錯誤').min(0, '頁碼錯誤').max(100_000, '頁碼錯誤').default(0);
const pageSizeField = z.coerce
  .number({ error: '每頁筆數錯誤' })
  .refine((n) => (RECORD_PAGE_SIZES as readonly number[]).includes(n), `每頁筆數須為 ${RECORD_PAGE_SIZES.join('、')}`)
  .default(20);

function rangeChecked<T extends { from?: string; to?: string }>(schema: z.ZodType<T>, now: () => Date) {
  return schema
    .transform((q) => {
      const defaults = defaultRecordRange(now());
      return { ...q, from: q.from || defaults.from, to: q.to || defaults.to };
    })
    .superRefine((q, ctx) => {
      if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: '起日不可晚於迄日' });
      else if (taipeiDayStart(q.to).getTime() - taipeiDayStart(q.from).getTime() >= RECORD_MAX_RANGE_DAYS * DAY_MS)
        ctx.addIssue({ code: 'custom', path: ['to'], message: `查詢區間最長為 ${RECORD_MAX_RANGE_DAYS} 天，請縮小起迄日期` });
    })
    .transform((q) => ({ ...q, since: taipeiDayStart(q.from), until: taipeiDayStart(addDays(q.to, 1)) }));
}

const rangeFields = {
  from: z.preprocess(blankToUndefined, dateField('起日').optional()),
  to: z.preprocess(blankToUndefined, dateField('迄日').optional()),
};
/** 頁碼 and 每頁筆數 (10、20、50、100) of every paged list. */
export const pagingFields = { page: pageField, pageSize: pageSizeField };
const loginFilterFields = {
  method: enumOrAll(LOGIN_METHOD_LABELS, '登入方式'),
  action: enumOrAll(LOGIN_ACTION_LABELS, '動作'),
  result: enumOrAll(LOGIN_RESULT_LABELS, '操作結果'),
};
/** 日誌紀錄管理: part of an account or a name. */
const keywordField = z.preprocess(
  blankToUndefined,
  z.string({ error: '帳號或姓名格式錯誤' }).trim().max(64, '帳號或姓名最多 64 個字').optional(),
);

/** GET /api/account/login-records ?from&to&method&action&result&page&pageSize */
export const loginRecordQuerySchema = (now: () => Date = () => new Date()) =>
  rangeChecked(z.object({ ...rangeFields, ...loginFilterFields, ...pagingFields }), now);

/** GET /api/account/usage-records ?from&to&page&pageSize */
export const usageRecordQuerySchema = (now: () => Date = () => new Date()) =>
  rangeChecked(z.object({ ...rangeFields, ...pagingFields }), now);

/** 日誌紀錄管理 › 登入紀錄: GET /api/console/records/login ?from&to&q&method&action&result&page&pageSize */
export const consoleLoginRecordQuerySchema = (now: () => Date = () => new Date()) =>
  rangeChecked(z.object({ ...rangeFields, q: keywordField, ...loginFilterFields, ...pagingFields }), now);

/** 日誌紀錄管理 › 使用紀錄: GET /api/console/records/usage ?from&to&q&action&page&pageSize */
export const consoleUsageRecordQuerySchema = (now: () => Date = () => new Date()) =>
  rangeChecked(z.object({ ...rangeFields, q: keywordField, action: enumOrAll(USAGE_ACTIONS, '動作'), ...pagingFields }), now);

export type LoginRecordQuery = z.output<ReturnType<typeof loginRecordQuerySchema>>;
export type UsageRecordQuery = z.output<ReturnType<typeof usageRecordQuerySchema>>;
export type ConsoleLoginRecordQuery = z.output<ReturnType<typeof consoleLoginRecordQuerySchema>>;
export type ConsoleUsageRecordQuery = z.output<ReturnType<typeof consoleUsageRecordQuerySchema>>;
