import crypto from 'node:crypto';
import type { MobileCertTransaction, PrismaClient } from '@prisma/client';
import { describe, expect, it, vi } from 'vitest';
import { hashNationalId } from '../../infra/db/pii';
import { MoiFidoError, type MoiFidoClient } from '../../infra/moi/client';
import type { MoiResult } from '../../infra/moi/types';
import type { AppError } from '../errors';
import { consumeApproved, createMobileCert, MOBILE_CERT_TIME_LIMIT_S, RESEND_AFTER_MS, STARTS_PER_ID } from './mobile-cert';

// The service's rules over an in-memory table and a scripted MOI.

const hashKey = crypto.randomBytes(32);
const ID = 'A123456789';

type Row = MobileCertTransaction;
function fakePrisma() {
  const rows = new Map<string, Row>();
  const matches = (row: Row, where: Record<string, unknown>) =>
    Object.entries(where).every(([key, cond]) => {
      const value = row[key as keyof Row];
      if (cond && typeof cond === 'object' && !(cond instanceof Date)) {
        const c = cond as { in?: unknown[]; gt?: Date };
        if (c.in) return c.in.includes(value);
        if (c.gt) return (value as Date) > c.gt;
      }
      return value === cond;
    });
  const table = {
    findUnique: async ({ where }: { where: { id: string } }) => rows.get(where.id) ?? null,
    findUniqueOrThrow: async ({ where }: { where: { id: string } }) => rows.get(where.id)!,
    count: async ({ where }: { where: Record<string, unknown> }) => [...rows.values()].filter((r) => matches(r, where)).length,
    create: async ({ data }: { data: Partial<Row> }) => {
      const row = { id: crypto.randomUUID(), resultDetail: null, consumedAt: null, createdAt: new Date(), ...data } as Row;
      rows.set(row.id, row);
      return row;
    },
    update: async ({ where, data }: { where: { id: string }; data: Partial<Row> }) => {
      const row = { ...rows.get(where.id)!, ...data };
      rows.set(row.id, row);
      return row;
    },
    updateMany: async ({ where, data }: { where: Record<string, unknown>; data: Partial<Row> }) => {
      let count = 0;
      for (const row of rows.values())
        if (matches(row, where)) {
          rows.set(row.id, { ...row, ...data });
          count++;
        }
      return { count };
    },
  };
  return { rows, prisma: { mobileCertTransaction: table } as unknown as PrismaClient };
}

/** The binding (HMAC of the browser cookie) of the browser every call here comes from. */
const CLIENT = 'c'.repeat(64);

function fakeMoi(results: MoiResult[] = []) {
  const ticket = (input: { transactionId: string; timeLimit: number }) => ({
    transactionId: input.transactionId,
    spTicketId: crypto.randomUUID(),
    spTicket: 'payload.digest',
    hashedIdNum: null,
    expiresAt: new Date(Date.now() + input.timeLimit * 1000),
  });
  const moi = {
    requestPush: vi.fn(async (input: { transactionId: string; timeLimit: number }) => ticket(input)),
    requestQrCode: vi.fn(async (input: { transactionId: string; timeLimit: number }) => ticket(input)),
    getResult: vi.fn(async (): Promise<MoiResult> => results.shift() ?? { status: 'PENDING' }),
    checkDeviceStatus: vi.fn(),
  };
  return moi as typeof moi & MoiFidoClient;
}

function setup(results?: MoiResult[]) {
  const db = fakePrisma();
  const moi = fakeMoi(results);
  let clock = Date.now();
  const service = createMobileCert({ prisma: db.prisma, moi, hashKey, now: () => clock });
  return { ...db, moi, service, advance: (ms: number) => (clock += ms) };
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: AppError) => e.code,
  );

describe('mobile certificate verification rules', () => {
  it('refuses a malformed ID number without asking MOI or storing anything', async () => {
    const { service, moi, rows } = setup();
    const error = await service.start('LOGIN', 'A123456788', '127.0.0.1', CLIENT).catch((e: AppError) => e);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { nationalId: '身分證字號檢查碼錯誤，請確認是否輸入正確' },
    });
    expect(moi.requestPush).not.toHaveBeenCalled();
    expect(rows.size).toBe(0);
  });

  it('sends the normalised number to MOI and keeps only its HMAC', async () => {
    const { service, moi, rows } = setup();
    const view = await service.start('LOGIN', ' ａ123456789 ', '127.0.0.1', CLIENT);
    expect(moi.requestPush).toHaveBeenCalledWith(expect.objectContaining({ idNum: ID, timeLimit: MOBILE_CERT_TIME_LIMIT_S }));
    const row = rows.get(view.id)!;
    expect(row.nationalIdHash).toBe(hashNationalId(ID, hashKey));
    expect(JSON.stringify(row)).not.toContain(ID);
  });

  it('turns MOI refusals into what the person can act on', async () => {
    const { service, moi } = setup();
    moi.requestPush.mockRejectedValueOnce(new MoiFidoError('x', 'unregistered', false, 'SP-API-ATH-03-IDNUM_USERPROF_NF'));
    expect(await code(service.start('LOGIN', ID, undefined, CLIENT))).toBe('MOBILE_CERT_NOT_REGISTERED');
    moi.requestPush.mockRejectedValueOnce(new MoiFidoError('x', 'auth', false, 'SP-API-ATH-03-INV_SP_CHECKSUM'));
    expect(await code(service.start('LOGIN', ID, undefined, CLIENT))).toBe('DEPENDENCY_UNAVAILABLE');
  });

  it(`allows ${STARTS_PER_ID} pushes per ID number in ten minutes`, async () => {
    const { service, advance } = setup();
    for (let i = 0; i < STARTS_PER_ID; i++) await service.start('LOGIN', ID, undefined, CLIENT);
    expect(await code(service.start('LOGIN', ID, undefined, CLIENT))).toBe('RATE_LIMITED');
    advance(11 * 60_000);
    expect(await code(service.start('LOGIN', ID, undefined, CLIENT))).toBe('resolved');
  });

  it('asks MOI at most every 4 seconds and records the outcome once', async () => {
    const { service, moi, advance } = setup([
      { status: 'PENDING' },
      { status: 'DENIED', code: 'SP-API-ATH-02-APP_USER_CANCEL', message: '' },
    ]);
    const { id } = await service.start('LOGIN', ID, undefined, CLIENT);
    expect((await service.poll(id, CLIENT)).status).toBe('PENDING');
    expect((await service.poll(id, CLIENT)).status).toBe('PENDING');
    expect(moi.getResult).toHaveBeenCalledTimes(1);
    advance(4_000);
    const denied = await service.poll(id, CLIENT);
    expect(denied).toMatchObject({ status: 'DENIED', message: '您已在行動自然人憑證 APP 拒絕此次驗證。如需繼續，請重新驗證。' });
    advance(4_000);
    await service.poll(id, CLIENT);
    expect(moi.getResult).toHaveBeenCalledTimes(2);
  });

  it('expires a verification MOI still calls pending after its time', async () => {
    const { service, advance } = setup();
    const { id } = await service.start('LOGIN', ID, undefined, CLIENT);
    advance(MOBILE_CERT_TIME_LIMIT_S * 1000 + 1);
    expect((await service.poll(id, CLIENT)).status).toBe('EXPIRED');
  });

  it('keeps waiting while MOI cannot be reached', async () => {
    const { service, moi, advance } = setup();
    const { id } = await service.start('LOGIN', ID, undefined, CLIENT);
    moi.getResult.mockRejectedValueOnce(new MoiFidoError('down', 'unavailable', true));
    expect((await service.poll(id, CLIENT)).status).toBe('PENDING');
    advance(4_000);
    expect((await service.poll(id, CLIENT)).status).toBe('PENDING');
  });

  it('重新發送推播 and QRCode 模式 need the same ID number; a push is resent only after a pause', async () => {
    const { service, moi, advance } = setup();
    const { id } = await service.start('LOGIN', ID, undefined, CLIENT);
    expect(await code(service.resend(id, ID, CLIENT))).toBe('RESEND_TOO_SOON');
    expect(await code(service.qr(id, 'B123456780', CLIENT))).toBe('VALIDATION_FAILED');
    const qr = await service.qr(id, ID, CLIENT); // switching to the QR code needs no pause
    expect(qr).toMatchObject({ mode: 'QR', qrCode: 'payload.digest', status: 'PENDING' });
    advance(RESEND_AFTER_MS);
    expect((await service.resend(id, ID, CLIENT)).mode).toBe('PUSH');
    expect(moi.requestPush).toHaveBeenCalledTimes(2);
  });

  it('spends an approval once, for its own purpose only', async () => {
    const { service, prisma, rows } = setup([{ status: 'APPROVED', hashedIdNum: 'h', signedResponse: null, cert: null }]);
    const { id } = await service.start('ACTIVATE', ID, undefined, CLIENT);
    expect(await code(consumeApproved(prisma, id, ['ACTIVATE'], CLIENT))).toBe('MOBILE_CERT_NOT_APPROVED'); // still pending
    expect((await service.poll(id, CLIENT)).status).toBe('APPROVED');
    expect(await code(consumeApproved(prisma, id, ['LOGIN'], CLIENT))).toBe('MOBILE_CERT_NOT_APPROVED');
    await expect(consumeApproved(prisma, id, ['ACTIVATE'], CLIENT)).resolves.toEqual({
      nationalIdHash: hashNationalId(ID, hashKey),
      purpose: 'ACTIVATE',
    });
    expect(await code(consumeApproved(prisma, id, ['ACTIVATE'], CLIENT))).toBe('MOBILE_CERT_NOT_APPROVED');
    expect(rows.get(id)!.consumedAt).toBeInstanceOf(Date);
    expect(await code(service.resend(id, ID, CLIENT))).toBe('CONFLICT');
  });

  it('answers only the browser that started it: another one can neither poll nor spend it (issue 10 #1)', async () => {
    const { service, prisma, rows } = setup([{ status: 'APPROVED', hashedIdNum: 'h', signedResponse: null, cert: null }]);
    const { id } = await service.start('RESET_PASSWORD', ID, undefined, CLIENT);
    const other = 'd'.repeat(64);
    expect(await code(service.poll(id, other))).toBe('NOT_FOUND');
    expect(await code(service.poll(id, undefined))).toBe('NOT_FOUND');
    expect((await service.poll(id, CLIENT)).status).toBe('APPROVED');
    expect(await code(service.qr(id, ID, other))).toBe('NOT_FOUND');
    expect(await code(consumeApproved(prisma, id, ['RESET_PASSWORD'], other))).toBe('MOBILE_CERT_NOT_APPROVED');
    expect(await code(consumeApproved(prisma, id, ['RESET_PASSWORD'], undefined))).toBe('MOBILE_CERT_NOT_APPROVED');
    expect(rows.get(id)!.consumedAt).toBeNull();
    await expect(consumeApproved(prisma, id, ['RESET_PASSWORD'], CLIENT)).resolves.toMatchObject({ purpose: 'RESET_PASSWORD' });
  });
});
