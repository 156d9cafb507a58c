// 線上申請作業 › 應用系統服務介接申請 in Chromium, by the manual's labels: a general user opens
// 應用系統服務介接管理, adds a system with 新增應用系統 (管理機關 and 聯絡人 from their profile; a sixth 正式IP is
// not offered, a bad one is refused in zh-TW), finds it by 查詢, opens 詳細 and sees 應用系統資料 and the four
// 介接服務狀態 rows with 我要申請. Screens in light and dark, desktop and phone.
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPrisma } from '../integration/db/helpers';
import { createActiveUser } from '../integration/api/support-users';
import { e2e } from '../support/env';
import { screenshotVariants, useBrowserJourney } from './support/browser';
import { login, sideMenu } from './support/portal';

const prisma = testPrisma();
const tag = crypto.randomBytes(3).toString('hex');
const systemName = `公文線上簽核系統-${tag}`;
type User = Awaited<ReturnType<typeof createActiveUser>>;
let applicant: User;
let agencyName = '';

beforeAll(async () => {
  const user = await createActiveUser(prisma, 'G01-91');
  applicant = await prisma.user.update({
    where: { id: user.id },
    data: { officePhone: '06-2991111', officeExt: '8123', officialMail: true },
  });
  agencyName = (await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } })).name;
});
afterAll(async () => {
  await prisma.$disconnect();
});

const openIntegrations = async (page: Page) => {
  const menu = sideMenu(page);
  await menu.getByRole('button', { name: '線上申請作業' }).click();
  await menu.getByRole('link', { name: '應用系統服務介接申請' }).click();
  await page.getByRole('heading', { level: 1, name: '應用系統服務介接管理' }).waitFor();
};

describe('應用系統服務介接申請: a general user adds an 應用系統 and opens its 詳細', () => {
  const journey = useBrowserJourney();

  it('新增應用系統: the profile fills 管理機關 and 聯絡人; bad input is refused in zh-TW; 確定 lists it', async () => {
    const session = journey();
    const { page } = session;
    await login(page, { account: applicant.account, password: e2e.password() });
    await openIntegrations(page);
    await page.getByRole('link', { name: '新增應用系統' }).click();
    await page.getByRole('heading', { level: 1, name: '新增應用系統' }).waitFor();

    const form = page.getByRole('form', { name: '新增應用系統' });
    expect(await form.getByRole('textbox', { name: '聯絡人', exact: true }).inputValue()).toBe(applicant.name);
    expect(await form.getByRole('textbox', { name: '聯絡電話' }).inputValue()).toBe('06-2991111#8123');
    expect(await form.getByRole('textbox', { name: '聯絡人信箱' }).inputValue()).toBe(`${applicant.account}@mail.tainan.gov.tw`);
    await expect(form.getByRole('combobox', { name: '管理機關' }).textContent()).resolves.toContain(agencyName);

    // The empty form names what is missing.
    await form.getByRole('button', { name: '確定' }).click();
    await form.getByText('請輸入應用系統名稱').waitFor();
    await form.getByText('請輸入開發廠商名稱').waitFor();
    await form.getByText('請輸入應用系統說明').waitFor();
    await form.getByText('請輸入正式 IP').waitFor();

    await form.getByRole('textbox', { name: '應用系統名稱' }).fill(systemName);
    await form.getByRole('textbox', { name: '簡稱' }).fill('公文簽核');
    await form.getByRole('textbox', { name: '開發廠商名稱' }).fill('OO科技股份有限公司');
    await form.getByRole('textbox', { name: '應用系統說明' }).fill('測試介接使用');
    await form.getByRole('textbox', { name: '應用系統網址' }).fill('docs.tainan.gov.tw');
    // 正式IP: + adds inputs up to five, then no more.
    for (let i = 1; i < 5; i++) await form.getByRole('button', { name: '新增正式IP' }).click();
    expect(await form.getByRole('button', { name: '新增正式IP' }).count()).toBe(0);
    await form.getByRole('textbox', { name: '正式IP 1' }).fill('203.0.113.10');
    await form.getByRole('textbox', { name: '正式IP 2' }).fill('203.0.113.0/33');
    await form.getByRole('button', { name: '確定' }).click();
    await form.getByText('應用系統網址格式錯誤，請輸入 https:// 或 http:// 開頭的完整網址').waitFor();
    await form.getByText('正式 IP 格式錯誤，請輸入 IPv4、IPv6 位址或 CIDR 網段（例：203.0.113.10、203.0.113.0/24）').waitFor();
    await screenshotVariants(session, 'application-systems-1-new-errors');
    expect(await prisma.applicationSystem.count({ where: { createdById: applicant.id } })).toBe(0);

    await form.getByRole('textbox', { name: '應用系統網址' }).fill('https://docs.tainan.gov.tw/');
    await form.getByRole('textbox', { name: '正式IP 2' }).fill('203.0.113.0/24');
    // x takes the three empty inputs off again.
    for (let i = 5; i > 2; i--) await form.getByRole('button', { name: `移除正式IP ${i}` }).click();
    await form.getByRole('button', { name: '確定' }).click();

    await page.getByRole('heading', { level: 1, name: '應用系統服務介接管理' }).waitFor();
    await page.getByText(`已新增應用系統「${systemName}」。`).waitFor();
    const stored = await prisma.applicationSystem.findFirstOrThrow({ where: { createdById: applicant.id } });
    expect(stored).toMatchObject({ name: systemName, productionIps: ['203.0.113.10', '203.0.113.0/24'] });
  });

  it('查詢 by 應用系統名稱 finds it; 詳細 shows 應用系統資料 and the four 介接服務狀態 rows with 我要申請', async () => {
    const session = journey();
    const { page } = session;
    await page.getByRole('search', { name: '查詢' }).getByRole('textbox', { name: '應用系統名稱' }).fill(tag);
    await page.getByRole('button', { name: '查詢' }).click();
    const grid = page.getByRole('grid', { name: '應用系統' });
    await grid.getByText(systemName).waitFor();
    await page.getByText('共 1 筆').waitFor();
    await screenshotVariants(session, 'application-systems-2-list');

    await grid.getByRole('link', { name: `詳細：${systemName}` }).click();
    await page.getByRole('heading', { level: 1, name: '應用系統詳細' }).waitFor();
    const data = page.getByRole('region', { name: '應用系統資料' });
    await data.getByText(systemName).waitFor();
    await data.getByText('OO科技股份有限公司').waitFor();
    await data.getByRole('button', { name: '編輯' }).waitFor();

    const services = page.getByRole('region', { name: '介接服務狀態' });
    const rows = services.getByRole('row');
    expect(await rows.count()).toBe(5);
    for (const [i, label] of ['單一登入', '帳號驗證', '轉登', '簡訊發送'].entries()) {
      const row = rows.nth(i + 1);
      await row.getByRole('rowheader', { name: label }).waitFor();
      await row.getByText('未申請').waitFor();
      await row.getByRole('link', { name: `我要申請：${label}` }).waitFor();
    }
    await screenshotVariants(session, 'application-systems-3-detail');

    // 編輯: the form again, 取消 leaves it as it was.
    await data.getByRole('button', { name: '編輯' }).click();
    const edit = page.getByRole('form', { name: '編輯應用系統' });
    await edit.getByRole('textbox', { name: '正式IP 1' }).fill('2001:db8::/32');
    await edit.getByRole('button', { name: '確定' }).click();
    await data.getByText('已儲存應用系統資料。').waitFor();
    await data.getByText('2001:db8::/32').waitFor();
  });
});
