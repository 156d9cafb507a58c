// Personal data at rest: the national ID number (身分證字號) is stored only as
//   - users.national_id_cipher: AES-256-GCM with DATA_KEY, to show it (masked) and to send it to the
//     MOI mobile-certificate service;
//   - users.national_id_hash: HMAC-SHA256 with HASH_KEY, to find a user by ID and keep IDs unique
//     without decrypting every row (a plain hash of a 10-character ID is trivially brute-forced).
// Both keys are base64 of 32 random bytes (docs/dev-contract.md: secrets).
//
// Cipher layout: version(1) | iv(12) | tag(16) | ciphertext. The version byte leaves room for key
// rotation; the AAD binds a ciphertext to its purpose, so an OTP secret's cipher cannot be pasted
// into the national-ID column and decrypt.

import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type CipherPurpose = 'national-id' | 'otp-secret' | 'oidc-signing-key' | 'client-secret' | 'sms-recipient';

export interface PiiKeys {
  dataKey: Buffer;
  hashKey: Buffer;
}

/** Decodes and checks a base64 32-byte key (DATA_KEY / HASH_KEY). */
export function decodeKey(name: string, base64: string | undefined): Buffer {
  if (!base64) throw new Error(`${name} is not set`);
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be base64 of 32 bytes (got ${key.length})`);
  return key;
}

export function loadPiiKeys(env: NodeJS.ProcessEnv = process.env): PiiKeys {
  return { dataKey: decodeKey('DATA_KEY', env.DATA_KEY), hashKey: decodeKey('HASH_KEY', env.HASH_KEY) };
}

/** Canonical form used for both the cipher and the hash, so look-ups are case-insensitive. */
export function normalizeNationalId(id: string): string {
  return id.trim().toUpperCase();
}

export function encryptField(plaintext: string, dataKey: Buffer, purpose: CipherPurpose): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ct]));
}

export function decryptField(data: Uint8Array, dataKey: Buffer, purpose: CipherPurpose): string {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 1 + IV_BYTES + TAG_BYTES || buf[0] !== VERSION) {
    throw new Error('unsupported cipher format');
  }
  const iv = buf.subarray(1, 1 + IV_BYTES);
  const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const ct = buf.subarray(1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', dataKey, iv);
  decipher.setAAD(Buffer.from(purpose, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

export function encryptNationalId(id: string, dataKey: Buffer): Uint8Array<ArrayBuffer> {
  return encryptField(normalizeNationalId(id), dataKey, 'national-id');
}

export function decryptNationalId(data: Uint8Array, dataKey: Buffer): string {
  return decryptField(data, dataKey, 'national-id');
}

/** HMAC-SHA256(HASH_KEY, normalised ID) as 64 hex characters (users.national_id_hash). */
export function hashNationalId(id: string, hashKey: Buffer): string {
  return createHmac('sha256', hashKey).update(normalizeNationalId(id), 'utf8').digest('hex');
}

/** Constant-time comparison of an ID with a stored hash. */
export function nationalIdMatches(id: string, storedHash: string, hashKey: Buffer): boolean {
  const a = Buffer.from(hashNationalId(id, hashKey), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 'A123456789' → 'A12****789' (first three and last three shown; short input fully masked). */
export function maskNationalId(id: string): string {
  const s = normalizeNationalId(id);
  if (s.length <= 6) return '*'.repeat(s.length);
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 6)}${s.slice(-3)}`;
}
