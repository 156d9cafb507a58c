import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Prisma, type PrismaClient } from '@prisma/client';
import {
  decodeKey,
  decryptField,
  decryptNationalId,
  encryptField,
  encryptNationalId,
  hashNationalId,
  maskNationalId,
  nationalIdMatches,
} from '../../../infra/db/pii';
import { createTestOrg, createTestUser, randomNationalId, testKeys, testPrisma } from './helpers';

describe('national ID encryption and hashing (pure)', () => {
  const { dataKey, hashKey } = testKeys;

  it('round-trips, normalising case and spaces, with a fresh IV every time', () => {
    const a = encryptNationalId(' a123456789 ', dataKey);
    const b = encryptNationalId('A123456789', dataKey);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(decryptNationalId(a, dataKey)).toBe('A123456789');
    expect(decryptNationalId(b, dataKey)).toBe('A123456789');
  });

  it('fails with the wrong key, a tampered cipher or another purpose', () => {
    const c = encryptNationalId('A123456789', dataKey);
    expect(() => decryptNationalId(c, randomBytes(32))).toThrow();
    const tampered = Uint8Array.from(c);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decryptNationalId(tampered, dataKey)).toThrow();
    const otp = encryptField('JBSWY3DPEHPK3PXP', dataKey, 'otp-secret');
    expect(decryptField(otp, dataKey, 'otp-secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => decryptNationalId(otp, dataKey)).toThrow();
  });

  it('hashes deterministically per key, case-insensitively', () => {
    const h = hashNationalId('A123456789', hashKey);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashNationalId('a123456789', hashKey)).toBe(h);
    expect(hashNationalId('A123456780', hashKey)).not.toBe(h);
    expect(hashNationalId('A123456789', randomBytes(32))).not.toBe(h);
    expect(nationalIdMatches('a123456789', h, hashKey)).toBe(true);
    expect(nationalIdMatches('A123456780', h, hashKey)).toBe(false);
  });

  it('masks', () => {
    expect(maskNationalId('A123456789')).toBe('A12****789');
    expect(maskNationalId('a123456789')).toBe('A12****789');
    expect(maskNationalId('AB12')).toBe('****');
  });

  it('validates keys', () => {
    expect(() => decodeKey('DATA_KEY', undefined)).toThrow(/not set/);
    expect(() => decodeKey('DATA_KEY', Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
    expect(decodeKey('DATA_KEY', dataKey.toString('base64')).equals(dataKey)).toBe(true);
  });
});

describe('national ID in the users table', () => {
  let prisma: PrismaClient;
  let orgId: string;
  beforeAll(async () => {
    prisma = testPrisma();
    orgId = (await createTestOrg(prisma)).section.id;
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  it('is stored encrypted, found by hash, and unique', async () => {
    const id = randomNationalId();
    const user = await createTestUser(prisma, orgId, id);
    const found = await prisma.user.findUniqueOrThrow({
      where: { nationalIdHash: hashNationalId(id.toLowerCase(), testKeys.hashKey) },
    });
    expect(found.id).toBe(user.id);
    expect(Buffer.from(found.nationalIdCipher).includes(Buffer.from(id))).toBe(false);
    expect(decryptNationalId(found.nationalIdCipher, testKeys.dataKey)).toBe(id);

    const dup = createTestUser(prisma, orgId, id.toLowerCase());
    await expect(dup).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(dup).rejects.toMatchObject({ code: 'P2002' });
  });

  it('keeps accounts and backup e-mails lower case', async () => {
    const user = await createTestUser(prisma, orgId);
    await expect(prisma.user.update({ where: { id: user.id }, data: { account: user.account.toUpperCase() } })).rejects.toThrow(
      /users_account_lower_ck/,
    );
    await expect(prisma.user.update({ where: { id: user.id }, data: { backupEmail: 'Mixed@Example.org' } })).rejects.toThrow(
      /users_backup_email_lower_ck/,
    );
  });
});
