import crypto from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, describe, expect, it } from 'vitest';
import { useAccountSandbox } from './support-sandbox';
import { decryptNationalId } from '../../../infra/db/pii';
import { agencyAdminGroupName } from '../../../activities/self-service';
import { latestMail, secretsUsed, verifyEmail, verifyEmailFully, verifiedHeaders, proofHeaders } from '../../support/applicant';
import { e2e, eventually } from '../../support/env';
import { readableHistory } from '../../support/histories';
import { apiSession } from '../../support/http';
import { mobileCertProof } from '../../support/mobile-cert';

// 個人帳號復用 over HTTP with the real API, worker, Temporal, PostgreSQL, Samba AD and SMTP sink:
// a disabled 民政局 (G01) user asks to come back in 智慧發展中心 (G25-02, decided by sdcadmin).
const { env, prisma, ad, dataKey, newUser } = useAccountSandbox('reactapi');
const created: string[] = [];
afterAll(async () => {
  // Approved users were moved out of the sandbox into their new unit's OU.
  for (const account of created) await ad.deleteUser(account).catch(() => undefined);
});

/** A user disabled the way 停用 leaves one: DISABLED in the database, disabled in AD. */
async function disabledUser(prefix: string) {
  const user = await newUser({ prefix });
  created.push(user.account);
  await prisma.user.update({
    where: { id: user.id },
    data: { status: 'DISABLED', disabledAt: new Date(), disabledReason: '留職停薪' },
  });
  await ad.disableUser(user.account);
  return user;
}

/** An agency of its own (its OU in AD too), so no other suite's view of an agency's admins changes. */
async function testAgency() {
  const code = `T${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  const agency = await prisma.organization.create({
    data: { code, name: `測試機關${code}`, kind: 'EXTERNAL_AGENCY', adOu: `OU=${code}` },
  });
  const ouDn = await ad.ensureOuPath([{ code, name: agency.name }]);
  return { ...agency, ouDn };
}

const form = { organizationCode: 'G25-02', title: '專員', officePhone: '2991111', officeExt: '123' };

function reactivation(token: string) {
  const s = apiSession();
  const headers = { ...verifiedHeaders(token) };
  return {
    view: () => s.get('/api/reactivation', headers),
    submit: (body: object) => s.post('/api/reactivation', body, headers),
  };
}

/** A disabled user's request, submitted after 備用信箱 verification, seen by sdcadmin (who decides it). */
async function submittedRequest(user: { email: string }) {
  const me = reactivation(await verifyEmail('REACTIVATE', user.email));
  const submitted = await me.submit(form);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const id = submitted.body.id as string;
  const admin = apiSession();
  await admin.login('sdcadmin');
  await eventually(async () => (await admin.get(`/api/console/reactivation-requests/${id}`)).body.events?.length);
  return { me, id, admin };
}

/** 開通帳號 as the person does it: 備用信箱 verified (it names the account), then the new password. */
async function activate(user: { email: string; account: string }, password: string) {
  const activation = await verifyEmailFully('ACTIVATE', user.email);
  expect(activation.account).toBe(user.account);
  const activated = await fetch(`${e2e.baseUrl()}/api/activation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...verifiedHeaders(activation.token) },
    body: JSON.stringify({ newPassword: password, confirmPassword: password }),
  });
  expect(activated.status, await activated.clone().text()).toBe(200);
}

describe('個人帳號復用 → 機關管理者審核 → 開通帳號 → 登入 (real API, worker, Temporal, AD, SMTP)', () => {
  it('runs the whole journey: the account comes back in the new unit, enabled in AD with the new password', async () => {
    const user = await disabledUser('rea');
    // Before 停用 the person was 機關管理者 of another agency (role and AD group): both end at approval.
    const oldAgency = await testAgency();
    await prisma.roleAssignment.create({ data: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: oldAgency.id } });
    await ad.addGroupMember(user.account, { name: agencyAdminGroupName(oldAgency.code), ouDn: oldAgency.ouDn });
    const me = reactivation(await verifyEmail('REACTIVATE', user.email));

    const view = await me.view();
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body).toMatchObject({ account: user.account, name: user.name, request: null });

    // Bad input: a specific zh-TW message, and nothing recorded.
    const bad = await me.submit({ ...form, title: '  ', officePhone: '06-299' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.title).toBe('請輸入職稱');
    expect(bad.body.error.fields.officePhone).toBeTruthy();
    expect(await prisma.request.count({ where: { applicantUserId: user.id } })).toBe(0);

    const submitted = await me.submit(form);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body.statusLabel).toBe('待機關管理者審核');
    const id = submitted.body.id as string;
    await latestMail(user.email, '個人帳號復用已送出');

    // 確定 spent the verification: the same token submits nothing more, though the page can still read.
    const spent = await me.submit({ ...form, title: '科員' });
    expect(spent.status).toBe(401);
    expect(spent.body.error.code).toBe('VERIFICATION_REQUIRED');
    expect((await me.view()).body.request).toMatchObject({ id, open: true });

    // A second request while this one is open, after a new verification: refused with its link.
    await prisma.emailVerification.updateMany({
      where: { email: user.email },
      data: { createdAt: new Date(Date.now() - 120_000) },
    });
    const renewed = reactivation(await verifyEmail('REACTIVATE', user.email));
    const second = await renewed.submit({ ...form, title: '科員' });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'REQUEST_OPEN', openRequest: { id } });
    expect(second.body.error.openRequest.url).toContain(id);

    // Another agency's admin (民政局) neither sees nor decides it.
    const other = apiSession();
    await other.login('cabadmin');
    const otherList = await other.get('/api/console/reactivation-requests?status=ALL&pageSize=100');
    expect(otherList.status).toBe(200);
    expect(otherList.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await other.get(`/api/console/reactivation-requests/${id}`)).status).toBe(403);
    const otherDecide = await other.post(`/api/console/reactivation-requests/${id}/decision`, { decision: 'APPROVE' });
    expect(otherDecide.status).toBe(403);

    // The new unit's agency admin sees it with its timeline and the Temporal UI link, and approves.
    const admin = apiSession();
    await admin.login('sdcadmin');
    const listed = await eventually(async () => {
      const { body } = await admin.get(`/api/console/reactivation-requests?q=${user.account}`);
      return body.items.find((i: { id: string }) => i.id === id);
    });
    expect(listed).toMatchObject({
      account: user.account,
      organizationPath: expect.stringContaining('智慧發展中心'),
      title: '專員',
    });
    const detail = await eventually(async () => {
      const { body } = await admin.get(`/api/console/reactivation-requests/${id}`);
      return body.events?.length ? body : null;
    });
    expect(detail.allowedActions).toEqual(['decide']);
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['SUBMITTED']);
    expect(detail.temporalUrl).toContain(encodeURIComponent(detail.workflowId));
    const approved = await admin.post(`/api/console/reactivation-requests/${id}/decision`, { decision: 'APPROVE' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    // The answer comes once the request has left 待審核: the page reloaded right after shows the decision.
    const reloaded = await admin.get(`/api/console/reactivation-requests/${id}`);
    expect(reloaded.body.status).not.toBe('PENDING');
    expect(reloaded.body.allowedActions).toEqual([]);
    const again = await admin.post(`/api/console/reactivation-requests/${id}/decision`, { decision: 'APPROVE' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REQUEST_DECIDED');

    // 待開通 in the new unit with the new 職稱; the AD account moved there (still disabled).
    const g2502 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G25-02' } });
    const pending = await eventually(async () => {
      const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      return row.status === 'PENDING_ACTIVATION' ? row : null;
    });
    expect(pending).toMatchObject({ organizationId: g2502.id, title: '專員', officePhone: '2991111', officeExt: '123' });
    expect(pending.passwordHash).toBeNull();
    const moved = await eventually(async () => {
      const found = await ad.findUser(user.account);
      return found && /^CN=[^,]+,OU=G25-02,OU=G25,/.test(found.dn) ? found : null;
    });
    expect(moved.enabled).toBe(false);
    expect(await prisma.roleAssignment.count({ where: { userId: user.id, role: 'AGENCY_ADMIN' } })).toBe(0);
    await eventually(async () => !(await ad.listGroups(user.account)).includes(agencyAdminGroupName(oldAgency.code)));
    const approvedMail = await latestMail(user.email, '個人帳號復用已核准');
    expect(approvedMail.body).toContain('開通帳號');
    // Its link opens 開通帳號 and says so (not 查詢案件進度).
    expect(approvedMail.body).toMatch(/開通帳號：\s*http\S*\/login\/activate/);
    expect(approvedMail.body).not.toContain('查詢案件進度');
    // The old password no longer logs in: 開通帳號 comes first.
    expect((await apiSession().login(user.account, 'First!2026a')).status).not.toBe(200);

    // 開通帳號 with the backup e-mail → the account logs in; AD enabled with the new password.
    const password = 'Back!2026Work';
    await activate(user, password);
    const done = await eventually(
      async () => {
        const { body } = await admin.get(`/api/console/reactivation-requests/${id}`);
        return body.status === 'ACTIVE' ? body : null;
      },
      { timeoutMs: 60_000 },
    );
    expect(done.statusLabel).toBe('已開通（帳號已復用）');
    expect(done.events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['SUBMITTED', 'APPROVED', 'ACCOUNT_UPDATED', 'AD_MOVED', 'ACTIVATED', 'AD_ENABLED']),
    );
    const adUser = await ad.findUser(user.account);
    expect(adUser?.enabled).toBe(true);
    expect(await ad.verifyPassword(user.account, password)).toBe(true);
    const login = await apiSession().login(user.account, password);
    expect(login.status, JSON.stringify(login.body)).toBe(200);

    // No code, token or password in the workflow's history.
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    try {
      const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
      const history = readableHistory(await temporal.workflow.getHandle(detail.workflowId).fetchHistory());
      for (const secret of [...secretsUsed, password]) expect(history).not.toContain(secret);
    } finally {
      await connection.close();
    }
  }, 180_000);

  it('reject: a comment is required, the reason is mailed, the account stays disabled; batch reports each', async () => {
    const user = await disabledUser('rej');
    const { me, id, admin } = await submittedRequest(user);
    const noComment = await admin.post(`/api/console/reactivation-requests/${id}/decision`, { decision: 'REJECT' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.fields.comment).toBe('駁回時請填寫審核意見');
    // The one comment limit the inbox dialog also enforces (domain/requests/decision.ts).
    const tooLong = await admin.post(`/api/console/reactivation-requests/${id}/decision`, {
      decision: 'REJECT',
      comment: '請'.repeat(501),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.comment).toBe('審核意見不可超過 500 個字元');

    const batch = await admin.post('/api/console/reactivation-requests/batch-decision', {
      ids: [id, 'no-such-request'],
      decision: 'REJECT',
      comment: '請先辦理復職手續',
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results).toEqual([
      { id, ok: true },
      { id: 'no-such-request', ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) },
    ]);
    const mail = await latestMail(user.email, '個人帳號復用未通過審核');
    expect(mail.body).toContain('請先辦理復職手續');
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.status).toBe('DISABLED');
    expect((await ad.findUser(user.account))?.enabled).toBe(false);

    // The page shows the decided request; a new request may be made now.
    const view = await me.view();
    expect(view.body.request).toMatchObject({ id, open: false, statusLabel: '已駁回' });
  }, 120_000);

  it('an account AD no longer holds is made again in the new unit, disabled, and enabled by 開通帳號', async () => {
    const user = await disabledUser('rad');
    await ad.deleteUser(user.account);
    const { id, admin } = await submittedRequest(user);
    const approved = await admin.post(`/api/console/reactivation-requests/${id}/decision`, { decision: 'APPROVE' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const made = await eventually(async () => ad.findUser(user.account));
    expect(made.dn).toMatch(/^CN=[^,]+,OU=G25-02,OU=G25,/);
    expect(made.enabled).toBe(false);
    const waiting = await eventually(async () => {
      const { body } = await admin.get(`/api/console/reactivation-requests/${id}`);
      return body.status === 'AWAITING_ACTIVATION' ? body : null;
    });
    expect(waiting.events.map((e: { label: string }) => e.label)).toContain('AD 無此帳號，已於新單位重新建立（開通後啟用）');

    const password = 'Made!2026Again';
    await activate(user, password);
    await eventually(async () => (await ad.findUser(user.account))?.enabled, { timeoutMs: 60_000 });
    expect(await ad.verifyPassword(user.account, password)).toBe(true);
  }, 180_000);

  it('行動自然人憑證 (a VERIFY identity proof) opens the form of the disabled account with that ID number', async () => {
    const user = await disabledUser('rem');
    const proof = await mobileCertProof(decryptNationalId(user.nationalIdCipher, dataKey), 'VERIFY');
    expect(proof.status, JSON.stringify(proof.body)).toBe(201);
    const view = await apiSession().get('/api/reactivation', proofHeaders(proof.body.token));
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body).toMatchObject({ account: user.account, name: user.name });
    const submitted = await apiSession().post('/api/reactivation', form, proofHeaders(proof.body.token));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  }, 60_000);

  it('refuses an account that is not disabled without saying whether it exists', async () => {
    const active = await newUser({ prefix: 'reo' });
    const s = apiSession();
    const captcha = (await s.post('/api/captcha')).body as { id: string };
    const answer = ((await s.get(`/dev/captcha/${captcha.id}`)).body as { answer: string }).answer;
    const started = await s.post('/api/verifications/email', {
      purpose: 'REACTIVATE',
      email: active.email,
      captchaId: captcha.id,
      captchaAnswer: answer,
    });
    expect(started.status).toBe(201);
    expect(Object.keys(started.body).sort()).toEqual(['email', 'expiresAt', 'resendAfter', 'verificationId']);
    const refused = await apiSession().get('/api/reactivation', { 'x-verification-token': 'not-a-token' });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('VERIFICATION_REQUIRED');
  });
});
