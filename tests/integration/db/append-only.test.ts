import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { createTestOrg, createTestUser, testPrisma, uniq } from './helpers';

let prisma: PrismaClient;
let userId: string;

beforeAll(async () => {
  prisma = testPrisma();
  const { section } = await createTestOrg(prisma);
  userId = (await createTestUser(prisma, section.id)).id;
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe('login_records and usage_records are append-only', () => {
  it('accepts inserts and reads', async () => {
    const account = `t_${uniq()}`;
    await prisma.loginRecord.create({
      data: {
        account,
        method: 'PASSWORD',
        action: 'LOGIN',
        result: 'FAILURE',
        reason: 'WRONG_PASSWORD',
        ip: '127.0.0.1',
        userAgent: 'vitest',
      },
    });
    await prisma.usageRecord.create({ data: { userId, action: 'profile.update', detail: { field: 'title' } } });
    expect(await prisma.loginRecord.count({ where: { account } })).toBe(1);
    expect(await prisma.usageRecord.count({ where: { userId } })).toBe(1);
  });

  it('rejects UPDATE and DELETE through Prisma', async () => {
    const login = await prisma.loginRecord.create({
      data: { userId, account: `t_${uniq()}`, method: 'OTP', action: 'LOGIN', result: 'SUCCESS' },
    });
    const usage = await prisma.usageRecord.create({ data: { userId, action: 'request.submit' } });

    await expect(prisma.loginRecord.update({ where: { id: login.id }, data: { result: 'FAILURE' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.loginRecord.delete({ where: { id: login.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.loginRecord.deleteMany({ where: { id: login.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.usageRecord.update({ where: { id: usage.id }, data: { action: 'x' } })).rejects.toThrow(/append-only/);
    await expect(prisma.usageRecord.deleteMany({ where: { userId } })).rejects.toThrow(/append-only/);

    expect(await prisma.loginRecord.findUnique({ where: { id: login.id } })).toMatchObject({ result: 'SUCCESS' });
    expect(await prisma.usageRecord.findUnique({ where: { id: usage.id } })).toMatchObject({ action: 'request.submit' });
  });

  it('rejects UPDATE and DELETE in raw SQL too', async () => {
    const login = await prisma.loginRecord.create({
      data: { account: `t_${uniq()}`, method: 'PASSWORD', action: 'LOGOUT', result: 'SUCCESS' },
    });
    await expect(prisma.$executeRaw`UPDATE login_records SET reason = 'x' WHERE id = ${login.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.$executeRaw`DELETE FROM login_records WHERE id = ${login.id}::uuid`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM usage_records WHERE user_id = ${userId}`).rejects.toThrow(/append-only/);
  });
});
