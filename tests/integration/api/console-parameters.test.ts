import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PARAMETER_KEYS } from '../../../domain/system-parameters';
import { e2e } from '../../support/env';
import { apiSession } from '../../support/http';
import { testPrisma } from '../db/helpers';

const prisma = testPrisma();
const KEY = 'account.idleWarningBefore';
let sysadmin: ReturnType<typeof apiSession>;
let agencyAdmin: ReturnType<typeof apiSession>;
let original: { value: string; updatedById: string | null } | null;

beforeAll(async () => {
  original = await prisma.systemParameter.findUnique({ where: { key: KEY }, select: { value: true, updatedById: true } });
  sysadmin = apiSession();
  agencyAdmin = apiSession();
  expect((await sysadmin.login(e2e.sysadmin())).status).toBe(200);
  expect((await agencyAdmin.login('sdcadmin')).status).toBe(200);
});

afterAll(async () => {
  if (original) await prisma.systemParameter.update({ where: { key: KEY }, data: original });
  await prisma.$disconnect();
});

const stored = async () => (await prisma.systemParameter.findUniqueOrThrow({ where: { key: KEY } })).value;

describe('系統參數管理 (/api/console/system-parameters)', () => {
  it('lists every parameter with its zh-TW label, value in its unit, default and range', async () => {
    const { status, body } = await sysadmin.get('/api/console/system-parameters');
    expect(status).toBe(200);
    expect(body.items.map((p: { key: string }) => p.key).sort()).toEqual([...SYSTEM_PARAMETER_KEYS].sort());
    const autoClose = body.items.find((p: { key: string }) => p.key === 'repair.autoCloseAfter');
    expect(autoClose).toMatchObject({ unit: '天', defaultText: '7 天' });
    const grace = body.items.find((p: { key: string }) => p.key === 'integration.secretGracePeriod');
    expect(grace).toMatchObject({ label: '更換金鑰寬限期間', unit: '天', defaultText: '7 天', min: 1, max: 90 });
    const idle = body.items.find((p: { key: string }) => p.key === 'account.idleDisableAfter');
    expect(idle).toMatchObject({ label: '閒置停用期間', unit: '天', defaultText: '90 天', min: 1, max: 3650 });
    const lockout = body.items.find((p: { key: string }) => p.key === 'login.lockoutDuration');
    expect(lockout).toMatchObject({ label: '帳號鎖定時間', unit: '分鐘', max: 1440 });
  });

  it('refuses agency admins (403) and anonymous callers (401); nothing changes', async () => {
    const before = await stored();
    expect((await agencyAdmin.get('/api/console/system-parameters')).status).toBe(403);
    const put = await agencyAdmin.put(`/api/console/system-parameters/${KEY}`, { value: 3 });
    expect(put.status).toBe(403);
    expect(put.body.error.message).toBe('您沒有使用此功能的權限');
    expect((await apiSession().put(`/api/console/system-parameters/${KEY}`, { value: 3 })).status).toBe(401);
    expect(await stored()).toBe(before);
  });

  it('refuses values outside the definition with a message naming the parameter; nothing changes', async () => {
    const before = await stored();
    const cases: [unknown, string][] = [
      [0, '閒置停用預告期間不可小於 1 天'],
      [366, '閒置停用預告期間不可大於 365 天'],
      [2.5, '閒置停用預告期間須為整數（單位：天）'],
      ['', '請輸入閒置停用預告期間'],
    ];
    for (const [value, message] of cases) {
      const { status, body } = await sysadmin.put(`/api/console/system-parameters/${KEY}`, { value });
      expect(status).toBe(400);
      expect(body.error.fields.value).toBe(message);
    }
    expect((await sysadmin.put('/api/console/system-parameters/no.such.key', { value: 1 })).status).toBe(404);
    expect(await stored()).toBe(before);
  });

  // Issue 10 item 10: the value was coerced, so {"value": true} set the parameter to 1.
  it('takes only a real number: true, "5", null and 1e400 are refused and change nothing', async () => {
    const before = await stored();
    const put = (body: string) =>
      fetch(new URL(`/api/console/system-parameters/${KEY}`, e2e.baseUrl()), {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: sysadmin.jar.header() },
        body,
      });
    for (const body of ['{"value": true}', '{"value": "5"}', '{"value": null}', '{"value": 1e400}', '{"value": [5]}']) {
      const answer = await put(body);
      expect(answer.status, body).toBe(400);
      const { error } = (await answer.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields.value).toMatch(/^(請輸入閒置停用預告期間|閒置停用預告期間須為數字|參數值格式不正確)$/);
    }
    expect(await stored()).toBe(before);
  });

  it('stores a change in seconds, shows who changed it, and records old and new value in 帳號使用紀錄', async () => {
    const beforeText = (await sysadmin.get('/api/console/system-parameters')).body.items.find(
      (p: { key: string }) => p.key === KEY,
    ).valueText;
    const value = beforeText === '12 天' ? 11 : 12;
    const { status, body } = await sysadmin.put(`/api/console/system-parameters/${KEY}`, { value });
    expect(status).toBe(200);
    expect(body).toMatchObject({ key: KEY, value, valueText: `${value} 天`, updatedBy: { account: e2e.sysadmin() } });
    expect(body.updatedAt).toBeTruthy();
    expect(await stored()).toBe(String(value * 86_400));

    const listed = (await sysadmin.get('/api/console/system-parameters')).body.items.find((p: { key: string }) => p.key === KEY);
    expect(listed.valueText).toBe(`${value} 天`);

    const usage = (await sysadmin.get('/api/account/usage-records')).body.items[0];
    expect(usage).toMatchObject({ action: 'parameter.update', actionLabel: '系統參數修改', target: KEY });
    const row = await prisma.usageRecord.findUniqueOrThrow({ where: { id: usage.id } });
    expect(row.detail).toMatchObject({ oldText: beforeText, newText: `${value} 天`, newValue: value * 86_400 });

    // 日誌紀錄管理 names the parameter.
    const logged = await sysadmin.get(`/api/console/records/usage?q=${e2e.sysadmin()}&action=parameter.update`);
    expect(logged.body.items[0]).toMatchObject({ actionLabel: '系統參數修改', targetLabel: '閒置停用預告期間' });
  });
});
