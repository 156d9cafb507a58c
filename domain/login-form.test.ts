import { describe, expect, it } from 'vitest';
import { loginFormProblems } from './login-form';
import { loginSchema } from './schemas/session';

/** What the API's schema says, field by field (first message each). */
function apiProblems(input: Record<string, unknown>) {
  const result = loginSchema.safeParse(input);
  if (result.success) return null;
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

describe('一般登入: the page and the API refuse the same input with the same words', () => {
  const cases: Record<string, unknown>[] = [
    { account: 'user01', password: 'secret', captchaId: 'c1', captchaAnswer: 'ab3de' },
    { account: '  ', password: '', captchaId: 'c1', captchaAnswer: '' },
    { account: 'a'.repeat(65), password: 'p'.repeat(129), captchaId: ' ', captchaAnswer: 'x'.repeat(17) },
    { account: ' user01 ', password: '  ', captchaId: 'c1', captchaAnswer: ' ab3de ' },
    { account: 'user01', password: 'secret' },
  ];
  it.each(cases)('%j', (input) => {
    expect(loginFormProblems(input)).toEqual(apiProblems(input));
  });

  it('names each problem in zh-TW', () => {
    expect(loginFormProblems({ account: 'a'.repeat(65), password: '', captchaId: 'c', captchaAnswer: 'x'.repeat(17) })).toEqual({
      account: '登入帳號過長',
      password: '請輸入密碼',
      captchaAnswer: '圖形驗證碼錯誤',
    });
  });
});
