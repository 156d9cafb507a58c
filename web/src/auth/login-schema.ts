// Client-side checks of the 一般登入 form with the schema the API uses (domain/schemas/session.ts);
// the server validates again (VALIDATION_FAILED with fields).
import { loginSchema as generalLoginSchema, type LoginInput as GeneralLoginInput } from '../../../domain/schemas/session';

export { generalLoginSchema, type GeneralLoginInput };
export type GeneralLoginField = keyof GeneralLoginInput;

/** The first message per field, or null when the input is valid. */
export function validateGeneralLogin(input: GeneralLoginInput): Partial<Record<GeneralLoginField, string>> | null {
  const result = generalLoginSchema.safeParse(input);
  if (result.success) return null;
  const errors: Partial<Record<GeneralLoginField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === 'account' || field === 'password' || field === 'captchaAnswer') && !errors[field])
      errors[field] = issue.message;
  }
  return errors;
}
