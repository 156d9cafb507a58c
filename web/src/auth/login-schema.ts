// Client-side checks of the 一般登入 form with the rules the API uses (domain/login-form.ts, which
// domain/schemas/session.ts builds its schema from); the server validates again (VALIDATION_FAILED with fields).
import { loginFormProblems, type LoginInput as GeneralLoginInput } from '../../../domain/login-form';

export type { GeneralLoginInput };
export type GeneralLoginField = keyof GeneralLoginInput;

/** The first message per shown field, or null when the input is valid. */
export function validateGeneralLogin(input: GeneralLoginInput): Partial<Record<GeneralLoginField, string>> | null {
  const problems = loginFormProblems(input);
  if (!problems) return null;
  const { captchaId: _hidden, ...shown } = problems;
  return Object.keys(shown).length ? shown : null;
}
