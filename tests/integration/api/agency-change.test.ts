import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useAccountSandbox } from './support-sandbox';
import { latestMail } from '../../support/applicant';
import { eventually } from '../../support/env';
import { apiSession } from '../../support/http';
import { FIRST_PASSWORD } from '../../support/reset-users';

const { prisma, ad, ouDn, newUser } = useAccountSandbox('agencychg');

/** An active user of 民政局 (G01, agency admin cabadmin), in the database and AD, signed in over HTTP. */
async function signedInUser() {
  const user = await newUser({ prefix: 'agc' });
  const session = apiSession();
  expect((await session.login(user.account, FIRST_PASSWORD)).status).toBe(200);
  return { user, session };
}

/** 智慧發展中心 數據創新科: decided by sdcadmin (G25); the old agency's admin is cabadmin (G01). */
const NEW_UNIT = 'G25-03';

async function admin(account: string) {
  const session = apiSession();
  expect((await session.login(account)).status).toBe(200);
  return session;
}

async function submitted(session: ReturnType<typeof apiSession>, reason = '調職') {
  const answer = await session.post('/api/account/agency-change', { organizationCode: NEW_UNIT, reason });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expect(answer.body).toMatchObject({ status: 'PENDING', signedOut: true });
  return answer.body as { id: string; workflowId: string };
}

describe('機關(單位)異動 over HTTP: /api/account/agency-change and 機關異動審核', () => {
  it('signs the user out at once, lets only the new agency admin decide, and on 核准 moves the user in the database and AD', async () => {
    const { user, session } = await signedInUser();
    const overview = await session.get('/api/account/agency-change');
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({
      current: { organizationCode: 'G01-91', agencyName: '民政局' },
      precheck: { ok: true, problems: [] },
      openRequest: null,
    });

    // Bad input is refused with the field's message, and nothing starts.
    const same = await session.post('/api/account/agency-change', { organizationCode: 'G01-91' });
    expect(same.status).toBe(400);
    expect(same.body.error.fields.organizationCode).toBe('調入單位與目前單位相同，請選擇其他單位');
    const notLeaf = await session.post('/api/account/agency-change', { organizationCode: 'G25' });
    expect(notLeaf.body.error.fields.organizationCode).toBe('請繼續選擇下一層，直到最後一層單位');
    const unknown = await session.post('/api/account/agency-change', { organizationCode: 'NOPE-99' });
    expect(unknown.body.error.fields.organizationCode).toBe('找不到此單位，或此單位已裁撤，請重新選擇');
    const none = await session.post('/api/account/agency-change', {});
    expect(none.body.error.fields.organizationCode).toBe('請選擇調入單位');
    expect(await prisma.request.count({ where: { applicantUserId: user.id } })).toBe(0);

    const { id } = await submitted(session);
    // Signed out at once: the old cookie is refused, and the account cannot log in while the request waits.
    expect((await session.get('/api/session')).status).toBe(401);
    expect((await apiSession().login(user.account, FIRST_PASSWORD)).status).not.toBe(200);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ status: 'DISABLED', disabledReason: '機關(單位)異動審核中' });
    // AD is disabled alongside, without holding up the decision.
    await eventually(async () => (await ad.findUser(user.account))?.enabled === false);

    // The old agency's admin neither sees nor decides it.
    const cab = await admin('cabadmin');
    expect((await cab.get(`/api/console/agency-change-requests?q=${user.account}`)).body.items).toEqual([]);
    expect((await cab.get(`/api/console/agency-change-requests/${id}`)).status).toBe(403);
    const refused = await cab.post(`/api/console/agency-change-requests/${id}/decision`, { decision: 'APPROVE' });
    expect(refused.status).toBe(403);

    // The new agency's admin does.
    const sdc = await admin('sdcadmin');
    const listed = await sdc.get(`/api/console/agency-change-requests?q=${user.account}`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id,
        account: user.account,
        fromOrganizationPath: expect.stringContaining('民政局'),
        toOrganizationPath: '智慧發展中心-數據創新科',
        reason: '調職',
        status: 'PENDING',
      }),
    ]);
    const detail = await sdc.get(`/api/console/agency-change-requests/${id}`);
    expect(detail.body).toMatchObject({ allowedActions: ['decide'], statusLabel: '待新機關管理者審核' });
    expect(detail.body.temporalUrl).toContain(encodeURIComponent(detail.body.workflowId));
    expect(detail.body.events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['SUBMITTED', 'PRECHECKED', 'SESSIONS_REVOKED', 'DISABLED', 'AD_DISABLED']),
    );

    const approved = await sdc.post(`/api/console/agency-change-requests/${id}/decision`, { decision: 'APPROVE' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const done = await eventually(async () => {
      const r = await prisma.request.findUniqueOrThrow({ where: { id } });
      return r.status === 'APPROVED' ? r : null;
    });
    expect(done.statusLabel).toBe('已核准（已異動至新單位）');
    const moved = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { organization: true } });
    expect(moved.organization.code).toBe(NEW_UNIT);
    expect(moved.status).toBe('ACTIVE');
    const inAd = await ad.findUser(user.account);
    expect(inAd).toMatchObject({ enabled: true, ouDn: `OU=G25-03,OU=G25,${ad.rootDn}` });
    expect((await apiSession().login(user.account, FIRST_PASSWORD)).status).toBe(200);
    expect((await latestMail(user.email, '機關(單位)異動申請已核准'))?.body).toContain('智慧發展中心-數據創新科');

    const again = await sdc.post(`/api/console/agency-change-requests/${id}/decision`, { decision: 'REJECT', comment: '重複' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REQUEST_DECIDED');
  });

  it('on 駁回 (comment required) keeps the old unit and enables the account again, and mails the reason', async () => {
    const { user, session } = await signedInUser();
    const { id } = await submitted(session, '借調');
    const sdc = await admin('sdcadmin');
    const noComment = await sdc.post('/api/console/agency-change-requests/batch-decision', { ids: [id], decision: 'REJECT' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.fields.comment).toBe('駁回時請填寫審核意見');
    const batch = await sdc.post('/api/console/agency-change-requests/batch-decision', {
      ids: [id, 'no-such-request'],
      decision: 'REJECT',
      comment: '本中心無此職缺',
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results).toEqual([
      { id, ok: true },
      { id: 'no-such-request', ok: false, error: { code: 'NOT_FOUND', message: '找不到此申請。' } },
    ]);
    await eventually(async () => (await prisma.request.findUniqueOrThrow({ where: { id } })).status === 'REJECTED');
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { organization: true } });
    expect(row.organization.code).toBe('G01-91');
    expect(row.status).toBe('ACTIVE');
    expect(await ad.findUser(user.account)).toMatchObject({ enabled: true, ouDn: ouDn() });
    expect((await apiSession().login(user.account, FIRST_PASSWORD)).status).toBe(200);
    expect((await latestMail(user.email, '機關(單位)異動申請未通過審核'))?.body).toContain('本中心無此職缺');
  });

  it('names what to hand over when the user is the sole agency admin, and changes nothing', async () => {
    const { user, session } = await signedInUser();
    const code = `T${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
    const agency = await prisma.organization.create({
      data: { code, name: `測試機關${code}`, kind: 'EXTERNAL_AGENCY', adOu: `OU=${code}` },
    });
    await prisma.roleAssignment.create({ data: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: agency.id } });
    const overview = await session.get('/api/account/agency-change');
    expect(overview.body.precheck.ok).toBe(false);
    expect(overview.body.precheck.problems[0].message).toContain(`是${agency.name}唯一的機關管理者，請先指定其他機關管理者`);

    const refused = await session.post('/api/account/agency-change', { organizationCode: NEW_UNIT });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ACCOUNT_PRECHECK_FAILED');
    expect(refused.body.error.message).toContain(`由${agency.name}的其他同仁提出機關管理者申請並核准`);
    expect((await session.get('/api/session')).status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('ACTIVE');
    expect(await prisma.request.count({ where: { applicantUserId: user.id } })).toBe(0);
  });

  it('refuses a second request while one is open, with a link to the open one', async () => {
    const { user, session } = await signedInUser();
    const g25 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G25' } });
    const open = await prisma.request.create({
      data: {
        workflowId: `agency-change-${user.id}-${crypto.randomBytes(3).toString('hex')}`,
        type: 'AGENCY_CHANGE',
        status: 'PENDING',
        statusLabel: '待新機關管理者審核',
        agencyId: g25.id,
        applicantUserId: user.id,
        applicantAccount: user.account,
      },
    });
    const refused = await session.post('/api/account/agency-change', { organizationCode: NEW_UNIT });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'REQUEST_OPEN',
      message: '您已有一件審核中的機關(單位)異動申請，請待審核完成後再提出',
      openRequest: { id: open.id, url: '/account#agency-change' },
    });
    expect((await session.get('/api/account/agency-change')).body.openRequest).toMatchObject({ id: open.id });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('ACTIVE');
  });
});
