// 行動自然人憑證 in Chromium, through the MOI simulator standing in for the person's phone: log in
// (push, QRCode 模式, 拒絕) and 開通帳號 — and the ID number shows up in no workflow history or log.
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from '../../infra/clients';
import { seedUsers } from '../../prisma/seed-users';
import type { SimulatedMoiRequest } from '../../scripts/services/moi-fido-sim.mjs';
import { apply, randomNationalId, uniqueAccount, uniqueEmail, verifyEmail } from '../support/applicant';
import { eventually, testEnv } from '../support/env';
import { apiSession } from '../support/http';
import { openBrowser, screenshot, screenshotVariants, type BrowserSession } from './support/browser';
import { gotoPath } from './support/portal';

const env = testEnv();
const clients = createClients(env);
const simUrl = () => {
  const url = process.env.MOI_SIMULATOR_URL;
  if (!url) throw new Error('MOI_SIMULATOR_URL is not set (npm test sets it)');
  return url;
};
const idsUsed: string[] = [];

const requestsOf = async (nationalId: string, status?: string) =>
  (await fetch(`${simUrl()}/__operator/requests?id_num=${nationalId}${status ? `&status=${status}` : ''}`).then((r) =>
    r.json(),
  )) as SimulatedMoiRequest[];
const phone = (action: string, body: unknown) =>
  fetch(`${simUrl()}/__operator/${action}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.status);

async function chooseMobileCertTab(session: BrowserSession) {
  const { page } = session;
  await gotoPath(page, '/login');
  await page.waitForURL('**/login/sso/**');
  await page.getByRole('tab', { name: '行動自然人憑證' }).click();
  await page.getByLabel(/^身分證字號/).waitFor();
}

afterAll(() => clients.prisma.$disconnect());

describe('行動自然人憑證 login', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('checks the ID number, pushes to the APP, switches to QRCode 模式, and logs in once the APP approves', async () => {
    const { page } = session;
    const user = seedUsers.find((u) => u.account === 'sdcuser1')!;
    idsUsed.push(user.nationalId);
    await chooseMobileCertTab(session);
    await screenshotVariants(session, 'mobile-cert-login', async (p) => {
      await p.getByLabel(/^身分證字號/).waitFor();
    });

    await page.getByLabel(/^身分證字號/).fill('A123456788');
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.getByText('身分證字號檢查碼錯誤，請確認是否輸入正確').waitFor();

    await page.getByLabel(/^身分證字號/).fill(user.nationalId.toLowerCase());
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.getByText('已發送推播至您的行動自然人憑證 APP').waitFor();
    const masked = `${user.nationalId.slice(0, 3)}****${user.nationalId.slice(-3)}`;
    await page.getByText(masked).waitFor();
    // 重新發送推播 opens after a pause; the button says how long.
    expect(await page.getByRole('button', { name: /^重新發送推播（\d+ 秒）$/ }).isDisabled()).toBe(true);
    expect(await requestsOf(user.nationalId, 'pending')).toHaveLength(1);
    await screenshotVariants(session, 'mobile-cert-push');

    const qrAnswer = page.waitForResponse((r) => r.url().endsWith('/qr') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'QRCode 模式登入' }).click();
    const { qrCode } = (await (await qrAnswer).json()) as { qrCode: string };
    const image = page.getByRole('img', { name: /行動自然人憑證驗證 QRCode/ });
    await image.waitFor();
    await page.getByText('請開啟行動自然人憑證 APP，以「驗證」功能掃描 QRCode').waitFor();
    await screenshot(page, 'mobile-cert-qr');

    // The phone scans what the screen shows, then the person agrees.
    expect(
      (await fetch(`${simUrl()}/__operator/scan`, { method: 'POST', body: JSON.stringify({ sp_ticket: qrCode }) })).status,
    ).toBe(200);
    const scanned = (await requestsOf(user.nationalId, 'pending')).find((r) => r.op_mode === 'I-SCAN');
    expect(scanned).toBeDefined();
    expect(await phone(`requests/${scanned!.sp_ticket_id}/approve`, {})).toBe(200);

    await page.waitForURL('**/home', { timeout: 30_000 });
    await page.getByRole('heading', { level: 1, name: '內容主頁' }).waitFor();
    const record = await clients.prisma.loginRecord.findFirst({
      where: { account: 'sdcuser1', method: 'MOBILE_CERT' },
      orderBy: { at: 'desc' },
    });
    expect(record).toMatchObject({ action: 'LOGIN', result: 'SUCCESS' });
    expect(session.pageErrors).toEqual([]);
  });

  it('says so when the person refuses in the APP, and lets them send the push again', async () => {
    const other = await openBrowser();
    try {
      const { page } = other;
      const nationalId = randomNationalId('F');
      idsUsed.push(nationalId);
      await chooseMobileCertTab(other);
      await page.getByLabel(/^身分證字號/).fill(nationalId);
      await page.getByRole('button', { name: '登入', exact: true }).click();
      await page.getByText('已發送推播至您的行動自然人憑證 APP').waitFor();
      expect(await phone('deny', { id_num: nationalId })).toBe(200);
      await page.getByText('您已在行動自然人憑證 APP 拒絕此次驗證').waitFor({ timeout: 15_000 });
      await screenshot(page, 'mobile-cert-denied');
      expect(await page.getByRole('button', { name: '重新輸入身分證字號' }).isEnabled()).toBe(true);
      // Nobody has an account with this number: approving a new push still does not log anyone in.
      await page.waitForTimeout(15_000);
      await page.getByRole('button', { name: '重新發送推播' }).click();
      await page.getByText('已發送推播至您的行動自然人憑證 APP').waitFor();
      expect(await phone('approve', { id_num: nationalId })).toBe(200);
      await page.getByRole('alert').filter({ hasText: '查無此身分證字號對應的公務帳號' }).waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).pathname).toMatch(/^\/login\/sso\//);
      await screenshot(page, 'mobile-cert-no-account');
    } finally {
      await other.close();
    }
  });
});

describe('開通帳號 by 行動自然人憑證', () => {
  it('verifies with the APP, sets the first password, and the account is active; 忘記密碼 by the APP later resets it', async () => {
    // An approved application, as an applicant and their agency admin leave it.
    const email = uniqueEmail();
    const nationalId = randomNationalId('F');
    idsUsed.push(nationalId);
    const account = uniqueAccount('mc');
    const submitted = await apply(await verifyEmail('APPLY', email), {
      nationalId,
      account,
      needOfficialMail: false,
      name: '行動憑證開通',
      organizationCode: 'G25-02',
      title: '約聘人員',
      officePhone: '2991111',
      officeExt: '',
      remark: '',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const admin = apiSession();
    expect((await admin.login('sdcadmin')).status).toBe(200);
    await eventually(async () => {
      const { body } = await admin.get('/api/console/account-applications?status=PENDING&pageSize=100');
      return body.items.some((i: { id: string }) => i.id === submitted.body.id);
    });
    const approved = await admin.post(`/api/console/account-applications/${submitted.body.id}/decision`, { decision: 'APPROVE' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    await eventually(
      async () => (await clients.prisma.user.findUnique({ where: { account } }))?.status === 'PENDING_ACTIVATION',
      {
        timeoutMs: 60_000,
      },
    );

    const session = await openBrowser();
    try {
      const { page } = session;
      await gotoPath(page, '/login/activate');
      await page.getByRole('button', { name: /使用行動自然人憑證/ }).click();
      await page.getByLabel(/^身分證字號/).fill(nationalId);
      await screenshot(page, 'mobile-cert-activate');
      await page.getByRole('button', { name: '繼續', exact: true }).click();
      await page.getByText('已發送推播至您的行動自然人憑證 APP').waitFor();
      expect(await phone('approve', { id_num: nationalId })).toBe(200);

      await page.getByRole('form', { name: '輸入新密碼' }).waitFor({ timeout: 15_000 });
      await page.getByText('使用行動自然人憑證/重設密碼').waitFor();
      const password = 'Mobile!Cert9';
      await page.getByLabel(/^新密碼/).fill(password);
      await page.getByLabel(/^再次輸入新密碼/).fill(password);
      await screenshot(page, 'mobile-cert-activate-password');
      await page.getByRole('button', { name: '繼續', exact: true }).click();
      await page.getByRole('heading', { name: '變更完成' }).waitFor();
      await page.getByText(account).waitFor();
      await screenshot(page, 'mobile-cert-activate-done');
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
    await eventually(async () => (await clients.prisma.user.findUnique({ where: { account } }))?.status === 'ACTIVE', {
      timeoutMs: 60_000,
    });
    const record = await clients.prisma.loginRecord.findFirst({ where: { account, action: 'ACTIVATE' } });
    expect(record).toMatchObject({ method: 'MOBILE_CERT', result: 'SUCCESS' });

    // 忘記密碼 › 使用行動自然人憑證 for the same person, now active.
    const forgot = await openBrowser();
    const newPassword = 'Mobile!Reset7';
    try {
      const { page } = forgot;
      await gotoPath(page, '/login/forgot-password');
      await page.getByRole('button', { name: /^使用行動自然人憑證/ }).click();
      await page.getByLabel(/^身分證字號/).fill(nationalId);
      await page.getByRole('button', { name: '繼續', exact: true }).click();
      await page.getByText('已發送推播至您的行動自然人憑證 APP').waitFor();
      expect(await phone('approve', { id_num: nationalId })).toBe(200);
      await page.getByText('使用行動自然人憑證/重設密碼').waitFor({ timeout: 15_000 });
      await page.getByLabel(/^新密碼/).fill(newPassword);
      await page.getByLabel(/^再次輸入新密碼/).fill(newPassword);
      await page.getByRole('button', { name: '繼續', exact: true }).click();
      await page.getByRole('heading', { name: '變更完成' }).waitFor();
      await screenshot(page, 'mobile-cert-forgot-password-done');
      expect(forgot.pageErrors).toEqual([]);
    } finally {
      await forgot.close();
    }
    expect((await apiSession().login(account, newPassword)).status).toBe(200);
    expect((await apiSession().login(account, 'Mobile!Cert9')).status).toBe(401);
    const reset = await clients.prisma.loginRecord.findFirst({
      where: { account, action: 'FORGOT_PASSWORD', result: 'SUCCESS' },
    });
    expect(reset).toMatchObject({ method: 'MOBILE_CERT' });
  });
});

describe('no ID number in clear', () => {
  it('appears in no workflow history of this namespace, no verification row and no service log', async () => {
    expect(idsUsed.length).toBeGreaterThan(0);
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
      const since = new Date(Date.now() - 30 * 60_000).toISOString();
      let scanned = 0;
      for await (const info of client.workflow.list({ query: `StartTime > "${since}"` })) {
        const history = await client.workflow.getHandle(info.workflowId, info.runId).fetchHistory();
        const json = historyToJSON(history);
        const payloads = [...json.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map((m) =>
          Buffer.from(m[1]!, 'base64').toString('utf8'),
        );
        const text = `${json}\n${payloads.join('\n')}`.toUpperCase();
        for (const id of idsUsed) expect(text, `workflow ${info.workflowId}`).not.toContain(id.toUpperCase());
        scanned++;
      }
      expect(scanned).toBeGreaterThan(0);
    } finally {
      await connection.close();
    }

    const rows = await clients.prisma.mobileCertTransaction.findMany({
      where: { createdAt: { gt: new Date(Date.now() - 30 * 60_000) } },
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const id of idsUsed) expect(JSON.stringify(rows).toUpperCase()).not.toContain(id.toUpperCase());

    const slot = process.env.TEST_SLOT;
    const logDir = path.resolve(slot ? `.data/test-${slot}/logs` : '.data/test/logs');
    const logs = fs.existsSync(logDir)
      ? fs
          .readdirSync(logDir)
          .map((name) => fs.readFileSync(path.join(logDir, name), 'utf8'))
          .join('\n')
      : '';
    for (const id of idsUsed) expect(logs.toUpperCase()).not.toContain(id.toUpperCase());
  });
});
