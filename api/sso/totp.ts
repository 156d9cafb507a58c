import { generate, generateSecret, generateURI, verify } from 'otplib';

/**
 * 動態驗證碼 (OTP): RFC 6238 TOTP as Google Authenticator and Microsoft Authenticator use it
 * (SHA-1, 6 digits, 30-second steps, Base32 secret of 20 random bytes). A code is accepted in the
 * current step and one step either side (clock drift), and only once: the caller keeps the step of
 * the last accepted code and passes it as `lastStep`.
 */
export const OTP_ISSUER = '臺南市政府單一帳號認證平台';
export const OTP_PERIOD_SECONDS = 30;
/** ± one step. */
const TOLERANCE_SECONDS = OTP_PERIOD_SECONDS;

export const newOtpSecret = (): string => generateSecret();

/** The otpauth:// URI the QR code carries: issuer 臺南市政府單一帳號認證平台, label = account. */
export function otpauthUri(account: string, secret: string): string {
  return generateURI({ issuer: OTP_ISSUER, label: account, secret });
}

/** The current code (tests, and the e2e suite's stand-in for the phone). */
export function currentOtp(secret: string, epochSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  return generate({ secret, epoch: epochSeconds });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'BAD_OTP' | 'OTP_REUSED' };

/**
 * Whether `code` is a valid code of `secret` now (±1 step) in a step after `lastStep`.
 * Malformed input (not 6 digits) is simply not valid.
 */
export async function checkTotp(
  secret: string,
  code: string,
  options: { lastStep?: number | null; epochSeconds?: number } = {},
): Promise<TotpCheck> {
  const token = code.trim();
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: 'BAD_OTP' };
  const epoch = options.epochSeconds ?? Math.floor(Date.now() / 1000);
  const result = await verify({ secret, token, epoch, epochTolerance: TOLERANCE_SECONDS }).catch(() => ({
    valid: false as const,
  }));
  if (!result.valid || !('timeStep' in result)) return { ok: false, reason: 'BAD_OTP' };
  if (options.lastStep != null && result.timeStep <= options.lastStep) return { ok: false, reason: 'OTP_REUSED' };
  return { ok: true, step: result.timeStep };
}
