import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { decryptField, encryptField } from '../../infra/db/pii';

const ALG = 'RS256';

export interface SigningKey {
  kid: string;
  alg: string;
  privateKey: JWK;
  retired: boolean;
}

/**
 * The SSO's signing keys, kept in PostgreSQL so every API replica signs with the same key. The
 * newest key that is not retired signs; retired keys stay published in the JWKS so tokens they signed
 * still verify until they are removed. `rotate()` adds a new key and retires the previous one; replicas
 * notice through `fingerprint()` (api/sso/provider.ts rebuilds the provider when it changes).
 */
export function createSigningKeys(prisma: PrismaClient, dataKey: Buffer) {
  async function create() {
    const { privateKey } = await generateKeyPair(ALG, { modulusLength: 2048, extractable: true });
    const kid = crypto.randomUUID();
    const jwk = { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
    await prisma.oidcSigningKey.create({
      data: { kid, alg: ALG, privateJwkCipher: encryptField(JSON.stringify(jwk), dataKey, 'oidc-signing-key') },
    });
    return kid;
  }

  async function all(): Promise<SigningKey[]> {
    let rows = await prisma.oidcSigningKey.findMany({ orderBy: { createdAt: 'desc' } });
    if (!rows.some((row) => !row.retiredAt)) {
      // Two replicas starting together may both create one: harmless, the newest signs.
      await create();
      rows = await prisma.oidcSigningKey.findMany({ orderBy: { createdAt: 'desc' } });
    }
    // Active first: oidc-provider signs with the first key of the algorithm.
    return rows
      .sort((a, b) => Number(Boolean(a.retiredAt)) - Number(Boolean(b.retiredAt)))
      .map((row) => ({
        kid: row.kid,
        alg: row.alg,
        privateKey: JSON.parse(decryptField(row.privateJwkCipher, dataKey, 'oidc-signing-key')) as JWK,
        retired: Boolean(row.retiredAt),
      }));
  }

  return {
    all,
    async current() {
      const key = (await all())[0]!;
      return { kid: key.kid, alg: key.alg, privateKey: key.privateKey };
    },
    async jwks() {
      const keys = await all();
      return {
        keys: keys.map(({ privateKey }) => {
          const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicKey } = privateKey;
          return publicKey;
        }),
      };
    },
    /** Changes whenever a key is added or retired. */
    async fingerprint() {
      const rows = await prisma.oidcSigningKey.findMany({ select: { kid: true, retiredAt: true }, orderBy: { kid: 'asc' } });
      return rows.map((row) => `${row.kid}:${row.retiredAt ? 'r' : 'a'}`).join(',');
    },
    /** A new signing key; the previously active ones are retired (still published). */
    async rotate() {
      const previous = await prisma.oidcSigningKey.findMany({ where: { retiredAt: null }, select: { kid: true } });
      const kid = await create();
      await prisma.oidcSigningKey.updateMany({
        where: { kid: { in: previous.map((row) => row.kid) } },
        data: { retiredAt: new Date() },
      });
      return kid;
    },
  };
}

export type SigningKeys = ReturnType<typeof createSigningKeys>;
