import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { createDbActivities } from '../../../activities/db';
import { createTestOrg, testPrisma, uniq } from './helpers';

let prisma: PrismaClient;
let db: ReturnType<typeof createDbActivities>;
let agency: { id: string; code: string };

beforeAll(async () => {
  prisma = testPrisma();
  db = createDbActivities({ prisma });
  agency = (await createTestOrg(prisma)).agency;
});
afterAll(async () => {
  await prisma?.$disconnect();
});

const base = (workflowId: string) => ({
  workflowId,
  type: 'ACCOUNT_APPLICATION' as const,
  status: 'PENDING_REVIEW',
  statusLabel: '待審核',
  applicantAccount: 'applicant',
  applicantName: '申請人',
  summary: { officialMail: true },
});

describe('recordRequest', () => {
  it('upserts by workflowId: a retry neither duplicates nor fails', async () => {
    const workflowId = `account-application-${uniq()}`;
    const first = await db.recordRequest({ ...base(workflowId), agencyId: agency.id, createdAt: '2026-01-02T03:04:05.000Z' });
    const again = await db.recordRequest({ ...base(workflowId), agencyId: agency.id, createdAt: '2026-01-02T03:04:05.000Z' });
    expect(again.requestId).toBe(first.requestId);
    const rows = await prisma.request.findMany({ where: { workflowId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'PENDING_REVIEW',
      statusLabel: '待審核',
      agencyId: agency.id,
      summary: { officialMail: true },
    });
    expect(rows[0]!.createdAt.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  it('survives concurrent first attempts', async () => {
    const workflowId = `account-application-${uniq()}`;
    const results = await Promise.all([1, 2, 3, 4].map(() => db.recordRequest({ ...base(workflowId), agencyCode: agency.code })));
    expect(new Set(results.map((r) => r.requestId)).size).toBe(1);
    expect(await prisma.request.count({ where: { workflowId } })).toBe(1);
  });

  it('resolves the agency from its code and rejects an unknown code as non-retryable', async () => {
    const workflowId = `account-application-${uniq()}`;
    await db.recordRequest({ ...base(workflowId), agencyCode: agency.code });
    expect((await prisma.request.findUniqueOrThrow({ where: { workflowId } })).agencyId).toBe(agency.id);
    await expect(db.recordRequest({ ...base(`x-${uniq()}`), agencyCode: 'NO-SUCH-CODE' })).rejects.toMatchObject({
      type: 'UnknownAgency',
      nonRetryable: true,
    });
  });

  it('updates the summary but does not move the status back once an event has set it', async () => {
    const workflowId = `account-application-${uniq()}`;
    await db.recordRequest(base(workflowId));
    await db.appendRequestEvent({
      workflowId,
      seq: 1,
      kind: 'APPROVED',
      label: '核准',
      status: 'APPROVED',
      statusLabel: '已核准',
    });
    await db.recordRequest({ ...base(workflowId), summary: { officialMail: false } });
    const row = await prisma.request.findUniqueOrThrow({ where: { workflowId } });
    expect(row).toMatchObject({ status: 'APPROVED', statusLabel: '已核准', summary: { officialMail: false } });
  });
});

describe('appendRequestEvent', () => {
  it('is idempotent by (workflowId, seq)', async () => {
    const workflowId = `account-application-${uniq()}`;
    await db.recordRequest(base(workflowId));
    const event = {
      workflowId,
      seq: 1,
      kind: 'SUBMITTED',
      label: '已送出申請',
      actorName: '申請人',
      data: { a: 1 },
      at: '2026-01-02T03:04:05.000Z',
    };
    expect(await db.appendRequestEvent(event)).toEqual({ created: true });
    expect(await db.appendRequestEvent(event)).toEqual({ created: false });
    await Promise.all([db.appendRequestEvent(event), db.appendRequestEvent(event)]);
    const request = await prisma.request.findUniqueOrThrow({ where: { workflowId }, include: { events: true } });
    expect(request.events).toHaveLength(1);
    expect(request.events[0]).toMatchObject({ seq: 1, kind: 'SUBMITTED', label: '已送出申請', data: { a: 1 } });
    expect(request.events[0]!.at.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  it('moves the status forward and never back to an older event’s status', async () => {
    const workflowId = `account-application-${uniq()}`;
    await db.recordRequest(base(workflowId));
    await db.appendRequestEvent({
      workflowId,
      seq: 2,
      kind: 'REMINDED',
      label: '已催辦',
      status: 'REMINDED',
      statusLabel: '已催辦',
    });
    // seq 1 written late (a slow duplicate attempt): recorded, but the status stays at seq 2's.
    await db.appendRequestEvent({
      workflowId,
      seq: 1,
      kind: 'SUBMITTED',
      label: '已送出申請',
      status: 'PENDING_REVIEW',
      statusLabel: '待審核',
    });
    let row = await prisma.request.findUniqueOrThrow({ where: { workflowId } });
    expect(row).toMatchObject({ status: 'REMINDED', statusSeq: 2 });

    const approver = await prisma.user.findFirst({ select: { id: true } });
    await db.appendRequestEvent({
      workflowId,
      seq: 3,
      kind: 'APPROVED',
      label: '核准',
      status: 'APPROVED',
      statusLabel: '已核准',
      decided: true,
      actorUserId: approver?.id ?? null,
      actorName: '機關管理者',
      comment: '同意',
      at: '2026-02-03T04:05:06.000Z',
    });
    row = await prisma.request.findUniqueOrThrow({ where: { workflowId } });
    expect(row).toMatchObject({ status: 'APPROVED', statusLabel: '已核准', statusSeq: 3, decidedById: approver?.id ?? null });
    expect(row.decidedAt?.toISOString()).toBe('2026-02-03T04:05:06.000Z');
    expect(await prisma.requestEvent.count({ where: { requestId: row.id } })).toBe(3);
  });

  it('fails non-retryably without a recorded request or with a bad seq', async () => {
    await expect(db.appendRequestEvent({ workflowId: `none-${uniq()}`, seq: 1, kind: 'X', label: 'x' })).rejects.toMatchObject({
      type: 'RequestNotRecorded',
      nonRetryable: true,
    });
    await expect(db.appendRequestEvent({ workflowId: 'w', seq: 0, kind: 'X', label: 'x' })).rejects.toMatchObject({
      type: 'InvalidSeq',
    });
  });
});

describe('getSystemParameters / dbPing', () => {
  it('returns typed values for the requested keys', async () => {
    const all = await db.getSystemParameters();
    expect(typeof all['account.idleDisableAfter']).toBe('number');
    expect(typeof all['password.historyCount']).toBe('number');
    const some = await db.getSystemParameters(['login.lockoutThreshold', 'verification.codeTtl']);
    expect(Object.keys(some).sort()).toEqual(['login.lockoutThreshold', 'verification.codeTtl']);
    expect(Number.isInteger(some['verification.codeTtl'])).toBe(true);
  });

  it('pings the database', async () => {
    const ping = await db.dbPing();
    expect(ping.ok).toBe(true);
    expect(ping.version).toMatch(/PostgreSQL/);
    expect(ping.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('reports an unreachable database instead of throwing', async () => {
    const { createPrisma } = await import('../../../infra/db/prisma');
    const dead = createPrisma('postgresql://postgres:x@127.0.0.1:1/none');
    const ping = await createDbActivities({ prisma: dead }).dbPing();
    expect(ping).toMatchObject({ ok: false, version: null });
    expect(ping.error).toBeTruthy();
    await dead.$disconnect();
  });
});
