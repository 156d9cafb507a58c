// 代理人設定 in Chromium: a 民政局 agency admin names a colleague as deputy in 個人帳號管理 › 代理人設定;
// the deputy, a plain user, then finds 帳號申請審核 and 復用申請審核 in the side menu and approves a
// 個人帳號申請 and a 復用 of 民政局 in the admin's name — the timeline reads 「代理人（代理 管理者）」
// and the admin is mailed each decision.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdClient } from '../../infra/ad/client';
import { adConfigFromEnv } from '../../infra/ad/config';
import { createPrisma } from '../../infra/db/prisma';
import { apply, randomNationalId, uniqueAccount, uniqueEmail, verifiedHeaders, verifyEmail } from '../support/applicant';
import { createResettableUser, FIRST_PASSWORD } from '../support/reset-users';
import { type BrowserSession, openBrowser, screenshot, screenshotVariants, stepsInOrder } from './support/browser';
import { gotoPath, login, reloadUntilListed, sideMenu } from './support/portal';
import { waitForMail } from './support/verification';

const prisma = createPrisma(process.env.DATABASE_URL!);
const ad = createAdClient(adConfigFromEnv(process.env));
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
let ouDn: string;
let principal: Awaited<ReturnType<typeof createResettableUser>>;
let deputy: Awaited<ReturnType<typeof createResettableUser>>;
let returning: Awaited<ReturnType<typeof createResettableUser>>;
const applicant = { account: uniqueAccount('edlg'), name: '陳志明', email: uniqueEmail() };
let reactivationId: string;

const shot = (session: BrowserSession, name: string) => screenshot(session.page, `delegation-${name}`);

beforeAll(async () => {
  ouDn = await ad.ensureOuPath([{ code: `t-e2e-dlg-${crypto.randomBytes(3).toString('hex')}`, name: 'e2e 代理人' }]);
  const make = (prefix: string) => createResettableUser({ prisma, ad, dataKey, hashKey, ouDn }, { prefix });
  [principal, deputy, returning] = await Promise.all([make('edlgp'), make('edlgd'), make('edlgr')]);
  const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
  await prisma.roleAssignment.create({
    data: { userId: principal.id, role: 'AGENCY_ADMIN', organizationId: g01.id, grantedAt: new Date(Date.now() - 60_000) },
  });
  await prisma.user.update({
    where: { id: returning.id },
    data: { status: 'DISABLED', disabledAt: new Date(), disabledReason: '留職停薪' },
  });
  await ad.disableUser(returning.account);

  // Two requests the admin would decide: a 個人帳號申請 and a 復用 for 民政局 秘書室 (G01-91).
  const applied = await apply(await verifyEmail('APPLY', applicant.email), {
    nationalId: randomNationalId(),
    account: applicant.account,
    needOfficialMail: false,
    name: applicant.name,
    organizationCode: 'G01-91',
    title: '約聘人員',
    officePhone: '2991111',
    officeExt: '',
    remark: '',
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const token = await verifyEmail('REACTIVATE', returning.email);
  const reactivation = await fetch(`${process.env.E2E_BASE_URL}/api/reactivation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...verifiedHeaders(token) },
    body: JSON.stringify({ organizationCode: 'G01-91', title: '專員', officePhone: '2991111', officeExt: '' }),
  });
  expect(reactivation.status, await reactivation.clone().text()).toBe(201);
  reactivationId = ((await reactivation.json()) as { id: string }).id;
}, 120_000);

afterAll(async () => {
  for (const account of [applicant.account, returning.account]) await ad.deleteUser(account).catch(() => undefined);
  await ad.deleteSubtree(ouDn).catch(() => undefined);
  await prisma.$disconnect();
});

describe('代理人設定 → 代理人審核個人帳號申請與復用', () => {
  let admin: BrowserSession;
  let stand: BrowserSession;
  beforeAll(async () => {
    admin = await openBrowser();
    stand = await openBrowser();
  });
  afterAll(async () => {
    await admin?.close();
    await stand?.close();
  });
  stepsInOrder();

  it('the agency admin names the deputy in 個人帳號管理 › 代理人設定', async () => {
    const { page } = admin;
    await login(page, { account: principal.account, password: FIRST_PASSWORD });
    await page.getByRole('button', { name: principal.name }).click();
    await page.getByRole('menuitem', { name: '個人帳號管理' }).click();
    await page.getByRole('region', { name: '代理人設定' }).getByRole('link', { name: '代理人設定' }).click();
    await page.getByRole('heading', { level: 1, name: '代理人設定' }).waitFor();
    const form = page.getByRole('region', { name: '新增代理' });
    // Nobody named yet: submitting asks for a deputy.
    await form.getByRole('button', { name: '新增代理' }).click();
    await form.getByText('請選擇代理人').waitFor();
    await form.getByRole('combobox', { name: '代理人' }).fill(deputy.account);
    await page.getByRole('option', { name: new RegExp(deputy.account) }).click();
    await screenshotVariants(admin, 'delegation-1-form');
    await form.getByRole('button', { name: '新增代理' }).click();
    await page.getByText(`已指定 ${deputy.name} 為代理人`).waitFor();
    const given = page.getByRole('table', { name: '我指定的代理人' });
    await given.getByRole('row').filter({ hasText: deputy.account }).getByText('代理中').waitFor();
    await shot(admin, '2-named');
    await waitForMail(deputy.email, '已指定您為審核代理人');
    expect(admin.pageErrors).toEqual([]);
  });

  it('the deputy approves the 個人帳號申請 from 帳號申請審核, recorded in the admin’s name', async () => {
    const { page } = stand;
    await login(page, { account: deputy.account, password: FIRST_PASSWORD });
    // A plain user otherwise: the two inboxes appear, 帳號管理 itself does not.
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '管理主控台功能' }).click();
    await menu.getByRole('link', { name: '帳號申請審核' }).waitFor();
    await menu.getByRole('link', { name: '復用申請審核' }).waitFor();
    expect(await menu.getByRole('link', { name: '帳號管理', exact: true }).count()).toBe(0);
    await screenshot(page, 'delegation-3-menu');
    await menu.getByRole('link', { name: '帳號申請審核' }).click();
    const link = page.getByRole('link', { name: applicant.account, exact: true });
    await reloadUntilListed(
      page,
      `the application of ${applicant.account} in the deputy's list`,
      link,
      page.getByRole('grid', { name: '帳號申請清單' }),
    );
    await link.click();
    await page.getByRole('heading', { level: 2, name: `${applicant.name}（${applicant.account}）` }).waitFor();
    await page.getByRole('button', { name: '核准', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '核准帳號申請' });
    await dialog.getByRole('button', { name: '確定', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // 處理歷程 names the deputy and the admin they stood in for.
    await page.getByText(`${deputy.name}（代理 ${principal.name}）`).first().waitFor({ timeout: 60_000 });
    await shot(stand, '4-application-approved');
    const mail = await waitForMail(principal.email, `您的代理人 ${deputy.name} 已核准一件個人帳號申請`);
    expect(mail.body).toContain(applicant.name);
    expect(stand.pageErrors).toEqual([]);
  });

  it('the deputy approves the 復用 from 復用申請審核, recorded in the admin’s name', async () => {
    const { page } = stand;
    await gotoPath(page, '/console/accounts/reactivation-requests');
    const grid = page.getByRole('grid', { name: '復用申請清單' });
    const row = grid.getByRole('row').filter({ hasText: returning.account });
    await reloadUntilListed(page, `the 復用 of ${returning.account} in the deputy's list`, row, grid);
    await row.getByText(returning.account).click();
    await page.getByRole('heading', { level: 2, name: `${returning.name}（${returning.account}）` }).waitFor();
    await page.getByRole('button', { name: '核准', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '核准帳號復用申請' });
    await dialog.getByRole('button', { name: '確定', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/狀態：已核准/).waitFor();
    await page.getByText(`${deputy.name}（代理 ${principal.name}）`).first().waitFor();
    await shot(stand, '5-reactivation-approved');
    await waitForMail(principal.email, `您的代理人 ${deputy.name} 已核准一件個人帳號復用`);
    const request = await prisma.request.findUniqueOrThrow({ where: { id: reactivationId } });
    expect(request.decidedById).toBe(deputy.id);
    expect(stand.pageErrors).toEqual([]);
  });

  it('after 取消代理 the inboxes close for the deputy', async () => {
    const { page } = admin;
    await page.reload();
    const given = page.getByRole('table', { name: '我指定的代理人' });
    await given.getByRole('button', { name: `取消代理：${deputy.name}` }).click();
    const dialog = page.getByRole('dialog', { name: '取消代理' });
    await dialog.getByRole('button', { name: '確定取消' }).click();
    await page.getByText(`已取消 ${deputy.name} 的代理`).waitFor();
    await given.getByText('已取消').waitFor();

    await stand.page.reload();
    await stand.page.getByText('您沒有使用此功能的權限').waitFor();
    expect(admin.pageErrors).toEqual([]);
  });
});
