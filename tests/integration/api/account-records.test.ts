import crypto from 'node:crypto';
import type { LoginAction, LoginMethod, LoginResult } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taipeiDayStart } from '../../../domain/login-records';
import { e2e } from '../../support/env';
import { apiSession } from '../../support/http';
import { testPrisma } from '../db/helpers';
import { createActiveUser } from './support-users';

const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const prisma = testPrisma();
let user: Awaited<ReturnType<typeof createActiveUser>>;
let other: Awaited<ReturnType<typeof createActiveUser>>;
let session: ReturnType<typeof apiSession>;

// A day of its own in the past (records are append-only, so every run picks another one).
const day = new Date(Date.UTC(2001 + crypto.randomInt(0, 20), crypto.randomInt(0, 12), crypto.randomInt(1, 28)))
  .toISOString()
  .slice(0, 10);
const at = (hour: number, minute = 0) => new Date(taipeiDayStart(day).getTime() + (hour * 60 + minute) * 60_000);

async function record(
  userId: string,
  hour: number,
  method: LoginMethod,
  action: LoginAction,
  result: LoginResult,
  reason?: string,
) {
  return prisma.loginRecord.create({
    data: {
      userId,
      account: 'x',
      method,
      action,
      result,
      reason: reason ?? null,
      ip: '10.1.2.3',
      userAgent: CHROME_LINUX,
      at: at(hour),
    },
  });
}

beforeAll(async () => {
  user = await createActiveUser(prisma);
  other = await createActiveUser(prisma);
  session = apiSession(e2e.baseUrl(), { headers: { 'user-agent': CHROME_LINUX } });
  // A wrong password, then a success: both are the user's own 帳號登入紀錄.
  expect((await session.login(user.account, 'Wrong@Pass1')).status).toBe(401);
  expect((await session.login(user.account)).status).toBe(200);
});

afterAll(() => prisma.$disconnect());

describe('個人帳號登入紀錄 (GET /api/account/login-records)', () => {
  it('lists the last 30 days by default, newest first: the failed and the successful login with IP and browser', async () => {
    const { status, body } = await session.get('/api/account/login-records');
    expect(status).toBe(200);
    expect(body.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.total).toBe(2);
    expect(body.items.map((r: { result: string }) => r.result)).toEqual(['SUCCESS', 'FAILURE']);
    expect(body.items[0]).toMatchObject({ method: 'PASSWORD', action: 'LOGIN', browser: 'Chrome 156 / Linux' });
    expect(body.items[0].ip).toMatch(/127\.0\.0\.1|::1/);

    const detail = await session.get(`/api/account/login-records/${body.items[1].id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      result: 'FAILURE',
      reason: 'BAD_PASSWORD',
      reasonText: '密碼錯誤',
      account: user.account,
      browserName: 'Chrome',
      os: 'Linux',
      userAgent: CHROME_LINUX,
      via: null,
    });
  });

  it('filters by 起日/迄日 and by 登入方式, 動作 and 操作結果, and pages', async () => {
    await record(user.id, 8, 'OTP', 'LOGIN', 'SUCCESS');
    await record(user.id, 9, 'OTP', 'LOGIN', 'FAILURE', 'BAD_OTP');
    await record(user.id, 10, 'PASSWORD', 'FORGOT_PASSWORD', 'SUCCESS');
    await record(user.id, 11, 'MOBILE_CERT', 'LOGIN', 'FAILURE', 'MOBILE_CERT_DENIED');
    for (let i = 0; i < 9; i++) await record(user.id, 12 + i, 'PASSWORD', 'LOGIN', 'SUCCESS');
    // The day before and after: outside the range.
    await prisma.loginRecord.create({
      data: {
        userId: user.id,
        account: 'x',
        method: 'OTP',
        action: 'LOGIN',
        result: 'SUCCESS',
        at: new Date(at(0).getTime() - 1),
      },
    });
    await prisma.loginRecord.create({
      data: { userId: user.id, account: 'x', method: 'OTP', action: 'LOGIN', result: 'SUCCESS', at: at(24) },
    });

    const list = async (query: string) => (await session.get(`/api/account/login-records?from=${day}&to=${day}${query}`)).body;
    const all = await list('');
    expect(all.total).toBe(13);
    expect(all.items).toHaveLength(13);
    expect(all.items.map((r: { at: string }) => r.at)).toEqual([...all.items.map((r: { at: string }) => r.at)].sort().reverse());
    expect(new Date(all.items[0].at).getTime()).toBe(at(20).getTime());

    expect((await list('&method=OTP')).items.map((r: { result: string }) => r.result)).toEqual(['FAILURE', 'SUCCESS']);
    expect((await list('&action=FORGOT_PASSWORD')).items).toEqual([
      expect.objectContaining({ method: 'PASSWORD', action: 'FORGOT_PASSWORD' }),
    ]);
    const failures = await list('&result=FAILURE');
    expect(failures.items.map((r: { method: string }) => r.method)).toEqual(['MOBILE_CERT', 'OTP']);
    expect((await list('&method=OTP&result=FAILURE')).total).toBe(1);
    expect((await list('&method=&action=&result=')).total).toBe(13);

    const page2 = await list('&pageSize=10&page=1');
    expect(page2).toMatchObject({ total: 13 });
    expect(page2.items).toHaveLength(3);
    expect(new Date(page2.items[2].at).getTime()).toBe(at(8).getTime());

    const denied = (await session.get(`/api/account/login-records/${failures.items[0].id}`)).body;
    expect(denied.reasonText).toBe('已於行動自然人憑證 App 拒絕');
  });

  it('never shows another user’s record: not in the list, 404 for its detail', async () => {
    const theirs = await record(other.id, 7, 'PASSWORD', 'LOGIN', 'SUCCESS');
    const list = (await session.get(`/api/account/login-records?from=${day}&to=${day}`)).body;
    expect(list.items.map((r: { id: string }) => r.id)).not.toContain(theirs.id);
    const detail = await session.get(`/api/account/login-records/${theirs.id}`);
    expect(detail.status).toBe(404);
    expect(detail.body.error).toEqual({ code: 'NOT_FOUND', message: '找不到此筆登入紀錄' });
    expect((await session.get('/api/account/login-records/not-an-id')).status).toBe(400);
  });

  it('refuses a reversed or too long range with zh-TW messages, and answers 401 without a session', async () => {
    const reversed = await session.get('/api/account/login-records?from=2026-03-05&to=2026-03-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields).toEqual({ from: '起日不可晚於迄日' });
    const tooLong = await session.get('/api/account/login-records?from=2024-01-01&to=2026-03-01');
    expect(tooLong.body.error.fields).toEqual({ to: '查詢區間最長為 366 天，請縮小起迄日期' });
    const badMethod = await session.get('/api/account/login-records?method=FACE');
    expect(badMethod.body.error.fields).toEqual({ method: '登入方式選項錯誤' });
    expect((await apiSession().get('/api/account/login-records')).status).toBe(401);
    expect((await apiSession().get('/api/account/usage-records')).status).toBe(401);
  });
});

describe('個人帳號使用紀錄 (GET /api/account/usage-records)', () => {
  it('lists the user’s own actions in the range with zh-TW labels, unknown codes as themselves', async () => {
    await prisma.usageRecord.create({ data: { userId: user.id, action: 'binding.otp.enable', at: at(9) } });
    await prisma.usageRecord.create({ data: { userId: user.id, action: 'password.change', at: at(10), ip: '10.0.0.8' } });
    await prisma.usageRecord.create({ data: { userId: user.id, action: 'legacy.somethingOld', at: at(11) } });
    await prisma.usageRecord.create({ data: { userId: other.id, action: 'profile.update', at: at(12) } });
    const { status, body } = await session.get(`/api/account/usage-records?from=${day}&to=${day}`);
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.items.map((r: { actionLabel: string }) => r.actionLabel)).toEqual([
      'legacy.somethingOld',
      '密碼修改',
      '啟用 OTP 驗證',
    ]);
    expect(body.items[1]).toMatchObject({ action: 'password.change', ip: '10.0.0.8' });
    const reversed = await session.get(`/api/account/usage-records?from=2026-03-05&to=2026-03-01`);
    expect(reversed.body.error.fields).toEqual({ from: '起日不可晚於迄日' });
  });
});
