import { describe, expect, it } from 'vitest';
import { validateGeneralLogin } from './login-schema';

describe('一般登入 form validation', () => {
  it('accepts an account and a password', () => {
    expect(validateGeneralLogin({ account: 'user01', password: 'secret', captchaId: 'c1', captchaAnswer: 'ab3de' })).toBeNull();
  });

  it('asks for both fields in zh-TW', () => {
    expect(validateGeneralLogin({ account: '  ', password: '', captchaId: 'c1', captchaAnswer: '' })).toEqual({
      account: '請輸入登入帳號',
      password: '請輸入密碼',
      captchaAnswer: '請輸入圖形驗證碼',
    });
  });
});
