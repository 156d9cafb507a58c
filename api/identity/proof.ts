import crypto from 'node:crypto';
import type { IdentityPurpose, LoginMethod, PrismaClient } from '@prisma/client';
import { sameClient } from '../auth/client-binding';
import { isRefusal } from '../commands/refusal';
import { fail } from '../errors';

const PROOF_TTL_MS = 15 * 60_000;
const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');
const refused = () => fail('VERIFICATION_REQUIRED', '身分驗證已逾時或無效，請重新驗證');
const used = () => fail('VERIFICATION_REQUIRED', '身分驗證已使用過，請重新驗證');

/**
 * Proofs of identity: after a person verified as a user by some method (行動自然人憑證, 自然人憑證,
 * 備用信箱, 手機簡訊), a short-lived bearer token for the next step (設定新密碼 of 開通帳號 / 忘記密碼,
 * an expired password's forced change, 個人帳號復用, 機關管理員查詢). Only the token's SHA-256 is stored,
 * with the HMAC of the binding cookie of the browser it was issued to (`client`): it is honoured only
 * from that browser. It may be read (`peek`) while it lasts; the one step that changes something
 * spends it (`consume` / `spend`).
 */
export function createIdentityProofs(prisma: PrismaClient) {
  async function find(token: string | undefined, purposes: readonly IdentityPurpose[], client: string | undefined) {
    const row = token ? await prisma.identityProof.findUnique({ where: { tokenHash: sha256(token) } }) : null;
    if (!row || row.expiresAt <= new Date() || !purposes.includes(row.purpose) || !sameClient(row.clientHash, client)) {
      throw refused();
    }
    return row;
  }

  async function consume(token: string | undefined, purposes: readonly IdentityPurpose[], client: string | undefined) {
    const row = await find(token, purposes, client);
    const consumedAt = new Date();
    const spent = await prisma.identityProof.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt } });
    if (spent.count === 0) throw used();
    return { id: row.id, consumedAt, userId: row.userId, purpose: row.purpose, method: row.method };
  }

  return {
    async issue(input: { userId: string; purpose: IdentityPurpose; method: LoginMethod }, client: string) {
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + PROOF_TTL_MS);
      await prisma.identityProof.create({ data: { ...input, tokenHash: sha256(token), expiresAt, clientHash: client } });
      return { token, expiresAt: expiresAt.toISOString() };
    },

    /**
     * The proof behind a token, without spending it (the account name next to the password rules, the
     * 帳號復用申請表單, 機關管理員查詢 of several agencies). Still readable after it was spent.
     */
    async peek(token: string | undefined, purposes: readonly IdentityPurpose[], client: string | undefined) {
      const row = await find(token, purposes, client);
      return { userId: row.userId, purpose: row.purpose, method: row.method };
    },

    /** Spends the proof: a second use fails, also when two requests race. */
    async consume(token: string | undefined, purposes: readonly IdentityPurpose[], client: string | undefined) {
      const { userId, purpose, method } = await consume(token, purposes, client);
      return { userId, purpose, method };
    },

    /** Spends the proof for `write`, and gives it back when `write` refuses (nothing was changed). */
    async spend<T>(
      token: string | undefined,
      purposes: readonly IdentityPurpose[],
      client: string | undefined,
      write: (proof: { userId: string; purpose: IdentityPurpose; method: LoginMethod }) => Promise<T>,
    ): Promise<T> {
      const { id, consumedAt, ...proof } = await consume(token, purposes, client);
      try {
        return await write(proof);
      } catch (error) {
        if (isRefusal(error)) await prisma.identityProof.updateMany({ where: { id, consumedAt }, data: { consumedAt: null } });
        throw error;
      }
    },
  };
}

export type IdentityProofs = ReturnType<typeof createIdentityProofs>;
