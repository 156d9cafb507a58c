// 忘記密碼 › 使用手機簡訊 (manual §3.1.8): 手機號碼 + 圖形驗證碼, then the 簡訊驗證碼 (verificationCodeSchema).
// Shared by the page and the API, like the other forms.
import type { z } from 'zod';
import { mobileSchema } from '../phone';
import { emailVerificationSchema } from './account-application';

export const smsResetStartSchema = emailVerificationSchema.omit({ email: true }).extend({ mobile: mobileSchema });
export type SmsResetStartInput = z.input<typeof smsResetStartSchema>;
