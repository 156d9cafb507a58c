// 系統參數 — the definitions the seed upserts into `system_parameters`, and pure helpers to read
// them with their TypeScript types. No imports, so workflows (deterministic code) may import it.
//
// DURATION values are stored and returned in SECONDS (a decimal integer string in the table).
// Business periods are days, but tests shorten them to seconds, so the unit of storage is the
// smallest one; `unit` (天/分鐘) only tells the admin UI how to display and edit the value
// (DURATION_UNIT_SECONDS converts). min/max of a DURATION are in seconds too; a minimum of 1 second
// keeps test values legal while the UI enforces whole days/minutes through `unit`.

export type ParameterType = 'INT' | 'BOOL' | 'STRING' | 'DURATION';

export type ParameterValueOf<T extends ParameterType> = T extends 'BOOL' ? boolean : T extends 'STRING' ? string : number;

export interface SystemParameterDefinition<K extends string = string, T extends ParameterType = ParameterType> {
  key: K;
  type: T;
  defaultValue: ParameterValueOf<T>;
  /** zh-TW name in 系統參數管理. */
  label: string;
  description: string;
  /** Display unit: 天 / 分鐘 for DURATION (see DURATION_UNIT_SECONDS), 次 / 筆 for INT. */
  unit: string | null;
  min: number | null;
  max: number | null;
}

export const DURATION_UNIT_SECONDS: Readonly<Record<string, number>> = {
  天: 86_400,
  小時: 3_600,
  分鐘: 60,
  秒: 1,
};

const DAY = 86_400;
const MINUTE = 60;
const HOUR = 3_600;

function def<const K extends string, const T extends ParameterType>(
  d: SystemParameterDefinition<K, T>,
): SystemParameterDefinition<K, T> {
  return d;
}

export const SYSTEM_PARAMETERS = [
  def({
    key: 'account.idleDisableAfter',
    type: 'DURATION',
    defaultValue: 90 * DAY,
    label: '閒置停用期間',
    description: '帳號超過此期間未登入，系統自動停用（閒置停用）。',
    unit: '天',
    min: 1,
    max: 3650 * DAY,
  }),
  def({
    key: 'account.idleWarningBefore',
    type: 'DURATION',
    defaultValue: 7 * DAY,
    label: '閒置停用預告期間',
    description: '於閒置停用前此期間，通知使用者登入以免帳號被停用。',
    unit: '天',
    min: 1,
    max: 365 * DAY,
  }),
  def({
    key: 'password.maxAge',
    type: 'DURATION',
    defaultValue: 90 * DAY,
    label: '密碼有效期限',
    description: '密碼變更後超過此期間，登入時須變更密碼。',
    unit: '天',
    min: 1,
    max: 3650 * DAY,
  }),
  def({
    key: 'password.historyCount',
    type: 'INT',
    defaultValue: 3,
    label: '密碼歷史筆數',
    description: '新密碼不可與最近此筆數的舊密碼相同。',
    unit: '筆',
    min: 0,
    max: 24,
  }),
  def({
    key: 'login.lockoutThreshold',
    type: 'INT',
    defaultValue: 5,
    label: '登入失敗鎖定次數',
    description: '連續登入失敗達此次數，帳號暫時鎖定。',
    unit: '次',
    min: 1,
    max: 100,
  }),
  def({
    key: 'login.lockoutDuration',
    type: 'DURATION',
    defaultValue: 15 * MINUTE,
    label: '帳號鎖定時間',
    description: '登入失敗鎖定後，須經過此時間才能再次登入。',
    unit: '分鐘',
    min: 1,
    max: 1440 * MINUTE,
  }),
  def({
    key: 'request.reminderAfter',
    type: 'DURATION',
    defaultValue: 3 * DAY,
    label: '申請案催辦期間',
    description: '申請案送出後超過此期間仍未審核，通知審核者。',
    unit: '天',
    min: 1,
    max: 90 * DAY,
  }),
  def({
    key: 'request.escalationAfter',
    type: 'DURATION',
    defaultValue: 7 * DAY,
    label: '申請案陳報期間',
    description: '申請案送出後超過此期間仍未審核，陳報系統管理者。',
    unit: '天',
    min: 1,
    max: 180 * DAY,
  }),
  def({
    key: 'request.expiryAfter',
    type: 'DURATION',
    defaultValue: 14 * DAY,
    label: '申請案逾期期間',
    description: '申請案送出後超過此期間仍未審核，申請案逾期失效。',
    unit: '天',
    min: 1,
    max: 365 * DAY,
  }),
  def({
    key: 'repair.replyTarget',
    type: 'DURATION',
    defaultValue: 24 * HOUR,
    label: '報修回覆期限',
    description: '報修案件待處理超過此期間仍未回覆，提醒維修人員（報修類型可另訂）。',
    unit: '小時',
    min: 1,
    max: 720 * HOUR,
  }),
  def({
    key: 'repair.escalateAfter',
    type: 'DURATION',
    defaultValue: 24 * HOUR,
    label: '報修陳報期間',
    description: '提醒維修人員後再超過此期間仍未回覆，陳報報修類型保管人。',
    unit: '小時',
    min: 1,
    max: 720 * HOUR,
  }),
  def({
    key: 'repair.autoCloseAfter',
    type: 'DURATION',
    defaultValue: 7 * DAY,
    label: '報修自動結案期間',
    description: '報修案件已處理超過此期間，報修人未評分亦未退回，系統自動結案。',
    unit: '天',
    min: 1,
    max: 90 * DAY,
  }),
  def({
    key: 'integration.secretGracePeriod',
    type: 'DURATION',
    defaultValue: 7 * DAY,
    label: '更換金鑰寬限期間',
    description: '應用系統更換金鑰核准後，舊金鑰於此期間內仍可使用，以便應用系統切換新金鑰。',
    unit: '天',
    min: 1,
    max: 90 * DAY,
  }),
  def({
    key: 'verification.codeTtl',
    type: 'DURATION',
    defaultValue: 10 * MINUTE,
    label: '驗證碼有效時間',
    description: '電子郵件與簡訊驗證碼的有效時間。',
    unit: '分鐘',
    min: 1,
    max: 1440 * MINUTE,
  }),
  def({
    key: 'verification.codeMaxAttempts',
    type: 'INT',
    defaultValue: 5,
    label: '驗證碼輸入次數上限',
    description: '驗證碼輸入錯誤達此次數即失效，須重新取得。',
    unit: '次',
    min: 1,
    max: 20,
  }),
  def({
    key: 'login.temporaryPasswordTtl',
    type: 'DURATION',
    defaultValue: 10 * MINUTE,
    label: '臨時密碼有效時間',
    description: '臨時密碼寄出後的有效時間。',
    unit: '分鐘',
    min: 1,
    max: 1440 * MINUTE,
  }),
] as const;

type Defs = (typeof SYSTEM_PARAMETERS)[number];
export type SystemParameterKey = Defs['key'];

/** Typed values of every parameter: DURATION and INT → number (seconds for DURATION). */
export type SystemParameterValues = {
  [D in Defs as D['key']]: ParameterValueOf<D['type']>;
};

export const SYSTEM_PARAMETER_KEYS: readonly SystemParameterKey[] = SYSTEM_PARAMETERS.map((d) => d.key);

export function getParameterDefinition(key: string): SystemParameterDefinition | undefined {
  return (SYSTEM_PARAMETERS as readonly SystemParameterDefinition[]).find((d) => d.key === key);
}

export const DEFAULT_SYSTEM_PARAMETERS: SystemParameterValues = Object.fromEntries(
  SYSTEM_PARAMETERS.map((d) => [d.key, d.defaultValue]),
) as SystemParameterValues;

/** The text stored in system_parameters.value. */
export function serializeParameterValue(type: ParameterType, value: number | boolean | string): string {
  switch (type) {
    case 'BOOL':
      return value ? 'true' : 'false';
    case 'INT':
    case 'DURATION':
      return String(Math.trunc(Number(value)));
    case 'STRING':
      return String(value);
  }
}

/** Parses a stored value; throws on text that is not a value of `type`. */
export function parseParameterValue(type: ParameterType, raw: string): number | boolean | string {
  switch (type) {
    case 'BOOL':
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw new Error(`not a boolean: ${raw}`);
    case 'INT':
    case 'DURATION': {
      if (!/^-?\d+$/.test(raw.trim())) throw new Error(`not an integer: ${raw}`);
      return Number.parseInt(raw, 10);
    }
    case 'STRING':
      return raw;
  }
}

/** zh-TW error message when `value` is not acceptable for `def`, else null. */
export function validateParameterValue(
  d: Pick<SystemParameterDefinition, 'type' | 'min' | 'max' | 'label'>,
  value: unknown,
): string | null {
  if (d.type === 'BOOL') return typeof value === 'boolean' ? null : `${d.label}須為是或否`;
  if (d.type === 'STRING') return typeof value === 'string' ? null : `${d.label}須為文字`;
  if (typeof value !== 'number' || !Number.isInteger(value)) return `${d.label}須為整數`;
  if (d.min !== null && value < d.min) return `${d.label}不可小於 ${d.min}`;
  if (d.max !== null && value > d.max) return `${d.label}不可大於 ${d.max}`;
  return null;
}

/**
 * Typed values from stored rows. A missing row, or one whose value does not parse or is out of
 * bounds, falls back to the default: a bad edit must not stop logins or workflows.
 */
export function resolveSystemParameters<K extends SystemParameterKey = SystemParameterKey>(
  rows: readonly { key: string; value: string }[],
  keys?: readonly K[],
): Pick<SystemParameterValues, K> {
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const wanted = (keys ?? SYSTEM_PARAMETER_KEYS) as readonly SystemParameterKey[];
  const out: Record<string, number | boolean | string> = {};
  for (const key of wanted) {
    const d = getParameterDefinition(key);
    if (!d) throw new Error(`unknown system parameter ${key}`);
    let value: number | boolean | string = d.defaultValue;
    const raw = byKey.get(key);
    if (raw !== undefined) {
      try {
        const parsed = parseParameterValue(d.type, raw);
        if (validateParameterValue(d, parsed) === null) value = parsed;
      } catch {
        // keep the default
      }
    }
    out[key] = value;
  }
  return out as Pick<SystemParameterValues, K>;
}
