import crypto from 'node:crypto';

/**
 * AES-256-GCM for secrets handed to a workflow by reference (SecretBox rows). The purpose is bound
 * as associated data, so a box sealed for one use cannot be opened as another.
 */
/** The purpose of the box holding a new password until the AD step has set it (password-sync). */
export const AD_PASSWORD_BOX = 'ad-password';

export function sealSecret(plaintext: string, dataKey: Buffer, purpose: string): Uint8Array<ArrayBuffer> {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(`secret-box:${purpose}`));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
}

export function openSecret(data: Uint8Array, dataKey: Buffer, purpose: string): string {
  const buf = Buffer.from(data);
  const decipher = crypto.createDecipheriv('aes-256-gcm', dataKey, buf.subarray(0, 12));
  decipher.setAAD(Buffer.from(`secret-box:${purpose}`));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
}
