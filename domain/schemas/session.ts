import { z } from 'zod';
import { LOGIN_FIELDS, type LoginField } from '../login-form';

const field = (name: LoginField) => {
  const rule = LOGIN_FIELDS[name];
  const text = rule.trim ? z.string({ error: rule.missing }).trim() : z.string({ error: rule.missing });
  return text.min(1, rule.missing).max(rule.max, rule.tooLong);
};

/** 一般登入 form as the API reads it; the rules are domain/login-form.ts's, which the login page checks first. */
export const loginSchema = z.object({
  account: field('account'),
  password: field('password'),
  captchaId: field('captchaId'),
  captchaAnswer: field('captchaAnswer'),
});

export type { LoginInput } from '../login-form';
