import { describe, expect, it } from 'vitest';
import { useAccountSandbox } from './support-sandbox';
import { apply, latestMail, randomNationalId, uniqueAccount, uniqueEmail, verifyEmail } from '../../support/applicant';
import { e2e, eventually } from '../../support/env';
import { apiSession } from '../../support/http';
import { FIRST_PASSWORD } from '../../support/reset-users';
import { taipeiDate } from '../../../domain/delegation';

// 個人帳號管理 › 代理人設定 over HTTP with the real API, worker, Temporal and SMTP sink: a 民政局 (G01)
// agency admin of the file's own names a G01 colleague as deputy; the deputy then sees and decides a
// G01 個人帳號申請 in the approver's name.
const { prisma, newUser } = useAccountSandbox('delegate');

const day = (offset: number) => taipeiDate(new Date(Date.now() + offset * 86_400_000));

async function approver() {
  const user = await newUser({ prefix: 'dlgp' });
  const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
  // Granted before the login below, so the session carries it.
  await prisma.roleAssignment.create({
    data: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: g01.id, grantedAt: new Date(Date.now() - 60_000) },
  });
  return user;
}

async function session(account: string) {
  const s = apiSession();
  const login = await s.login(account, FIRST_PASSWORD);
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return s;
}

/** A 個人帳號申請 for 民政局 秘書室 (G01-91), submitted as the public form does. */
async function g01Application() {
  const email = uniqueEmail();
  const token = await verifyEmail('APPLY', email);
  const account = uniqueAccount('dlga');
  const submitted = await apply(token, {
    nationalId: randomNationalId(),
    account,
    needOfficialMail: false,
    name: '陳志明',
    organizationCode: 'G01-91',
    title: '約聘人員',
    officePhone: '2991111',
    officeExt: '',
    remark: '',
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  return { id: submitted.body.id as string, account, email };
}

describe('代理人設定 (real API, worker, Temporal, SMTP)', () => {
  it('only approvers name deputies; bad periods and deputies outside the agency are refused in zh-TW, changing nothing', async () => {
    const plain = await newUser({ prefix: 'dlgu' });
    const plainSession = await session(plain.account);
    const refused = await plainSession.post('/api/account/delegations', {
      deputyAccount: 'cabadmin',
      startDate: day(0),
      endDate: day(1),
    });
    expect(refused.status).toBe(403);
    expect((await plainSession.get('/api/account/delegations/candidates')).status).toBe(403);
    // Everyone may read whom they stand in for (nobody, here).
    expect((await plainSession.get('/api/account/delegations')).body).toEqual({ given: [], held: [] });

    const principal = await approver();
    const s = await session(principal.account);
    const cases: [object, string, string][] = [
      [{ deputyAccount: plain.account, startDate: day(-1), endDate: day(1) }, 'startDate', '代理開始日期不可早於今天'],
      [{ deputyAccount: plain.account, startDate: day(2), endDate: day(1) }, 'endDate', '代理結束日期不可早於開始日期'],
      [{ deputyAccount: plain.account, startDate: day(0), endDate: day(90) }, 'endDate', '代理期間最長 90 天'],
      [{ deputyAccount: e2e.user(), startDate: day(0), endDate: day(1) }, 'deputyAccount', '代理人須為本機關在職同仁'],
      [{ deputyAccount: principal.account, startDate: day(0), endDate: day(1) }, 'deputyAccount', '不可指定自己為代理人'],
      [{ deputyAccount: '', startDate: day(0), endDate: day(1) }, 'deputyAccount', '請選擇代理人'],
      [{ deputyAccount: plain.account, startDate: '12/08', endDate: day(1) }, 'startDate', '請選擇代理開始日期'],
    ];
    for (const [body, field, message] of cases) {
      const answer = await s.post('/api/account/delegations', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.fields[field]).toBe(message);
    }
    expect(await prisma.delegation.count({ where: { principalId: principal.id } })).toBe(0);

    // Colleagues of the same agency only, by account or name prefix.
    const candidates = await s.get(`/api/account/delegations/candidates?q=${plain.account.slice(0, 6)}`);
    expect(candidates.body.items.map((c: { account: string }) => c.account)).toContain(plain.account);
    const outsiders = await s.get(`/api/account/delegations/candidates?q=${e2e.user()}`);
    expect(outsiders.body.items).toEqual([]);
  });

  it('the deputy sees the approver’s inbox only during the period, decides in their name, and the approver is mailed', async () => {
    const principal = await approver();
    const deputy = await newUser({ prefix: 'dlgd' });
    const principalSession = await session(principal.account);
    const deputySession = await session(deputy.account);
    const application = await g01Application();

    // Before: a plain user has no review inbox.
    expect((await deputySession.get('/api/console/account-applications')).status).toBe(403);

    const created = await principalSession.post('/api/account/delegations', {
      deputyAccount: deputy.account,
      startDate: day(0),
      endDate: day(2),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const assigned = await latestMail(deputy.email, '已指定您為審核代理人');
    expect(assigned.subject).toContain(principal.name);

    // One deputy at a time: an overlapping period is refused.
    const overlap = await principalSession.post('/api/account/delegations', {
      deputyAccount: deputy.account,
      startDate: day(1),
      endDate: day(3),
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toContain(deputy.name);

    const mine = await principalSession.get('/api/account/delegations');
    expect(mine.body.given).toMatchObject([{ deputy: { account: deputy.account }, status: 'ACTIVE', statusLabel: '代理中' }]);
    const held = await deputySession.get('/api/account/delegations');
    expect(held.body.held).toMatchObject([{ principal: { account: principal.account }, status: 'ACTIVE' }]);
    expect((await deputySession.get('/api/session')).body.user.deputyFor).toEqual([
      { account: principal.account, name: principal.name },
    ]);

    // The approver's inbox, scoped to the approver's agency; never the other console functions.
    const inbox = await eventually(async () => {
      const list = await deputySession.get(`/api/console/account-applications?q=${application.account}`);
      return list.status === 200 && list.body.items.length === 1 ? list : null;
    });
    expect(inbox.body.items[0]).toMatchObject({ id: application.id, agency: { code: 'G01' } });
    expect((await deputySession.get('/api/console/accounts')).status).toBe(403);
    expect((await deputySession.get('/api/console/system-parameters')).status).toBe(403);
    const detail = await deputySession.get(`/api/console/account-applications/${application.id}`);
    expect(detail.body.allowedActions).toEqual(['decide']);

    const decided = await deputySession.post(`/api/console/account-applications/${application.id}/decision`, {
      decision: 'REJECT',
      comment: '單位主管未簽核',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const events = await eventually(async () => {
      const d = await principalSession.get(`/api/console/account-applications/${application.id}`);
      return d.body.events?.find((e: { kind: string }) => e.kind === 'REJECTED') ? d.body.events : null;
    });
    const rejected = events.find((e: { kind: string }) => e.kind === 'REJECTED');
    expect(rejected.actorName).toBe(`${deputy.name}（代理 ${principal.name}）`);
    const told = await latestMail(principal.email, '您的代理人');
    expect(told.subject).toContain(`您的代理人 ${deputy.name} 已駁回一件個人帳號申請`);
    const usage = await prisma.usageRecord.findFirstOrThrow({ where: { userId: deputy.id, action: 'application.decide' } });
    expect(usage.detail).toMatchObject({ decision: 'REJECT', onBehalfOf: principal.account });

    // A new request of the approver's agency is mailed to the deputy too, and decided from its inbox.
    const colleague = await newUser({ prefix: 'dlgc' });
    const asked = await (
      await session(colleague.account)
    ).post('/api/account/admin-role-requests', { reason: '承辦本局帳號管理業務' });
    expect(asked.status, JSON.stringify(asked.body)).toBeLessThan(300);
    await latestMail(deputy.email, '有待審核的機關管理者權限異動申請');
    const request = await eventually(
      async () => (await deputySession.get(`/api/console/admin-role-requests?q=${colleague.account}`)).body.items?.[0],
    );
    const roleDecision = await deputySession.post(`/api/console/admin-role-requests/${request.id}/decision`, {
      decision: 'REJECT',
      comment: '請先完成機關管理者訓練',
    });
    expect(roleDecision.status, JSON.stringify(roleDecision.body)).toBe(200);
    await latestMail(principal.email, `您的代理人 ${deputy.name} 已駁回一件機關管理者權限異動申請`);

    // 取消代理: from the next request on the deputy has no inbox again.
    const id = mine.body.given[0].id as string;
    expect((await principalSession.post(`/api/account/delegations/${id}/cancel`)).status).toBe(204);
    expect((await deputySession.get('/api/console/account-applications')).status).toBe(403);
    expect((await principalSession.post(`/api/account/delegations/${id}/cancel`)).status).toBe(409);
    // Nobody else's delegation can be cancelled (nor learnt of).
    expect((await deputySession.post(`/api/account/delegations/${id}/cancel`)).status).toBe(403);
  });

  it('a delegation that has not begun gives nothing yet', async () => {
    const principal = await approver();
    const deputy = await newUser({ prefix: 'dlgs' });
    const principalSession = await session(principal.account);
    const created = await principalSession.post('/api/account/delegations', {
      deputyAccount: deputy.account,
      startDate: day(1),
      endDate: day(1),
    });
    expect(created.status).toBe(201);
    const deputySession = await session(deputy.account);
    expect((await deputySession.get('/api/session')).body.user.deputyFor).toEqual([]);
    expect((await deputySession.get('/api/console/account-applications')).status).toBe(403);
    const mine = await principalSession.get('/api/account/delegations');
    expect(mine.body.given[0]).toMatchObject({ status: 'SCHEDULED', statusLabel: '尚未開始' });
  });
});
