import { z } from 'zod';

/** 一般登入 form; shared by the web form and the API. Deliberately loose: a wrong account and a
 * wrong password must look the same, so only emptiness and absurd lengths are rejected here. */
export const loginSchema = z.object({
  account: z.string().trim().min(1, '請輸入登入帳號').max(64, '登入帳號過長'),
  password: z.string().min(1, '請輸入密碼').max(128, '密碼過長'),
  captchaId: z.string().trim().min(1, '請重新取得圖形驗證碼').max(64),
  captchaAnswer: z.string().trim().min(1, '請輸入圖形驗證碼').max(16, '圖形驗證碼錯誤'),
});

export type LoginInput = z.infer<typeof loginSchema>;
