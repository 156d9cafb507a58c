// 單一帳號認證平台 login forms shared by the web tabs and the API: 動態驗證碼 (OTP) and 臨時密碼.
// Deliberately loose about the account: a wrong account and a wrong code must look the same.
import { z } from 'zod';
import { toHalfWidth } from '../text';
import { emailVerificationSchema } from './account-application';

export const SSO_LOGIN_MESSAGES = {
  ACCOUNT: '請輸入帳號',
  OTP: '請輸入 6 位數動態驗證碼(OTP)',
  TEMPORARY_PASSWORD: '請輸入臨時密碼',
} as const;

/** 6 digits; spaces and full-width digits (an IME left on) are tolerated. */
export const otpCodeSchema = z
  .string({ error: SSO_LOGIN_MESSAGES.OTP })
  .transform((v) => toHalfWidth(v).replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, SSO_LOGIN_MESSAGES.OTP));

/** 動態驗證碼: 帳號 + 動態驗證碼(OTP). */
export const otpLoginSchema = z.object({
  account: z.string({ error: SSO_LOGIN_MESSAGES.ACCOUNT }).trim().min(1, SSO_LOGIN_MESSAGES.ACCOUNT).max(64, '帳號過長'),
  code: otpCodeSchema,
});

/** 臨時密碼 step 1: 備用信箱 + 圖形驗證碼 → 送出. */
export const temporaryPasswordRequestSchema = emailVerificationSchema;

/** 臨時密碼 step 2: the mailed 臨時密碼 + 圖形驗證碼 again → 登入. */
export const temporaryPasswordLoginSchema = emailVerificationSchema.extend({
  temporaryPassword: z
    .string({ error: SSO_LOGIN_MESSAGES.TEMPORARY_PASSWORD })
    .transform((v) => toHalfWidth(v).replace(/\s/g, ''))
    .pipe(z.string().min(1, SSO_LOGIN_MESSAGES.TEMPORARY_PASSWORD).max(32, '臨時密碼錯誤')),
});

export type OtpLoginInput = z.input<typeof otpLoginSchema>;
export type TemporaryPasswordLoginInput = z.input<typeof temporaryPasswordLoginSchema>;
