import argon2 from 'argon2';
import type { IntegrationSystem, PrismaClient } from '@prisma/client';
import type { Request } from 'express';
import { z } from 'zod';
import { integrationReason } from '../../domain/login-records';
import { resolveSystemParameters } from '../../domain/system-parameters';
import { ARGON2_OPTIONS, verifyPassword } from '../../infra/password-hash';
import { AppError } from '../errors';
import type { LoginKit } from '../sso/login-kit';
import { grantedClaims } from './claims';

/** What the 帳號驗證 API needs of the SSO's LoginKit: the same lockout and 帳號登入紀錄 as interactive logins. */
export type VerifyKit = Pick<LoginKit, 'assertNotLocked' | 'failure' | 'record'>;

export const verificationSchema = z.object({
  account: z.string({ error: '請提供 account（登入帳號）' }).trim().min(1, '請提供 account（登入帳號）').max(64, 'account 過長'),
  password: z.string({ error: '請提供 password（密碼）' }).min(1, '請提供 password（密碼）').max(256, 'password 過長'),
});

export type VerificationAnswer =
  | { verified: true; claims: Record<string, unknown> }
  | {
      verified: false;
      /** INVALID_CREDENTIALS for an unknown account and a wrong password alike. */
      reason: 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED' | 'PASSWORD_EXPIRED' | 'ACCOUNT_DISABLED';
      retryAfterSeconds?: number;
    };

// The same work for an unknown account as for a known one.
const DUMMY_HASH = argon2.hash('integration-verify-placeholder', ARGON2_OPTIONS);

/**
 * 帳號驗證 API: does this account and password verify? Every call is a 帳號登入紀錄 row (method 一般登入,
 * the reason naming the system); wrong passwords count towards the same lockout as the login page.
 */
export async function verifyAccount(
  deps: { prisma: PrismaClient; kit: VerifyKit },
  req: Request,
  system: IntegrationSystem,
  input: z.output<typeof verificationSchema>,
): Promise<VerificationAnswer> {
  const { prisma, kit } = deps;
  const account = input.account.toLowerCase();
  const reason = (code?: string) => integrationReason(system.clientId, code);
  // kit.failure records the attempt, counts it, and throws LOGIN_FAILED or LOGIN_LOCKED: read that as an answer.
  const refused = async (
    attempt: Parameters<VerifyKit['failure']>[1],
    answer: Extract<VerificationAnswer, { verified: false }>['reason'],
  ): Promise<VerificationAnswer> => {
    try {
      await kit.failure(req, attempt);
    } catch (error) {
      if (error instanceof AppError && error.code === 'LOGIN_LOCKED') {
        return { verified: false, reason: 'ACCOUNT_LOCKED', retryAfterSeconds: Number(error.details?.retryAfterSeconds ?? 60) };
      }
      if (!(error instanceof AppError)) throw error;
    }
    return { verified: false, reason: answer };
  };

  const user = await prisma.user.findUnique({
    where: { account },
    select: { id: true, account: true, status: true, passwordHash: true, passwordChangedAt: true },
  });
  try {
    await kit.assertNotLocked(account);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'LOGIN_LOCKED') throw error;
    await kit.record(req, {
      userId: user?.id ?? null,
      account,
      method: 'PASSWORD',
      action: 'LOGIN',
      ok: false,
      reason: reason('LOCKED'),
    });
    return { verified: false, reason: 'ACCOUNT_LOCKED', retryAfterSeconds: Number(error.details?.retryAfterSeconds ?? 60) };
  }

  const valid = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), input.password);
  const loginUser = user && {
    id: user.id,
    account: user.account,
    status: user.status,
    passwordChangedAt: user.passwordChangedAt,
  };
  if (!user || !user.passwordHash || !valid) {
    return refused(
      { account, user: loginUser, method: 'PASSWORD', reason: reason(user ? 'BAD_PASSWORD' : 'UNKNOWN_ACCOUNT') },
      'INVALID_CREDENTIALS',
    );
  }
  if (user.status !== 'ACTIVE') {
    return refused(
      { account, user: loginUser, method: 'PASSWORD', reason: reason(`STATUS_${user.status}`), countsTowardLockout: false },
      'ACCOUNT_DISABLED',
    );
  }
  const parameters = await prisma.systemParameter.findMany({ where: { key: 'password.maxAge' } });
  const maxAgeMs = resolveSystemParameters(parameters, ['password.maxAge'])['password.maxAge'] * 1000;
  if (!user.passwordChangedAt || user.passwordChangedAt.getTime() + maxAgeMs <= Date.now()) {
    return refused(
      { account, user: loginUser, method: 'PASSWORD', reason: reason('PASSWORD_EXPIRED'), countsTowardLockout: false },
      'PASSWORD_EXPIRED',
    );
  }

  await kit.record(req, { userId: user.id, account, method: 'PASSWORD', action: 'LOGIN', ok: true, reason: reason() });
  return { verified: true, claims: await grantedClaims(prisma, user.id, system.scopes) };
}
