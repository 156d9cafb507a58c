// Client-side checks of the 一般登入 form. The server validates again (VALIDATION_FAILED with fields).
// TODO(domain): move to domain/ once the shared login schema exists there, and import it on both sides.
import { z } from 'zod';

export const generalLoginSchema = z.object({
  account: z.string().trim().min(1, '請輸入登入帳號'),
  password: z.string().min(1, '請輸入密碼'),
});

export type GeneralLoginInput = z.infer<typeof generalLoginSchema>;
export type GeneralLoginField = keyof GeneralLoginInput;

/** The first message per field, or null when the input is valid. */
export function validateGeneralLogin(input: GeneralLoginInput): Partial<Record<GeneralLoginField, string>> | null {
  const result = generalLoginSchema.safeParse(input);
  if (result.success) return null;
  const errors: Partial<Record<GeneralLoginField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === 'account' || field === 'password') && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
