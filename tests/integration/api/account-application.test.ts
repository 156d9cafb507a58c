import { afterAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import {
  apply,
  latestMail,
  randomNationalId,
  secretsUsed,
  uniqueAccount,
  uniqueEmail,
  verifyEmail,
  verifyEmailFully,
  verifiedHeaders,
} from '../../support/applicant';
import { e2e, eventually, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';

const env = testEnv();

/** A history as text with every payload decoded, so a secret inside an argument would show. */
function readableHistory(history: Parameters<typeof historyToJSON>[0]): string {
  const json = historyToJSON(history);
  const payloads = [...json.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
  return `${json}\n${payloads.join('\n')}`;
}
const clients = createClients(env);
afterAll(() => clients.prisma.$disconnect());

const form = (overrides: Record<string, unknown> = {}) => ({
  nationalId: randomNationalId(),
  account: uniqueAccount(),
  needOfficialMail: false,
  name: '王小明',
  organizationCode: 'G25-02',
  title: '約聘人員',
  officePhone: '2991111',
  officeExt: '8201',
  remark: '',
  ...overrides,
});

async function statusOf(token: string, id: string) {
  const response = await fetch(`${e2e.baseUrl()}/api/account-applications/${id}/status`, {
    headers: { ...verifiedHeaders(token) },
  });
  return response.json();
}

/**
 * A 6-digit code counts only as a number of its own: every mail's history is searched, and their
 * 13-digit timestamps and ids hold many 6-digit runs, one of which will sooner or later equal a code.
 */
const containsSecret = (history: string, secret: string) =>
  /^\d+$/.test(secret) ? new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(history) : history.includes(secret);

describe('個人帳號申請 → 機關管理者審核 → AD → 開通 → 登入 (real API, worker, Temporal, AD, SMTP)', () => {
  it('runs the whole journey and leaves the user enabled in their agency OU', async () => {
    const email = uniqueEmail();
    const token = await verifyEmail('APPLY', email);
    const input = form();
    const submitted = await apply(token, input);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'PENDING', statusLabel: '待機關管理者審核', account: input.account });
    expect(submitted.body.nationalId).toMatch(/^D\d{2}\*{4}\d{3}$/);
    const id = submitted.body.id as string;

    // The confirmation mail links to the status page with a key that works without verifying again.
    const confirmation = await latestMail(email, '已送出');
    const link = /\/apply\/account\/status\/([\w-]+)\?key=([\w-]+)/.exec(confirmation.body);
    expect(link?.[1]).toBe(id);
    const byKey = await eventually(async () => {
      const s = await (await fetch(`${e2e.baseUrl()}/api/account-applications/${id}/status?key=${link![2]}`)).json();
      return s.events.length ? s : null;
    });
    expect(byKey.events.map((e: { kind: string }) => e.kind)).toEqual(['SUBMITTED']);
    expect(byKey.statusExplanation).toContain('等待所屬機關的機關管理者審核');

    // The agency admin of 智慧發展中心 sees it in the inbox and approves it.
    const admin = apiSession();
    await admin.login('sdcadmin');
    const inbox = await eventually(async () => {
      const { body } = await admin.get('/api/console/account-applications?status=PENDING&pageSize=100');
      return body.items.find((i: { id: string }) => i.id === id);
    });
    expect(inbox).toMatchObject({ account: input.account, statusLabel: '待機關管理者審核' });
    const approved = await admin.post(`/api/console/account-applications/${id}/decision`, {
      decision: 'APPROVE',
      grantOfficialMail: true,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const again = await admin.post(`/api/console/account-applications/${id}/decision`, { decision: 'APPROVE' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('APPLICATION_DECIDED');
    // The approver's 帳號使用紀錄 shows the decision (once: the refused second try is not an action).
    const usage = (await admin.get('/api/account/usage-records?pageSize=100')).body.items.filter(
      (r: { target: string }) => r.target === `個人帳號申請（${input.account}）`,
    );
    expect(usage).toEqual([expect.objectContaining({ action: 'application.decide', actionLabel: '審核申請' })]);

    await latestMail(email, '開通帳號說明');
    const adUser = await clients.ad.findUser(input.account);
    expect(adUser).toMatchObject({ enabled: false, mail: `${input.account}@mail.tainan.gov.tw` });
    expect(adUser!.ouDn).toMatch(/^OU=G25-02,OU=G25,OU=TainanCityTest\d?,/);

    // 開通帳號 with the backup e-mail; every violated rule is named.
    const activation = await verifyEmailFully('ACTIVATE', email);
    expect(activation.account).toBe(input.account);
    const activationToken = activation.token;
    const activate = (body: object) =>
      fetch(`${e2e.baseUrl()}/api/activation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...verifiedHeaders(activationToken) },
        body: JSON.stringify(body),
      });
    const weak = await activate({ newPassword: 'abc', confirmPassword: 'abc' });
    expect(weak.status).toBe(400);
    const weakBody = await weak.json();
    expect(weakBody.error.code).toBe('PASSWORD_POLICY');
    expect(weakBody.error.fields.newPassword).toMatch(/8/);
    const password = 'Str0ng!Pass';
    expect((await activate({ newPassword: password, confirmPassword: password })).status).toBe(200);

    const statusToken = await verifyEmail('STATUS', email);
    const final = await eventually(
      async () => {
        const s = await statusOf(statusToken, id);
        return s.status === 'ACTIVE' && s.events.length === 4 ? s : null;
      },
      { timeoutMs: 45_000, intervalMs: 1_000 },
    );
    expect(final.events.map((e: { kind: string }) => e.kind)).toEqual([
      'SUBMITTED',
      'APPROVED',
      'AD_ACCOUNT_CREATED',
      'ACTIVATED',
    ]);
    expect(final.events[1].actorName).toBe('林怡君');
    expect(await clients.ad.verifyPassword(input.account, password)).toBe(true);
    expect((await clients.ad.findUser(input.account))?.enabled).toBe(true);

    const user = apiSession();
    expect((await user.login(input.account, password)).status).toBe(200);

    // No password, code, token, link key or full ID number in any history of this journey.
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
      const ids = [`account-application-${id}`];
      for await (const wf of client.workflow.list({ query: `WorkflowType = 'mailDelivery'` })) ids.push(wf.workflowId);
      const histories = await Promise.all(
        ids.map(async (wid) => readableHistory(await client.workflow.getHandle(wid).fetchHistory())),
      );
      expect(histories.length).toBeGreaterThan(3);
      const secrets = [password, input.nationalId, link![2]!, ...secretsUsed];
      for (const [i, history] of histories.entries()) {
        for (const secret of secrets) expect(containsSecret(history, secret), `${ids[i]} contains a secret`).toBe(false);
      }
      // And the history is readable evidence of the process (so the scan is not vacuous).
      expect(histories[0]).toContain(input.account);
    } finally {
      await connection.close();
    }
  }, 120_000);

  it('binds a new browser once, at its first GET /api/session, so captchas taken at once are all usable', async () => {
    const s = apiSession();
    const first = await s.get('/api/session');
    expect(first.status).toBe(401);
    expect(first.headers.getSetCookie().some((c) => c.startsWith('portal_client='))).toBe(true);
    // A page asking for two images at once (a re-mounted form) must not leave one bound to a lost cookie.
    const [one, two] = await Promise.all([s.post('/api/captcha'), s.post('/api/captcha')]);
    for (const answer of [one, two]) expect(answer.headers.getSetCookie()).toEqual([]);
    for (const { id } of [one.body, two.body]) {
      const captchaAnswer = (await s.get(`/dev/captcha/${id}`)).body.answer;
      const started = await s.post('/api/verifications/email', {
        purpose: 'APPLY',
        email: uniqueEmail(),
        captchaId: id,
        captchaAnswer,
      });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
    }
  });

  it('refuses an official address, a bound address, a wrong captcha and bad fields, changing nothing', async () => {
    const s = apiSession();
    const captcha = (await s.post('/api/captcha')).body;
    const wrong = await s.post('/api/verifications/email', {
      purpose: 'APPLY',
      email: uniqueEmail(),
      captchaId: captcha.id,
      captchaAnswer: 'zzzzz',
    });
    expect(wrong.body.error).toMatchObject({ code: 'CAPTCHA_INVALID', fields: { captchaAnswer: '驗證碼錯誤，請重新輸入' } });

    const c2 = (await s.post('/api/captcha')).body;
    const a2 = (await s.get(`/dev/captcha/${c2.id}`)).body.answer;
    const official = await s.post('/api/verifications/email', {
      purpose: 'APPLY',
      email: 'someone@mail.tainan.gov.tw',
      captchaId: c2.id,
      captchaAnswer: a2,
    });
    expect(official.status).toBe(400);
    expect(JSON.stringify(official.body.error)).toContain('@mail.tainan.gov.tw');

    const seededEmail = (await clients.prisma.user.findUniqueOrThrow({ where: { account: 'sdcuser1' } })).backupEmail!;
    const c3 = (await s.post('/api/captcha')).body;
    const a3 = (await s.get(`/dev/captcha/${c3.id}`)).body.answer;
    const bound = await s.post('/api/verifications/email', {
      purpose: 'APPLY',
      email: seededEmail,
      captchaId: c3.id,
      captchaAnswer: a3,
    });
    expect(bound.body.error.code).toBe('EMAIL_ALREADY_BOUND');

    const token = await verifyEmail('APPLY', uniqueEmail());
    // Counted by the accounts sent, not the whole table: other files in this slot apply meanwhile.
    const written = (account: string) => clients.prisma.accountApplication.count({ where: { account } });
    const bad = await apply(token, form({ nationalId: 'D123456788', account: 'ab', officePhone: '06-2991111' }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['account', 'nationalId', 'officePhone']);
    expect(await written('ab')).toBe(0);
    // The token works only from the browser that verified the address (not from a copy elsewhere).
    const copied = form();
    const elsewhere = await fetch(`${e2e.baseUrl()}/api/account-applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-verification-token': token },
      body: JSON.stringify(copied),
    });
    expect(elsewhere.status).toBe(401);
    expect(await written(copied.account)).toBe(0);
  });

  it('refuses a resend within the minute with the seconds left, for 個人帳號申請 and 開通帳號 alike', async () => {
    const s = apiSession();
    const captcha = async () => {
      const { id } = (await s.post('/api/captcha')).body as { id: string };
      return { captchaId: id, captchaAnswer: (await s.get(`/dev/captcha/${id}`)).body.answer as string };
    };
    // 開通帳號 answers the same for an address no account uses, so the wait is the same too.
    for (const purpose of ['APPLY', 'ACTIVATE']) {
      const email = uniqueEmail();
      const first = await s.post('/api/verifications/email', { purpose, email, ...(await captcha()) });
      expect(first.status, purpose).toBe(201);
      const early = await s.post('/api/verifications/email', { purpose, email, ...(await captcha()) });
      expect(early.status, purpose).toBe(429);
      const { code, message, retryAfterSeconds, resendAfter } = early.body.error;
      expect(code).toBe('RESEND_TOO_SOON');
      expect(retryAfterSeconds).toBeGreaterThan(0);
      expect(retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(message).toBe(`驗證碼已寄出，請於 ${retryAfterSeconds} 秒後再重新發送`);
      // The instant agrees with the first answer's resendAfter.
      expect(Math.abs(Date.parse(resendAfter) - Date.parse(first.body.resendAfter))).toBeLessThan(1000);
    }
  });

  it('lets exactly one of two applications for the same account name be approved', async () => {
    const account = uniqueAccount('dup');
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const token = await verifyEmail('APPLY', uniqueEmail());
      // The second applicant picks the name while the first application is still open: refused at once.
      const result = await apply(token, form({ account: i === 0 ? account : uniqueAccount() }));
      expect(result.status).toBe(201);
      ids.push(result.body.id);
    }
    // Make the second one ask for the same name behind the form's back (as if both were filed at once).
    await clients.prisma.accountApplication.update({ where: { id: ids[1] }, data: { account } });

    const admin = apiSession();
    await admin.login('sdcadmin');
    const first = await admin.post(`/api/console/account-applications/${ids[0]}/decision`, { decision: 'APPROVE' });
    expect(first.status).toBe(200);
    const second = await admin.post(`/api/console/account-applications/${ids[1]}/decision`, { decision: 'APPROVE' });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'ACCOUNT_TAKEN' });
    expect(second.body.error.message).toContain(account);
    const reject = await admin.post(`/api/console/account-applications/${ids[1]}/decision`, {
      decision: 'REJECT',
      comment: `帳號 ${account} 已被使用`,
    });
    expect(reject.status).toBe(200);
  });

  it('批次駁回 decides each selected application and reports the one it could not, without stopping', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await apply(await verifyEmail('APPLY', uniqueEmail()), form())).body.id);
    const admin = apiSession();
    await admin.login('sdcadmin');
    // The second one is decided already: the batch reports it and still rejects the others.
    expect(
      (await admin.post(`/api/console/account-applications/${ids[1]}/decision`, { decision: 'REJECT', comment: '重複申請' }))
        .status,
    ).toBe(200);
    const batch = await admin.post('/api/console/account-applications/batch-decision', {
      ids,
      decision: 'REJECT',
      comment: '資料不全，請重新申請',
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results).toEqual([
      { id: ids[0], ok: true },
      { id: ids[1], ok: false, error: expect.objectContaining({ code: 'APPLICATION_DECIDED' }) },
    ]);
    await eventually(async () => (await admin.get(`/api/console/account-applications/${ids[0]}`)).body.status === 'REJECTED');
    const empty = await admin.post('/api/console/account-applications/batch-decision', { ids: [], decision: 'REJECT' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.ids).toBe('請至少選擇一筆申請');
  });

  it('keeps agency admins to their own agency', async () => {
    const token = await verifyEmail('APPLY', uniqueEmail());
    const { body } = await apply(token, form());
    const other = apiSession();
    await other.login('cabadmin');
    expect((await other.get(`/api/console/account-applications/${body.id}`)).status).toBe(403);
    expect((await other.post(`/api/console/account-applications/${body.id}/decision`, { decision: 'APPROVE' })).status).toBe(403);
    const list = await other.get('/api/console/account-applications?status=ALL&pageSize=100');
    expect(list.body.items.some((i: { id: string }) => i.id === body.id)).toBe(false);
  });

  it('accepts an amendment before the decision and refuses it after', async () => {
    const email = uniqueEmail();
    const token = await verifyEmail('APPLY', email);
    const input = form();
    const { body } = await apply(token, input);
    let amendToken = await verifyEmail('AMEND', email);
    const put = (changes: object) =>
      fetch(`${e2e.baseUrl()}/api/account-applications/${body.id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...verifiedHeaders(amendToken) },
        body: JSON.stringify({ ...input, ...changes }),
      });
    // A refused amendment does not spend the verification: the person corrects and sends again.
    expect((await put({ officePhone: '06-299' })).status).toBe(400);
    const amended = await put({ title: '專員' });
    expect(amended.status).toBe(200);
    const amendedBody = await amended.json();
    expect(amendedBody.title).toBe('專員');
    expect(amendedBody.events.map((e: { kind: string }) => e.kind)).toEqual(['SUBMITTED', 'AMENDED']);
    // The saved amendment spent it.
    expect((await put({ title: '科員' })).status).toBe(401);

    const admin = apiSession();
    await admin.login('sysadmin');
    expect(
      (await admin.post(`/api/console/account-applications/${body.id}/decision`, { decision: 'REJECT', comment: '資料不符' }))
        .status,
    ).toBe(200);
    // A new verification (the resend wait moved back) after the decision: refused as decided.
    await clients.prisma.emailVerification.updateMany({ where: { email }, data: { createdAt: new Date(Date.now() - 120_000) } });
    amendToken = await verifyEmail('AMEND', email);
    const late = await put({ title: '科員' });
    expect(late.status).toBe(409);
    expect((await late.json()).error.message).toBe('此申請已審核，無法修改');
    await latestMail(email, '未通過審核');
  });
});
