import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import crypto from 'node:crypto';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { encryptNationalId, hashNationalId } from '../../../infra/db/pii';
import { createMoiFidoClient } from '../../../infra/moi/client';
import { clientBinding, clientDigest, CLIENT_COOKIE } from '../../../api/auth/client-binding';
import { errorHandler } from '../../../api/errors';
import { createMobileCert, RESEND_AFTER_MS, STARTS_PER_ID } from '../../../api/identity/mobile-cert';
import { createIdentityProofs } from '../../../api/identity/proof';
import { mobileCertRoutes } from '../../../api/routes/identity/mobile-cert';
import {
  startMoiFidoSimulator,
  type MoiFidoSimulator,
  type SimulatedMoiRequest,
} from '../../../scripts/services/moi-fido-sim.mjs';
import { randomNationalId, uniqueAccount } from '../../support/applicant';
import { testEnv } from '../../support/env';

// The service and its routes over HTTP, the real adapter over HTTP against the MOI simulator, the
// real database. The clock of the service can be moved forward (重新發送推播 waits 15 seconds).

const env = testEnv();
const clients = createClients(env);
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const SP = { spServiceId: 'SP-TEST-MOBILE', spKey: crypto.randomBytes(32).toString('base64') };

let sim: MoiFidoSimulator;
let server: Server;
let base = '';
let skewMs = 0;
const simLog: string[] = [];

beforeAll(async () => {
  sim = await startMoiFidoSimulator({ port: 0, ...SP, log: (line) => simLog.push(line) });
  const moi = createMoiFidoClient({ url: sim.url, ...SP, timeoutMs: 2000 });
  const mobileCert = createMobileCert({ prisma: clients.prisma, moi, hashKey, now: () => Date.now() + skewMs });
  const app = express();
  app.use(express.json());
  app.use('/api', clientBinding({ hashKey, secure: false }));
  app.use(
    '/api/identity/mobile-cert',
    mobileCertRoutes({
      prisma: clients.prisma,
      mobileCert,
      proofs: createIdentityProofs(clients.prisma),
      limitAddress: async () => {},
    }),
  );
  app.use(errorHandler);
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/identity/mobile-cert`;
});
afterAll(async () => {
  server?.close();
  await sim?.stop();
  await clients.prisma.$disconnect();
});
beforeEach(async () => {
  skewMs = 0;
  await control({ failMode: 'none', unregistered: [] });
});

/** One browser for the whole file: what the API issues is bound to it (api/auth/client-binding.ts). */
const browser = crypto.randomBytes(32).toString('base64url');
async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { cookie: `${CLIENT_COOKIE}=${browser}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
const start = (nationalId: string, purpose = 'LOGIN') => call('POST', '/start', { purpose, nationalId });
const poll = (id: string) => call('GET', `/${id}`);
async function pollAfterMoi(id: string) {
  skewMs += 5_000; // MOI is asked at most every 4 seconds per verification
  return poll(id);
}
const operator = async (path: string, body: unknown = {}) =>
  fetch(`${sim.url}/__operator/${path}`, { method: 'POST', body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    body: await r.json(),
  }));
const requestsOf = async (nationalId: string) =>
  (await fetch(`${sim.url}/__operator/requests?id_num=${nationalId}`).then((r) => r.json())) as SimulatedMoiRequest[];
const control = (body: unknown) => fetch(`${sim.url}/__control`, { method: 'POST', body: JSON.stringify(body) });
const rowsOf = (nationalId: string) =>
  clients.prisma.mobileCertTransaction.findMany({ where: { nationalIdHash: hashNationalId(nationalId, hashKey) } });

async function createUser(nationalId: string, status: 'ACTIVE' | 'PENDING_ACTIVATION') {
  const org = await clients.prisma.organization.findFirstOrThrow({ where: { code: 'G25-01' } });
  return clients.prisma.user.create({
    data: {
      account: uniqueAccount('m'),
      name: '行動憑證測試',
      organizationId: org.id,
      status,
      nationalIdCipher: encryptNationalId(nationalId, dataKey),
      nationalIdHash: hashNationalId(nationalId, hashKey),
    },
  });
}

describe('行動自然人憑證 verification against the MOI simulator', () => {
  it('pushes to the APP, stays pending, and is approved once the person agrees on the phone', async () => {
    const id = randomNationalId('E');
    const started = await start(id.toLowerCase());
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body).toMatchObject({ status: 'PENDING', mode: 'PUSH', purpose: 'LOGIN' });
    expect(started.body.message).toContain('已發送推播');

    const [pushed] = await requestsOf(id);
    expect(pushed).toMatchObject({ status: 'pending', op_mode: 'PUSH', op_code: 'ATH', hint: '臺南市政府單一帳號認證平台 登入' });
    expect((await pollAfterMoi(started.body.id)).body.status).toBe('PENDING');

    expect((await operator('approve', { id_num: id })).status).toBe(200);
    const approved = await pollAfterMoi(started.body.id);
    expect(approved.body).toMatchObject({ status: 'APPROVED', message: '行動自然人憑證驗證成功。' });
    // Polling again does not ask MOI for a result it already handed out.
    expect((await pollAfterMoi(started.body.id)).body.status).toBe('APPROVED');

    const [row] = await rowsOf(id);
    expect(row).toMatchObject({ status: 'APPROVED', consumedAt: null, nationalIdHash: hashNationalId(id, hashKey) });
    expect(JSON.stringify(row)).not.toContain(id);
    expect(simLog.join('\n')).not.toContain(id);
  });

  it('says so when the person refuses in the APP', async () => {
    const id = randomNationalId('E');
    const started = await start(id);
    await operator('deny', { id_num: id });
    const denied = await pollAfterMoi(started.body.id);
    expect(denied.body).toMatchObject({ status: 'DENIED' });
    expect(denied.body.message).toContain('拒絕');
    const proof = await call('POST', `/${started.body.id}/proof`, { purpose: 'RESET_PASSWORD' });
    expect(proof.status).toBe(400);
    expect(proof.body.error.code).toBe('MOBILE_CERT_NOT_APPROVED');
  });

  it('expires when nobody answers in time', async () => {
    const id = randomNationalId('E');
    const started = await start(id);
    await operator('expire', { id_num: id });
    const expired = await pollAfterMoi(started.body.id);
    expect(expired.body).toMatchObject({ status: 'EXPIRED', message: '驗證已逾時，請重新發送推播或重新驗證。' });
    // An answer after expiry changes nothing.
    expect((await operator('approve', { id_num: id })).status).toBe(404);
    expect((await pollAfterMoi(started.body.id)).body.status).toBe('EXPIRED');
  });

  it('重新發送推播: only after a pause and with the same ID number; the new push is the one that counts', async () => {
    const id = randomNationalId('E');
    const started = await start(id);
    const tooSoon = await call('POST', `/${started.body.id}/resend`, { nationalId: id });
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error).toMatchObject({ code: 'RESEND_TOO_SOON' });
    expect(tooSoon.body.error.message).toMatch(/請於 \d+ 秒後再重新發送推播/);

    skewMs += RESEND_AFTER_MS + 1000;
    const other = await call('POST', `/${started.body.id}/resend`, { nationalId: randomNationalId('E') });
    expect(other.status).toBe(400);
    expect(other.body.error.fields.nationalId).toBe('身分證字號與此次驗證不符');

    const resent = await call('POST', `/${started.body.id}/resend`, { nationalId: id });
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body).toMatchObject({ id: started.body.id, status: 'PENDING', mode: 'PUSH' });
    const pushes = await requestsOf(id);
    expect(pushes).toHaveLength(2);

    // Agreeing to the superseded push does not complete this verification; the current one does.
    await operator(`requests/${pushes[1]!.sp_ticket_id}/approve`);
    expect((await pollAfterMoi(started.body.id)).body.status).toBe('PENDING');
    await operator(`requests/${pushes[0]!.sp_ticket_id}/approve`);
    expect((await pollAfterMoi(started.body.id)).body.status).toBe('APPROVED');
  });

  it('QRCode 模式: answers a code for the APP to scan; scanning and agreeing approves', async () => {
    const id = randomNationalId('E');
    const started = await start(id);
    const qr = await call('POST', `/${started.body.id}/qr`, { nationalId: id });
    expect(qr.status, JSON.stringify(qr.body)).toBe(200);
    expect(qr.body).toMatchObject({ status: 'PENDING', mode: 'QR' });
    expect(qr.body.message).toContain('掃描 QRCode');
    expect(qr.body.qrCode).toMatch(/^[\w-]+\.[\w-]+$/);

    const scanned = (await requestsOf(id)).find((r) => r.op_mode === 'I-SCAN');
    expect(scanned?.status).toBe('issued'); // not on the phone until scanned
    expect((await operator('approve', { id_num: id })).status).toBe(200); // approves the push still pending
    expect((await pollAfterMoi(started.body.id)).body.status).toBe('PENDING'); // that push was replaced

    expect((await operator('scan', { sp_ticket: qr.body.qrCode })).status).toBe(200);
    await operator(`requests/${scanned!.sp_ticket_id}/approve`);
    expect((await pollAfterMoi(started.body.id)).body).toMatchObject({ status: 'APPROVED', mode: 'QR' });
    // The QR code is handed out once, not on every poll.
    expect((await poll(started.body.id)).body.qrCode).toBeUndefined();
  });

  it('an approval gives one identity proof for the account with that ID number, once', async () => {
    const id = randomNationalId('E');
    const user = await createUser(id, 'ACTIVE');
    const started = await start(id, 'RESET_PASSWORD');
    await operator('approve', { id_num: id });
    await pollAfterMoi(started.body.id);

    // Spent only for its own purpose.
    const wrongPurpose = await call('POST', `/${started.body.id}/proof`, { purpose: 'ACTIVATE' });
    expect(wrongPurpose.body.error?.code).toBe('MOBILE_CERT_NOT_APPROVED');

    const [a, b] = await Promise.all([
      call('POST', `/${started.body.id}/proof`, { purpose: 'RESET_PASSWORD' }),
      call('POST', `/${started.body.id}/proof`, { purpose: 'RESET_PASSWORD' }),
    ]);
    const ok = [a, b].filter((r) => r.status === 201);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.body).toMatchObject({ account: user.account, purpose: 'RESET_PASSWORD' });
    expect([a, b].find((r) => r.status !== 201)!.body.error.code).toBe('MOBILE_CERT_NOT_APPROVED');
    const proof = await createIdentityProofs(clients.prisma).peek(
      ok[0]!.body.token,
      ['RESET_PASSWORD'],
      clientDigest(hashKey, browser),
    );
    expect(proof).toMatchObject({ userId: user.id, method: 'MOBILE_CERT' });
  });

  it('開通帳號 finds only an account waiting for activation, and says so plainly otherwise', async () => {
    const pendingId = randomNationalId('E');
    const pending = await createUser(pendingId, 'PENDING_ACTIVATION');
    const ok = await start(pendingId, 'ACTIVATE');
    await operator('approve', { id_num: pendingId });
    await pollAfterMoi(ok.body.id);
    const proof = await call('POST', `/${ok.body.id}/proof`, { purpose: 'ACTIVATE' });
    expect(proof.status).toBe(201);
    expect(proof.body.account).toBe(pending.account);

    const unknownId = randomNationalId('E');
    const started = await start(unknownId, 'ACTIVATE');
    await operator('approve', { id_num: unknownId });
    await pollAfterMoi(started.body.id);
    const none = await call('POST', `/${started.body.id}/proof`, { purpose: 'ACTIVATE' });
    expect(none.status).toBe(404);
    expect(none.body.error).toEqual({
      code: 'MOBILE_CERT_NO_ACCOUNT',
      message: '查無您的待開通帳號。帳號申請經機關管理者核准後才能開通；若已開通，請直接登入。',
    });
  });

  it('refuses a bad ID number before asking MOI, and explains an ID number without a mobile certificate', async () => {
    const bad = await start('A123456788');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.nationalId).toBe('身分證字號檢查碼錯誤，請確認是否輸入正確');
    expect(await requestsOf('A123456788')).toHaveLength(0);

    const id = randomNationalId('E');
    await control({ unregistered: [id] });
    const unregistered = await start(id);
    expect(unregistered.status).toBe(400);
    expect(unregistered.body.error.code).toBe('MOBILE_CERT_NOT_REGISTERED');
    expect(unregistered.body.error.message).toContain('尚未註冊行動自然人憑證');
    expect(await rowsOf(id)).toHaveLength(0);
  });

  it('MOI unavailable: starting says so; a pending verification waits instead of failing', async () => {
    const id = randomNationalId('E');
    const started = await start(id);
    await control({ failMode: 'down5xx' });
    const down = await start(randomNationalId('E'));
    expect(down.status).toBe(503);
    expect(down.body.error.message).toBe('內政部行動自然人憑證服務暫時無法使用，請稍後再試或改用其他驗證方式');
    expect((await pollAfterMoi(started.body.id)).body.status).toBe('PENDING');
    await control({ failMode: 'none' });
    await operator('approve', { id_num: id });
    expect((await pollAfterMoi(started.body.id)).body.status).toBe('APPROVED');
  });

  it(`limits pushes to one ID number (${STARTS_PER_ID} per 10 minutes)`, async () => {
    const id = randomNationalId('E');
    for (let i = 0; i < STARTS_PER_ID; i++) expect((await start(id)).status).toBe(201);
    const limited = await start(id);
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toBe('此身分證字號的驗證請求過於頻繁，請 10 分鐘後再試');
    expect(await requestsOf(id)).toHaveLength(STARTS_PER_ID);
  });

  it('answers 找不到 for an unknown verification', async () => {
    const missing = await poll(crypto.randomUUID());
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('找不到此行動自然人憑證驗證，請重新驗證');
  });
});
