import crypto from 'node:crypto';
import fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2e, eventually, testEnv } from '../../support/env';
import { readableHistory } from '../../support/histories';
import { apiSession } from '../../support/http';
import { randomMobile } from '../../support/reset-users';
import { createSmsSystem } from '../../support/sms-systems';
import { createTestOrg, testKeys, testPrisma, uniq } from '../db/helpers';
import { createActiveUser } from './support-users';

// 簡訊發送 API against the running API and worker, the slot's Mitake simulator and Temporal.
const prisma = testPrisma();
const env = testEnv();
const API = `${e2e.baseUrl()}/api/integrations/v1`;
const SIM = env.SMS_SIMULATOR_URL;
// Calls come "through the trusted proxy" from a TEST-NET-1 address of their own, so the per-address
// limit other files spend from 127.0.0.1 is not this file's.
const FROM = `192.0.2.${crypto.randomInt(1, 250)}`;

let owner: Awaited<ReturnType<typeof createActiveUser>>;

beforeAll(async () => {
  owner = await createActiveUser(prisma);
});
afterAll(() => prisma.$disconnect());

const smsSystem = (options: Parameters<typeof createSmsSystem>[3] = {}) =>
  createSmsSystem(prisma, testKeys.dataKey, owner, options);

const basic = (clientId: string, secret: string) => `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;

async function call(path: string, init: { auth?: string; body?: unknown; key?: string; from?: string; method?: string } = {}) {
  const response = await fetch(`${API}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': init.from ?? FROM,
      ...(init.auth ? { authorization: init.auth } : {}),
      ...(init.key !== undefined ? { 'idempotency-key': init.key } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const send = (auth: string, key: string, body: unknown, from?: string) => call('/sms/messages', { auth, key, body, from });

interface SimulatedSms {
  id: string;
  to: string;
  body: string;
  clientid: string;
}
const received = async (mobile: string) => (await (await fetch(`${SIM}/messages?to=${mobile}`)).json()) as SimulatedSms[];
const simControl = async (body?: object) =>
  (await (
    await fetch(`${SIM}/__control`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    })
  ).json()) as { failMode: string; accountPoint: number };

/** The message row once its status is `status` (read from the database: polling the API would spend its limits). */
const reaches = (id: string, status: string, timeoutMs = 30_000) =>
  eventually(
    async () => {
      const row = await prisma.smsMessage.findUniqueOrThrow({ where: { id } });
      return row.status === status ? row : null;
    },
    { timeoutMs, intervalMs: 200 },
  );

async function historyOf(workflowId: string) {
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  try {
    const handle = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }).workflow.getHandle(workflowId);
    await handle.result();
    return readableHistory(await handle.fetchHistory());
  } finally {
    await connection.close();
  }
}

describe('簡訊發送 API (POST /api/integrations/v1/sms/messages)', () => {
  it('sends once per Idempotency-Key through Mitake, follows it to the handset, and stops at the monthly quota with the time it resets', async () => {
    const { app, auth } = await smsSystem({ quota: 3, senderName: '測試系統' });
    const mobile = randomMobile();
    const text = `您的案件已核准（${uniq()}）`;

    const first = await send(auth, 'order-1', {
      to: `${mobile.slice(0, 4)}-${mobile.slice(4, 7)}-${mobile.slice(7)}`,
      message: text,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.body).toMatchObject({
      idempotencyKey: 'order-1',
      to: `${mobile.slice(0, 4)}***${mobile.slice(-3)}`,
      status: 'QUEUED',
      statusLabel: '等待發送',
    });
    expect(first.headers.get('location')).toBe(`/api/integrations/v1/sms/messages/${first.body.id}`);
    expect(JSON.stringify(first.body)).not.toContain(mobile);

    // Mitake accepts it (SENT with its msgid), then reports it on the handset (DELIVERED).
    const sent = await reaches(first.body.id, 'SENT');
    const [arrived] = await eventually(async () => {
      const list = await received(mobile);
      return list.length ? list : null;
    });
    expect(arrived).toMatchObject({ to: mobile, body: `【測試系統】${text}`, clientid: first.body.id });
    expect(sent.providerMessageId).toBe(arrived!.id);
    await reaches(first.body.id, 'DELIVERED');
    const status = await call(`/sms/messages/${first.body.id}`, { auth });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      id: first.body.id,
      status: 'DELIVERED',
      statusLabel: '已送達手機',
      providerMessageId: arrived!.id,
      providerStatus: '4',
    });
    expect(status.body.sentAt).toBeTruthy();
    expect(status.body.finishedAt).toBeTruthy();

    // The same key again: the same message, nothing sent twice; another body under it: 409.
    const again = await send(auth, 'order-1', { to: mobile, message: text });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, status: 'DELIVERED' });
    const changed = await send(auth, 'order-1', { to: mobile, message: `${text}！` });
    expect(changed.status).toBe(409);
    expect(changed.body.error).toEqual({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: '此 Idempotency-Key 已用於內容不同的簡訊；發送新的簡訊請使用新的 Idempotency-Key',
    });
    expect(await received(mobile)).toHaveLength(1);

    // The number is at rest encrypted and masked, and in no workflow history.
    const row = await prisma.smsMessage.findUniqueOrThrow({ where: { id: first.body.id } });
    expect(row.recipientMasked).toBe(`${mobile.slice(0, 4)}***${mobile.slice(-3)}`);
    expect(Buffer.from(row.recipientCipher).toString('latin1')).not.toContain(mobile);
    const history = await historyOf(`sms-api-${first.body.id}`);
    expect(history).toContain(first.body.id);
    expect(history).not.toContain(mobile);

    // Two more fill the quota of 3; the 4th is refused with the time until the 1st of next month.
    for (const key of ['order-2', 'order-3'])
      expect((await send(auth, key, { to: randomMobile(), message: text })).status).toBe(202);
    const over = await send(auth, 'order-4', { to: randomMobile(), message: text });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('SMS_QUOTA_EXCEEDED');
    expect(over.body.error.message).toMatch(/^本月簡訊額度 3 則已用完，將於 \d+ (天|小時|分鐘)後（\d{1,2} 月 1 日）恢復$/);
    expect(over.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(new Date(over.body.error.resetAt).getTime()).toBeGreaterThan(Date.now());
    expect(Number(over.headers.get('retry-after'))).toBe(over.body.error.retryAfterSeconds);
    // A repeat of an accepted message still answers it.
    expect((await send(auth, 'order-1', { to: mobile, message: text })).status).toBe(200);

    const usage = await call('/sms/usage', { auth });
    expect(usage.body).toMatchObject({ used: 3, quota: 3, remaining: 0 });
    expect(usage.body.month).toMatch(/^\d{4}-\d{2}$/);

    // The system's page: the managing agency's members see it, others do not.
    const session = apiSession();
    expect((await session.login(owner.account)).status).toBe(200);
    const page = await session.get(`/api/application-systems/${app.id}/sms-usage`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ enabled: true, used: 3, quota: 3, remaining: 0 });
    expect(page.body.recent).toHaveLength(3);
    expect(page.body.recent.at(-1)).toMatchObject({
      id: first.body.id,
      to: `${mobile.slice(0, 4)}***${mobile.slice(-3)}`,
      status: 'DELIVERED',
      statusLabel: '已送達手機',
    });
    expect(JSON.stringify(page.body)).not.toContain(mobile);
    const stranger = await createActiveUser(prisma, (await createTestOrg(prisma)).agency.code);
    const other = apiSession();
    expect((await other.login(stranger.account)).status).toBe(200);
    expect((await other.get(`/api/application-systems/${app.id}/sms-usage`)).status).toBe(403);
    expect((await apiSession().get(`/api/application-systems/${app.id}/sms-usage`)).status).toBe(401);
  });

  it('records a message Mitake refuses (statuscode s) as REJECTED with its reason, not counted in the quota', async () => {
    const { auth } = await smsSystem({ quota: 3 });
    const mobile = randomMobile();
    const before = await simControl();
    let rejected;
    try {
      // 670 Chinese characters cost Mitake 10 points; the account has 9 left for a moment.
      await simControl({ accountPoint: 9 });
      const answer = await send(auth, 'long-1', { to: mobile, message: '測'.repeat(670) });
      expect(answer.status).toBe(202);
      rejected = await reaches(answer.body.id, 'REJECTED');
    } finally {
      await simControl({ accountPoint: before.accountPoint });
    }
    expect(rejected).toMatchObject({
      providerStatus: 's',
      failureReason: '入口網的簡訊點數不足或帳務處理失敗（帳務處理失敗，無法發送簡訊），請聯絡入口網系統管理者',
    });
    const status = await call(`/sms/messages/${rejected.id}`, { auth });
    expect(status.body).toMatchObject({ status: 'REJECTED', statusLabel: '已退件', providerStatus: 's' });
    expect(status.body.reason).toContain('帳務處理失敗');
    expect(await received(mobile)).toEqual([]);
    expect((await call('/sms/usage', { auth })).body).toMatchObject({ used: 0, remaining: 3 });
  });

  it('keeps a message through a Mitake outage and sends it once Mitake is back', async () => {
    const { auth } = await smsSystem();
    const mobile = randomMobile();
    let id = '';
    try {
      await simControl({ failMode: 'down5xx' });
      const answer = await send(auth, 'outage-1', { to: mobile, message: '停機測試' });
      expect(answer.status).toBe(202);
      id = answer.body.id;
      // Mitake answered 503 and the send is being retried: still QUEUED, nothing lost.
      const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
      try {
        const handle = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }).workflow.getHandle(`sms-api-${id}`);
        await eventually(async () => {
          const [pending] = (await handle.describe()).raw.pendingActivities ?? [];
          return (pending?.attempt ?? 0) >= 2 && pending!.lastFailure?.message?.includes('HTTP 503');
        });
      } finally {
        await connection.close();
      }
      expect((await prisma.smsMessage.findUniqueOrThrow({ where: { id } })).status).toBe('QUEUED');
    } finally {
      await simControl({ failMode: 'none' });
    }
    await reaches(id, 'SENT', 60_000);
    expect(await received(mobile)).toHaveLength(1);
  });

  it('refuses bad input, wrong and revoked credentials, an unapproved system and a call from outside 正式 IP (logged), sending nothing', async () => {
    const { client, auth, clientId } = await smsSystem();
    const mobile = randomMobile();

    const badNumber = await send(auth, 'bad-1', { to: '0212345678', message: '測試' });
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.error.fields).toEqual({ to: '手機號碼格式錯誤，格式：0912345678' });
    const empty = await send(auth, 'bad-2', { to: mobile, message: '   ' });
    expect(empty.body.error.fields).toEqual({ message: '請提供 message（簡訊內容）' });
    const long = await send(auth, 'bad-3', { to: mobile, message: 'x'.repeat(671) });
    expect(long.status).toBe(400);
    expect(long.body.error.fields).toEqual({ message: '簡訊內容最多 670 字（含發送者名稱）' });
    const noKey = await call('/sms/messages', { auth, body: { to: mobile, message: '測試' } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.message).toBe('請提供 Idempotency-Key 標頭（每則簡訊一個唯一值，1–100 個字元）');
    const longKey = await send(auth, 'k'.repeat(101), { to: mobile, message: '測試' });
    expect(longKey.status).toBe(400);

    const wrongSecret = await send(basic(clientId, 'not-the-secret'), 'auth-1', { to: mobile, message: '測試' });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error.code).toBe('CLIENT_AUTH_FAILED');
    expect(wrongSecret.headers.get('www-authenticate')).toMatch(/^Basic realm="integrations"/);
    for (const status of ['SUSPENDED', 'REVOKED'] as const) {
      const stopped = await smsSystem({ status });
      const answer = await send(stopped.auth, 'auth-2', { to: mobile, message: '測試' });
      expect(answer.status, status).toBe(401);
      expect(answer.body.error.code).toBe('CLIENT_AUTH_FAILED');
    }
    const unapproved = await smsSystem({ quota: null });
    const disabled = await send(unapproved.auth, 'auth-3', { to: mobile, message: '測試' });
    expect(disabled.status).toBe(403);
    expect(disabled.body.error).toEqual({ code: 'SMS_API_DISABLED', message: '此應用系統未獲核准使用簡訊發送 API' });

    const logFile = process.env.API_LOG_FILE;
    if (!logFile) throw new Error('API_LOG_FILE is not set (scripts/test.mjs sets it)');
    const offset = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    const outsider = `203.0.113.${crypto.randomInt(1, 250)}`;
    const outside = await send(auth, 'addr-1', { to: mobile, message: '測試' }, outsider);
    expect(outside.status).toBe(403);
    expect(outside.body.error).toEqual({
      code: 'CLIENT_ADDRESS_NOT_ALLOWED',
      message: '此來源 IP 位址不是應用系統登錄的正式 IP，無法呼叫簡訊發送 API',
    });
    expect((await call('/sms/usage', { auth, from: outsider })).status).toBe(403);
    const refusal = await eventually(async () => {
      const added = fs.readFileSync(logFile).subarray(offset).toString('utf8');
      return added
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((entry) => entry.event === 'integration.addressRefused' && entry.clientId === clientId);
    });
    expect(refusal).toMatchObject({ api: '簡訊發送 API', address: outsider, system: client.name });

    expect(await prisma.smsMessage.count({ where: { integrationSystemId: client.id } })).toBe(0);
    expect(await received(mobile)).toEqual([]);
  });

  it('limits each system to its calls a minute', async () => {
    const { auth } = await smsSystem({ perMinute: 2 });
    // Bodies without a number: each call counts, none sends.
    for (let i = 0; i < 2; i++) expect((await send(auth, `rate-${i}`, {})).status).toBe(400);
    const limited = await send(auth, 'rate-3', {});
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.body.error.message).toMatch(/^簡訊發送 API 每分鐘最多呼叫 2 次，請於 \d+ 秒後再試$/);
    expect(limited.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
