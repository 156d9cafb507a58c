import crypto from 'node:crypto';
import type { IdentityPurpose, LoginMethod, PrismaClient } from '@prisma/client';
import { fail } from '../errors';

const PROOF_TTL_MS = 15 * 60_000;
const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');

/**
 * Proofs of identity: after a person verified as a user by some method (行動自然人憑證, 自然人憑證,
 * 備用信箱, 手機簡訊), a short-lived single-use bearer token for the next step (設定新密碼 of
 * 開通帳號 / 忘記密碼, an expired password's forced change). Only the token's SHA-256 is stored.
 */
export function createIdentityProofs(prisma: PrismaClient) {
  async function find(token: string | undefined, purposes: readonly IdentityPurpose[]) {
    const row = token ? await prisma.identityProof.findUnique({ where: { tokenHash: sha256(token) } }) : null;
    if (!row || row.consumedAt || row.expiresAt <= new Date() || !purposes.includes(row.purpose)) {
      throw fail('VERIFICATION_REQUIRED', '身分驗證已逾時或無效，請重新驗證');
    }
    return row;
  }

  return {
    async issue(input: { userId: string; purpose: IdentityPurpose; method: LoginMethod }) {
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + PROOF_TTL_MS);
      await prisma.identityProof.create({ data: { ...input, tokenHash: sha256(token), expiresAt } });
      return { token, expiresAt: expiresAt.toISOString() };
    },

    /** The proof behind a token, without spending it (e.g. to show the account name next to the rules). */
    async peek(token: string | undefined, purposes: readonly IdentityPurpose[]) {
      const row = await find(token, purposes);
      return { userId: row.userId, purpose: row.purpose, method: row.method };
    },

    /** Spends the proof: a second use fails, also when two requests race. */
    async consume(token: string | undefined, purposes: readonly IdentityPurpose[]) {
      const row = await find(token, purposes);
      const spent = await prisma.identityProof.updateMany({
        where: { id: row.id, consumedAt: null },
        data: { consumedAt: new Date() },
      });
      if (spent.count === 0) throw fail('VERIFICATION_REQUIRED', '身分驗證已使用過，請重新驗證');
      return { userId: row.userId, purpose: row.purpose, method: row.method };
    },
  };
}

export type IdentityProofs = ReturnType<typeof createIdentityProofs>;
