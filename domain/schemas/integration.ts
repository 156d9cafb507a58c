import { z } from 'zod';
import { isValidEmail, normalizeEmail } from '../email';
import { CLAIM_SCOPES, type ServiceKind } from '../integrations/services';
import { optionalText, requiredText } from './text-fields';

// 應用系統服務介接申請's forms, read by the API (400 with these messages) and the pages (the same words,
// before sending): 新增應用系統, the four services' 我要申請 forms, and 更換金鑰 / 停用.

export const MAX_PRODUCTION_IPS = 5;
export const MAX_REDIRECT_URIS = 5;

export const INTEGRATION_MESSAGES = {
  IPS_REQUIRED: '請輸入正式 IP',
  IPS_TOO_MANY: `正式 IP 最多可設定 ${MAX_PRODUCTION_IPS} 組`,
  IP_FORMAT: '正式 IP 格式錯誤，請輸入 IPv4、IPv6 位址或 CIDR 網段（例：203.0.113.10、203.0.113.0/24）',
  IP_DUPLICATE: '正式 IP 不可重複',
  URL_FORMAT: '應用系統網址格式錯誤，請輸入 https:// 或 http:// 開頭的完整網址',
  CLAIMS_REQUIRED: '請勾選所需拋回的資料',
  REDIRECT_URIS_REQUIRED: '請輸入驗證處理常式含參數名稱',
  REDIRECT_URIS_TOO_MANY: `驗證處理常式最多可設定 ${MAX_REDIRECT_URIS} 組`,
  AGENCIES_REQUIRED: '請選擇顯示此轉登入口的機關',
  PARAM_FORMAT: '參數名稱須以英文字母開頭，僅含英文字母、數字及底線（最多 40 字）',
  QUOTA_RANGE: '每月簡訊則數須為 1 至 100000 的整數',
} as const;

/** 正式 IP: an IPv4/IPv6 address or CIDR block, lower-cased. */
const ipOrCidr = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

export const productionIpsSchema = z
  .array(z.string({ error: INTEGRATION_MESSAGES.IP_FORMAT }).trim().toLowerCase(), {
    error: INTEGRATION_MESSAGES.IPS_REQUIRED,
  })
  .transform((ips) => ips.filter((ip) => ip !== ''))
  .superRefine((ips, ctx) => {
    if (ips.length === 0) ctx.addIssue({ code: 'custom', message: INTEGRATION_MESSAGES.IPS_REQUIRED });
    else if (ips.length > MAX_PRODUCTION_IPS) ctx.addIssue({ code: 'custom', message: INTEGRATION_MESSAGES.IPS_TOO_MANY });
    else if (ips.some((ip) => !ipOrCidr.safeParse(ip).success)) {
      ctx.addIssue({ code: 'custom', message: INTEGRATION_MESSAGES.IP_FORMAT });
    } else if (new Set(ips).size !== ips.length) ctx.addIssue({ code: 'custom', message: INTEGRATION_MESSAGES.IP_DUPLICATE });
  });

const webUrl = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(500, message)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
      } catch {
        return false;
      }
    }, message);

/** 新增應用系統 (and its edit): every field of the manual's screen. */
export const applicationSystemSchema = z.strictObject({
  name: requiredText('應用系統名稱', 100, '請輸入應用系統名稱'),
  shortName: optionalText('簡稱', 30),
  /** 管理機關: the applicant's own agency unless a system admin picks another. */
  agencyId: z.string({ error: '請選擇管理機關' }).trim().min(1, '請選擇管理機關').max(64, '請選擇管理機關'),
  contactName: requiredText('聯絡人', 50, '請輸入聯絡人'),
  contactPhone: requiredText('聯絡電話', 30, '請輸入聯絡電話').refine(
    (v) => /^[0-9+()#\- ]{6,30}$/.test(v),
    '聯絡電話格式錯誤，僅可包含數字、+、-、#、括號及空白',
  ),
  contactEmail: z
    .string({ error: '請輸入聯絡人信箱' })
    .transform(normalizeEmail)
    .refine((v) => v !== '', '請輸入聯絡人信箱')
    .refine((v) => v === '' || isValidEmail(v), '聯絡人信箱格式錯誤'),
  vendorName: requiredText('開發廠商名稱', 100, '請輸入開發廠商名稱'),
  description: requiredText('應用系統說明', 2000, '請輸入應用系統說明', true),
  url: webUrl(INTEGRATION_MESSAGES.URL_FORMAT),
  productionIps: productionIpsSchema,
});
export type ApplicationSystemInput = z.infer<typeof applicationSystemSchema>;

/**
 * Why a 單一登入 redirect URI (驗證處理常式) is refused, or null: an absolute URL, exactly as the system
 * will send it (compared character for character), with no fragment, no wildcard, no user info, https
 * in production (http only elsewhere), and on the host of 應用系統網址.
 */
export function redirectUriProblem(value: string, ctx: { systemUrl: string; production: boolean }): string | null {
  if (value.includes('*')) return `驗證處理常式不可使用萬用字元（*）：${value}`;
  if (value.includes('#')) return `驗證處理常式不可包含片段（#）：${value}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `驗證處理常式須為完整網址：${value}`;
  }
  if (url.username || url.password) return `驗證處理常式不可包含帳號密碼：${value}`;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !ctx.production)) {
    return `驗證處理常式須使用 https：${value}`;
  }
  let systemHost: string | null = null;
  try {
    systemHost = new URL(ctx.systemUrl).hostname;
  } catch {
    systemHost = null;
  }
  if (url.hostname !== systemHost) return `驗證處理常式的主機須與應用系統網址相同（${systemHost ?? '未設定'}）：${value}`;
  return null;
}

const claims = z
  .array(z.enum(CLAIM_SCOPES as [string, ...string[]], { error: INTEGRATION_MESSAGES.CLAIMS_REQUIRED }), {
    error: INTEGRATION_MESSAGES.CLAIMS_REQUIRED,
  })
  .min(1, INTEGRATION_MESSAGES.CLAIMS_REQUIRED)
  .transform((scopes) => [...new Set(scopes)]);

const explanation = requiredText('申請說明', 1000, '請輸入申請說明', true);

/** The four 我要申請 forms; `ctx` is the system the form is for and where the portal runs. */
export function serviceFormSchema(kind: ServiceKind, ctx: { systemUrl: string; production: boolean }) {
  switch (kind) {
    case 'SSO':
      return z.strictObject({
        claims,
        redirectUris: z
          .array(z.string({ error: INTEGRATION_MESSAGES.REDIRECT_URIS_REQUIRED }).trim(), {
            error: INTEGRATION_MESSAGES.REDIRECT_URIS_REQUIRED,
          })
          .transform((uris) => uris.filter((uri) => uri !== ''))
          .superRefine((uris, issue) => {
            if (uris.length === 0) issue.addIssue({ code: 'custom', message: INTEGRATION_MESSAGES.REDIRECT_URIS_REQUIRED });
            else if (uris.length > MAX_REDIRECT_URIS) {
              issue.addIssue({ code: 'custom', message: INTEGRATION_MESSAGES.REDIRECT_URIS_TOO_MANY });
            } else {
              const problem = uris.map((uri) => redirectUriProblem(uri, ctx)).find((p) => p !== null);
              if (problem) issue.addIssue({ code: 'custom', message: problem });
              else if (new Set(uris).size !== uris.length) issue.addIssue({ code: 'custom', message: '驗證處理常式不可重複' });
            }
          }),
        description: explanation,
      });
    case 'VERIFY':
      return z.strictObject({
        claims,
        handler: requiredText('驗證處理常式含參數名稱', 500, '請輸入驗證處理常式含參數名稱'),
        description: explanation,
      });
    case 'REDIRECT':
      return z.strictObject({
        handlerUrl: z
          .string({ error: '請輸入驗證處理常式' })
          .trim()
          .min(1, '請輸入驗證處理常式')
          .max(500, '驗證處理常式最多 500 字')
          .superRefine((uri, issue) => {
            const problem = redirectUriProblem(uri, ctx);
            if (problem) issue.addIssue({ code: 'custom', message: problem });
          }),
        paramName: z
          .string({ error: '請輸入參數名稱' })
          .trim()
          .min(1, '請輸入參數名稱')
          .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, INTEGRATION_MESSAGES.PARAM_FORMAT),
        description: explanation,
        agencyIds: z
          .array(z.string().trim().min(1).max(64), { error: INTEGRATION_MESSAGES.AGENCIES_REQUIRED })
          .min(1, INTEGRATION_MESSAGES.AGENCIES_REQUIRED)
          .max(500, '顯示此轉登入口的機關過多')
          .transform((ids) => [...new Set(ids)]),
      });
    case 'SMS':
      return z.strictObject({
        monthlyQuota: z.coerce
          .number({ error: INTEGRATION_MESSAGES.QUOTA_RANGE })
          .int(INTEGRATION_MESSAGES.QUOTA_RANGE)
          .min(1, INTEGRATION_MESSAGES.QUOTA_RANGE)
          .max(100_000, INTEGRATION_MESSAGES.QUOTA_RANGE),
        purpose: requiredText('簡訊用途', 500, '請輸入簡訊用途', true),
        senderName: requiredText('簡訊發送者名稱', 20, '請輸入簡訊發送者名稱'),
        description: explanation,
      });
  }
}
export type SsoForm = { claims: string[]; redirectUris: string[]; description: string };
export type VerifyForm = { claims: string[]; handler: string; description: string };
export type RedirectForm = { handlerUrl: string; paramName: string; description: string; agencyIds: string[] };
export type SmsForm = { monthlyQuota: number; purpose: string; senderName: string; description: string };
export type ServiceForm = SsoForm | VerifyForm | RedirectForm | SmsForm;

/** 更換金鑰 / 停用: the reason, reviewed like an application. */
export const credentialChangeSchema = z.strictObject({
  reason: requiredText('申請原因', 500, '請輸入申請原因', true),
});
