import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { AdClient } from '../../infra/ad/client';
import { encryptNationalId, hashNationalId } from '../../infra/db/pii';
import { hashPassword } from '../../infra/password-hash';
import { randomNationalId, uniqueAccount, uniqueEmail } from './applicant';

/** The password the users below start with. */
export const FIRST_PASSWORD = 'First!2026a';

export const randomMobile = () => `09${String(crypto.randomInt(0, 100_000_000)).padStart(8, '0')}`;

/**
 * An active user who can use 忘記密碼 by every contact method: a backup e-mail, a verified mobile and a
 * password, in the database and (enabled, same password) in the AD OU `ouDn`.
 */
export async function createResettableUser(
  deps: { prisma: PrismaClient; ad: AdClient; dataKey: Buffer; hashKey: Buffer; ouDn: string },
  options: { prefix?: string; changedAt?: Date } = {},
) {
  const account = uniqueAccount(options.prefix ?? 'pr');
  const email = uniqueEmail();
  const mobile = randomMobile();
  const org = await deps.prisma.organization.findUniqueOrThrow({ where: { code: 'G01-91' } });
  const nationalId = randomNationalId();
  const user = await deps.prisma.user.create({
    data: {
      account,
      name: '王忘記',
      organizationId: org.id,
      status: 'ACTIVE',
      backupEmail: email,
      mobile,
      mobileVerifiedAt: new Date(),
      activatedAt: new Date(),
      passwordHash: await hashPassword(FIRST_PASSWORD),
      passwordChangedAt: options.changedAt ?? new Date(),
      nationalIdCipher: encryptNationalId(nationalId, deps.dataKey),
      nationalIdHash: hashNationalId(nationalId, deps.hashKey),
    },
  });
  await deps.ad.createUser({ account, ouDn: deps.ouDn, displayName: '王忘記' });
  await deps.ad.setPassword(account, FIRST_PASSWORD);
  await deps.ad.enableUser(account);
  return { ...user, email, mobile };
}
