import { describe, expect, it } from 'vitest';
import { checkTotp, currentOtp, newOtpSecret, OTP_ISSUER, otpauthUri } from './totp';

const secret = newOtpSecret();
const now = 1_800_000_015; // 15 s into a step
const step = Math.floor(now / 30);
const codeAt = (seconds: number) => currentOtp(secret, seconds);

describe('動態驗證碼 (TOTP)', () => {
  it('makes a 160-bit Base32 secret and an otpauth URI authenticator apps read', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri('sdcuser1', secret));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/${OTP_ISSUER}:sdcuser1`);
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe(OTP_ISSUER);
  });

  it('accepts the current code and the codes one step before and after (clock drift)', async () => {
    expect(await checkTotp(secret, await codeAt(now), { epochSeconds: now })).toEqual({ ok: true, step });
    expect(await checkTotp(secret, await codeAt(now - 30), { epochSeconds: now })).toEqual({ ok: true, step: step - 1 });
    expect(await checkTotp(secret, await codeAt(now + 30), { epochSeconds: now })).toEqual({ ok: true, step: step + 1 });
  });

  it('refuses codes two steps away', async () => {
    expect(await checkTotp(secret, await codeAt(now - 60), { epochSeconds: now })).toEqual({ ok: false, reason: 'BAD_OTP' });
    expect(await checkTotp(secret, await codeAt(now + 60), { epochSeconds: now })).toEqual({ ok: false, reason: 'BAD_OTP' });
  });

  it('accepts a code once: a step at or before the last accepted one is a replay', async () => {
    const code = await codeAt(now);
    expect(await checkTotp(secret, code, { epochSeconds: now, lastStep: step })).toEqual({ ok: false, reason: 'OTP_REUSED' });
    expect(await checkTotp(secret, await codeAt(now - 30), { epochSeconds: now, lastStep: step })).toEqual({
      ok: false,
      reason: 'OTP_REUSED',
    });
    // The next step's code still works after this one was used.
    expect(await checkTotp(secret, await codeAt(now + 30), { epochSeconds: now, lastStep: step })).toEqual({
      ok: true,
      step: step + 1,
    });
  });

  it('treats malformed input and another secret’s code as wrong, without throwing', async () => {
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 456']) {
      expect(await checkTotp(secret, bad, { epochSeconds: now })).toEqual({ ok: false, reason: 'BAD_OTP' });
    }
    // Another secret's code (chosen so it does not collide with this secret's window by chance).
    const window = new Set([await codeAt(now - 30), await codeAt(now), await codeAt(now + 30)]);
    let other = await currentOtp(newOtpSecret(), now);
    while (window.has(other)) other = await currentOtp(newOtpSecret(), now);
    expect(await checkTotp(secret, other, { epochSeconds: now })).toEqual({ ok: false, reason: 'BAD_OTP' });
  });

  it('trims spaces around a code typed by hand', async () => {
    expect(await checkTotp(secret, ` ${await codeAt(now)} `, { epochSeconds: now })).toEqual({ ok: true, step });
  });
});
