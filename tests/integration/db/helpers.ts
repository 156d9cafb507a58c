// Shared by the db integration tests: a PrismaClient on DATABASE_URL (the harness points it at
// portal_test with migrations applied) and helpers that keep each test's rows apart, since other
// suites use the same database at the same time — tests never truncate or rely on empty tables.

import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { createPrisma } from '../../../infra/db/prisma';
import { decodeKey, encryptNationalId, hashNationalId } from '../../../infra/db/pii';

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run through `npm test`, or point it at a migrated database');
  return url;
}

export function testPrisma(): PrismaClient {
  return createPrisma(testDatabaseUrl(), { maxConnections: 4 });
}

/** Short random suffix, lower case (accounts and codes of test rows). */
export function uniq(): string {
  return randomBytes(5).toString('hex');
}

/**
 * The run's DATA_KEY / HASH_KEY when set (so rows the seed test may create match what the harness
 * seeded with), else random keys.
 */
export const testKeys = {
  dataKey: process.env.DATA_KEY ? decodeKey('DATA_KEY', process.env.DATA_KEY) : randomBytes(32),
  hashKey: process.env.HASH_KEY ? decodeKey('HASH_KEY', process.env.HASH_KEY) : randomBytes(32),
};

/** A top-level organisation with one section, with codes nobody else uses. */
export async function createTestOrg(prisma: PrismaClient) {
  const code = `T${uniq().toUpperCase()}`;
  const agency = await prisma.organization.create({
    data: { code, name: `測試機關${code}`, kind: 'CITY_HALL_UNIT', adOu: `OU=${code}` },
  });
  const section = await prisma.organization.create({
    data: { code: `${code}-01`, name: '測試科', kind: 'SECTION', parentId: agency.id, adOu: `OU=${code}-01,OU=${code}` },
  });
  return { agency, section };
}

/** A random ID-shaped string (not checksum-valid; the database does not care). */
export function randomNationalId(): string {
  return `Z${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
}

export async function createTestUser(prisma: PrismaClient, organizationId: string, nationalId = randomNationalId()) {
  const account = `t_${uniq()}`;
  return prisma.user.create({
    data: {
      account,
      name: '測試使用者',
      organizationId,
      backupEmail: `${account}@example.org`,
      nationalIdCipher: encryptNationalId(nationalId, testKeys.dataKey),
      nationalIdHash: hashNationalId(nationalId, testKeys.hashKey),
    },
  });
}
