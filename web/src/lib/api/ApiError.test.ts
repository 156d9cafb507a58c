import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import { ERROR_MESSAGES, messageForCode } from './errors';

describe('ApiError from an answer', () => {
  it('keeps code, message and string fields', () => {
    const error = ApiError.fromBody(409, {
      error: { code: 'ACCOUNT_TAKEN', message: '此帳號已被使用', fields: { account: '此帳號已被使用' } },
    });
    expect(error).toMatchObject({
      status: 409,
      code: 'ACCOUNT_TAKEN',
      message: '此帳號已被使用',
      fields: { account: '此帳號已被使用' },
    });
    expect(error.fieldMessages).toEqual({ account: ['此帳號已被使用'] });
  });

  it('keeps every message of a field answered with a list (PASSWORD_POLICY)', () => {
    const error = ApiError.fromBody(400, {
      error: {
        code: 'PASSWORD_POLICY',
        message: '新密碼不符合密碼規則',
        fields: { newPassword: ['密碼需包含數字', '密碼需包含大寫英文字母', 3] },
      },
    });
    expect(error.fieldMessages.newPassword).toEqual(['密碼需包含數字', '密碼需包含大寫英文字母']);
    expect(error.fields.newPassword).toBe('密碼需包含數字；密碼需包含大寫英文字母');
  });

  it('keeps the extra data of the error (RESEND_TOO_SOON resendAfter)', () => {
    const error = ApiError.fromBody(429, {
      error: { code: 'RESEND_TOO_SOON', message: '請稍候', resendAfter: '2024-07-22T02:01:00Z' },
    });
    expect(error.details.resendAfter).toBe('2024-07-22T02:01:00Z');
  });

  it('falls back on the zh-TW text of the code or of the status', () => {
    expect(ApiError.fromBody(409, { error: { code: 'APPLICATION_DECIDED' } }).message).toBe('此申請已審核，無法修改');
    expect(ApiError.fromBody(429, 'Too Many Requests')).toMatchObject({ code: 'RATE_LIMITED', fields: {}, details: {} });
  });
});

describe('error codes of the account application contract', () => {
  it('all have a zh-TW message', () => {
    for (const code of [
      'CAPTCHA_INVALID',
      'EMAIL_OFFICIAL',
      'EMAIL_ALREADY_BOUND',
      'RESEND_TOO_SOON',
      'CODE_INVALID',
      'CODE_EXPIRED',
      'CODE_TOO_MANY_ATTEMPTS',
      'ACCOUNT_TAKEN',
      'NATIONAL_ID_IN_USE',
      'APPLICATION_DECIDED',
      'PASSWORD_POLICY',
      'PASSWORD_REUSED',
      'VALIDATION_FAILED',
      'FORBIDDEN',
    ]) {
      expect(ERROR_MESSAGES[code], code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(messageForCode('EMAIL_OFFICIAL')).toBe('備用信箱不可使用公務信箱（@mail.tainan.gov.tw）');
  });
});
