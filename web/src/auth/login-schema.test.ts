import { describe, expect, it } from 'vitest';
import { validateGeneralLogin } from './login-schema';

describe('一般登入 form validation', () => {
  it('accepts an account and a password', () => {
    expect(validateGeneralLogin({ account: 'user01', password: 'secret' })).toBeNull();
  });

  it('asks for both fields in zh-TW', () => {
    expect(validateGeneralLogin({ account: '  ', password: '' })).toEqual({ account: '請輸入登入帳號', password: '請輸入密碼' });
  });
});
