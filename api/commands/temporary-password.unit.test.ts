import { describe, expect, it } from 'vitest';
import { renderMail } from '../../activities/mail';
import { TEMPORARY_PASSWORD_ALPHABET } from '../../infra/mail/templates/account-security';
import { generateTemporaryPassword, TEMPORARY_PASSWORD_LENGTH } from './temporary-password';

describe('臨時密碼 generation', () => {
  it('makes 12 characters, none of them easy to misread (0/O/o, 1/l/I/i)', () => {
    for (let i = 0; i < 500; i++) {
      const password = generateTemporaryPassword();
      expect(password).toHaveLength(TEMPORARY_PASSWORD_LENGTH);
      expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
      expect(password).not.toMatch(/[0O1lIio]/);
    }
  });

  it('draws from the whole alphabet and does not repeat (random, not a pattern)', () => {
    const passwords = Array.from({ length: 2000 }, generateTemporaryPassword);
    expect(new Set(passwords).size).toBe(passwords.length);
    const used = new Set(passwords.join(''));
    expect([...TEMPORARY_PASSWORD_ALPHABET].every((c) => used.has(c))).toBe(true);
    // Roughly uniform: each of the 55 characters appears about 2000·12/55 ≈ 436 times.
    const counts = new Map<string, number>();
    for (const c of passwords.join('')) counts.set(c, (counts.get(c) ?? 0) + 1);
    for (const count of counts.values()) expect(count).toBeGreaterThan(300);
  });

  it('is mailed in the body only, with its validity, never in the subject', () => {
    const password = generateTemporaryPassword();
    const mail = renderMail('temporaryPassword', { name: '王小明', account: 'wangxm', password, minutes: 10 });
    expect(mail.subject).toBe('【臺南市政府公務入口網】臨時密碼通知');
    expect(mail.text).toContain(password);
    expect(mail.text).toContain('10 分鐘後失效');
    expect(mail.text).toContain('僅能使用一次');
    expect(() =>
      renderMail('temporaryPassword', { name: '王小明', account: 'wangxm', password: 'short', minutes: 10 }),
    ).toThrow();
  });
});
