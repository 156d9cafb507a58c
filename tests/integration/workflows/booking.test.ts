import fs from 'node:fs';
import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { createActivities } from '../../../worker/activities';
import { venueBooking } from '../../../workflows/venue-booking';
import { carBooking } from '../../../workflows/car-booking';
import { cancelBookingUpdate, decideBookingUpdate } from '../../../workflows/booking.messages';
import { testEnv } from '../../support/env';
import { withWorker } from '../../support/temporal';
import { createResource } from '../../support/resources';
import { createActiveUser } from '../api/support-users';

// venueBooking / carBooking on a real worker with the real activities (database, outbox, SMS outbox):
// a request still undecided when its slot starts expires (after one reminder half-way there) and
// frees the slot; an approved car booking texts its driver, and a custodian's cancellation texts
// them again and mails the applicant; a database outage during its local steps only delays it.
// RECORD_HISTORIES=1 writes the replay test's histories of the current shape (-v2: the database steps as
// local activities, patched 'booking-local-steps'; the -v1 histories are of the shape before).
const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const clients = createClients(env);
const { prisma } = clients;
afterAll(() => prisma.$disconnect());

const activities = () => ({
  ...createActivities(clients, { webUrl: env.WEB_URL, dataKey }),
  getSystemParameters: async () => ({ 'request.reminderAfter': 3600, 'request.expiryAfter': 7200 }),
});

async function booking(kind: 'VENUE' | 'CAR', startsInMs: number, extra: { driverId?: string } = {}) {
  const applicant = await createActiveUser(prisma);
  const custodian = await createActiveUser(prisma, 'G01');
  const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
  const agencyId = (await prisma.organization.findUniqueOrThrow({ where: { id: applicant.organizationId } })).agencyId!;
  const resource = await createResource(prisma, {
    kind,
    agencyId: g01.id,
    custodian1Id: custodian.id,
    ...(extra.driverId ? { driverIds: [extra.driverId] } : {}),
  });
  const key = `${kind === 'VENUE' ? 'VB' : 'CB'}-20990101-${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  const row = await prisma.booking.create({
    data: {
      key,
      workflowId: `${kind === 'VENUE' ? 'venue' : 'car'}-booking-${key}`,
      kind,
      resourceId: resource.id,
      driverId: extra.driverId ?? null,
      startsAt: new Date(Date.now() + startsInMs),
      endsAt: new Date(Date.now() + startsInMs + 3_600_000),
      status: 'PENDING',
      applicantUserId: applicant.id,
      unitId: applicant.organizationId,
      agencyId,
      phone: '2991111',
      phoneExt: '',
      headcount: 2,
      host: kind === 'VENUE' ? '陳科長' : null,
      destination: kind === 'CAR' ? '永華市政中心' : null,
      reason: '測試借用',
    },
  });
  return { row, applicant, custodian, resource };
}

/** The booking's workflow, with the input the API gives it (not its search attributes). */
const start = (client: Client, taskQueue: string, row: Awaited<ReturnType<typeof booking>>['row']) =>
  client.workflow.start(row.kind === 'VENUE' ? venueBooking : carBooking, {
    taskQueue,
    workflowId: row.workflowId,
    args: [{ bookingId: row.id, applicantUserId: row.applicantUserId, status: 'PENDING', startsAt: row.startsAt.toISOString() }],
  });

async function record(client: Client, workflowId: string, name: string) {
  if (!process.env.RECORD_HISTORIES) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  fs.writeFileSync(new URL(`../../histories/${name}-v2.json`, import.meta.url), `${historyToJSON(history)}\n`);
}

const outboxKeys = async (workflowId: string) =>
  (await prisma.outboxMessage.findMany({ where: { key: { startsWith: `${workflowId}:` } }, select: { key: true } })).map(
    (m) => m.key,
  );

describe('venueBooking / carBooking workflows', () => {
  it('still undecided as its slot starts: reminded half-way, then 逾期未審核 and the slot freed', async () => {
    const { row, custodian } = await booking('VENUE', 8_000);
    await withWorker(env, activities(), async ({ client, taskQueue }) => {
      const handle = await start(client, taskQueue, row);
      expect((await handle.result()).status).toBe('EXPIRED');
      await record(client, row.workflowId, 'venue-booking-expired');
      // A decision after the end is refused: the workflow has finished.
      await expect(
        handle.executeUpdate(decideBookingUpdate, {
          args: [{ decision: 'APPROVE', actor: { userId: custodian.id, account: custodian.account, name: custodian.name } }],
        }),
      ).rejects.toThrow();
    });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('EXPIRED');
    const request = await prisma.request.findUniqueOrThrow({ where: { workflowId: row.workflowId }, include: { events: true } });
    expect(request.statusLabel).toBe('逾期未審核');
    expect(request.events.map((e) => e.kind)).toEqual(['SUBMITTED', 'REMINDED', 'EXPIRED']);
    const keys = await outboxKeys(row.workflowId);
    expect(keys.filter((k) => k.includes(':custodians:submitted:'))).toHaveLength(1);
    expect(keys.filter((k) => k.includes(':custodians:reminder:'))).toHaveLength(1);
    expect(keys).toContain(`${row.workflowId}:expired`);
  });

  it('approved with a driver: the driver texted; cancelled by a custodian: the applicant mailed the reason, the driver texted again', async () => {
    const manager = await createActiveUser(prisma, 'G01');
    const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    const driver = await createResource(prisma, {
      kind: 'DRIVER',
      agencyId: g01.id,
      custodian1Id: manager.id,
      phone: '0912000111',
    });
    const { row, custodian } = await booking('CAR', 3_600_000, { driverId: driver.id });
    await withWorker(env, activities(), async ({ client, taskQueue }) => {
      const handle = await start(client, taskQueue, row);
      const actor = { userId: custodian.id, account: custodian.account, name: custodian.name };
      const noReason = await handle
        .executeUpdate(cancelBookingUpdate, { args: [{ by: 'CUSTODIAN', actor, reason: '改期' }] })
        .catch((e: { cause?: { message?: string } }) => e.cause?.message);
      expect(noReason).toBe('保管人僅能取消已通過的借用；未審核的申請請以駁回處理');
      expect((await handle.executeUpdate(decideBookingUpdate, { args: [{ decision: 'APPROVE', actor }] })).status).toBe(
        'APPROVED',
      );
      const cancelled = await handle.executeUpdate(cancelBookingUpdate, {
        args: [{ by: 'CUSTODIAN', actor, reason: '車輛送修' }],
      });
      expect(cancelled.status).toBe('CANCELLED');
      expect((await handle.result()).status).toBe('CANCELLED');
      await record(client, row.workflowId, 'car-booking-approved-cancelled');
    });
    const b = await prisma.booking.findUniqueOrThrow({ where: { id: row.id } });
    expect(b).toMatchObject({
      status: 'CANCELLED',
      cancelReason: '車輛送修',
      cancelledById: custodian.id,
      decidedById: custodian.id,
    });
    const keys = await outboxKeys(row.workflowId);
    expect(keys).toEqual(
      expect.arrayContaining([
        `${row.workflowId}:driver:dispatched`,
        `${row.workflowId}:driver:cancelled`,
        `${row.workflowId}:cancelled`,
      ]),
    );
    const events = await prisma.requestEvent.findMany({
      where: { request: { workflowId: row.workflowId } },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => e.label)).toEqual([
      expect.stringContaining('已送出公務車借用申請'),
      '通過',
      expect.stringContaining('已通知派遣司機'),
      '保管人已取消借用',
    ]);
  });

  it('the database down while it opens and records the decision: it waits and retries, then goes on; every row and mail once', async () => {
    const { row, custodian } = await booking('VENUE', 3_600_000);
    const real = activities();
    const failures = { openBooking: 2, setBookingStatus: 1, appendRequestEvent: 1 };
    const flaky =
      <A extends unknown[], R>(name: keyof typeof failures, fn: (...args: A) => Promise<R>) =>
      async (...args: A) => {
        if (failures[name]-- > 0) throw new Error("Can't reach database server");
        return fn(...args);
      };
    await withWorker(
      env,
      {
        ...real,
        openBooking: flaky('openBooking', real.openBooking),
        setBookingStatus: flaky('setBookingStatus', real.setBookingStatus),
        appendRequestEvent: flaky('appendRequestEvent', real.appendRequestEvent),
      },
      async ({ client, taskQueue }) => {
        const handle = await start(client, taskQueue, row);
        const actor = { userId: custodian.id, account: custodian.account, name: custodian.name };
        const decided = await handle.executeUpdate(decideBookingUpdate, {
          args: [{ decision: 'APPROVE', actor, comment: '請準時' }],
        });
        expect(decided.status).toBe('APPROVED');
        await handle.terminate('test finished');
      },
    );
    // Tried until they answered: the opening 3 times, the status twice, the two timeline rows 3 times in all.
    expect(failures).toEqual({ openBooking: -1, setBookingStatus: -1, appendRequestEvent: -2 });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('APPROVED');
    const request = await prisma.request.findUniqueOrThrow({
      where: { workflowId: row.workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request.status).toBe('APPROVED');
    expect(request.events.map((e) => [e.kind, e.label])).toEqual([
      ['SUBMITTED', expect.stringContaining('已送出場地借用申請')],
      ['APPROVED', '通過'],
    ]);
    const keys = await outboxKeys(row.workflowId);
    expect(keys.filter((k) => k.includes(':custodians:submitted:'))).toHaveLength(1);
    expect(keys.filter((k) => k === `${row.workflowId}:submitted`)).toHaveLength(1);
  });
});
