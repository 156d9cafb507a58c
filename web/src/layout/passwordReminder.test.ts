import { describe, expect, it } from 'vitest';
import { passwordReminder } from './passwordReminder';

describe('password expiry reminder', () => {
  it('uses the manual wording', () => {
    expect(passwordReminder(70)).toBe('提醒您：密碼將於70天後到期');
  });

  it('is absent when the password does not expire', () => {
    expect(passwordReminder(null)).toBeNull();
  });

  it('speaks of today and of an expired password', () => {
    expect(passwordReminder(0)).toBe('提醒您：密碼將於今天到期');
    expect(passwordReminder(-3)).toBe('提醒您：密碼已過期，請儘速修改密碼');
  });
});
