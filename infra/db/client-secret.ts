import { decryptField, encryptField } from './pii';

/** Client secrets at rest: AES-256-GCM with DATA_KEY, bound to this purpose (the OIDC adapter reads them too). */
export const CLIENT_SECRET_PURPOSE = 'client-secret';

export const sealClientSecret = (secret: string, dataKey: Buffer) => encryptField(secret, dataKey, CLIENT_SECRET_PURPOSE);
export const openClientSecret = (cipher: Uint8Array, dataKey: Buffer) => decryptField(cipher, dataKey, CLIENT_SECRET_PURPOSE);
