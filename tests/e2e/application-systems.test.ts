// 線上申請作業 › 應用系統服務介接申請 in Chromium, by the manual's labels: a general user opens
// 應用系統服務介接管理, adds a system with 新增應用系統 (管理機關 and 聯絡人 from their profile; a sixth 正式IP is
// not offered, a bad one is refused in zh-TW), finds it by 查詢, opens 詳細 and sees 應用系統資料 and the four
// 介接服務狀態 rows with 我要申請. Then 單一登入's 我要申請 with two 所需拋回的資料 leads to 審核紀錄, whose 列印
// gives the signable 申請單 (no menu); the system admin returns it (退回補正), the applicant’s 補正 sends it
// again, it is approved, and 顯示金鑰 shows the secret once. Screens in light and dark, desktop and phone.
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPrisma } from '../integration/db/helpers';
import { createActiveUser } from '../integration/api/support-users';
import { e2e } from '../support/env';
import { apiSession } from '../support/http';
import { screenshot, screenshotVariants, SCREENSHOT_DIR, useBrowserJourney } from './support/browser';
import { eventually, login, sideMenu } from './support/portal';
import path from 'node:path';

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

  let recordKey = '';
  const decide = async (decision: 'APPROVE' | 'RETURN', comment?: string) => {
    const admin = apiSession();
    expect((await admin.login(e2e.sysadmin())).status).toBe(200);
    const answer = await admin.post(`/api/console/integration-requests/${recordKey}/decision`, { decision, comment });
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  };
  const statusOf = async () => (await prisma.integrationApplication.findUniqueOrThrow({ where: { key: recordKey } })).status;

  it('單一登入 › 我要申請: two 所需拋回的資料, a 驗證處理常式 on the system’s host, 申請說明; 確定 opens 審核紀錄', async () => {
    const session = journey();
    const { page } = session;
    await page.getByRole('link', { name: '我要申請：單一登入' }).click();
    await page.getByRole('heading', { level: 1, name: '單一登入服務申請' }).waitFor();
    const form = page.getByRole('form', { name: '單一登入服務申請' });
    await form.getByRole('button', { name: '確定' }).click();
    await form.getByText('請勾選所需拋回的資料').waitFor();
    await form.getByText('請輸入驗證處理常式含參數名稱').waitFor();

    await form.getByRole('checkbox', { name: '姓名、帳號及職稱' }).check();
    await form.getByRole('checkbox', { name: '公務電子郵件' }).check();
    await form.getByRole('textbox', { name: '驗證處理常式含參數名稱 1' }).fill('https://evil.example.com/callback');
    await form.getByRole('textbox', { name: '申請說明' }).fill('公文系統以公務帳號登入');
    await form.getByRole('button', { name: '確定' }).click();
    await form
      .getByText('驗證處理常式的主機須與應用系統網址相同（docs.tainan.gov.tw）：https://evil.example.com/callback')
      .waitFor();
    await form
      .getByRole('textbox', { name: '驗證處理常式含參數名稱 1' })
      .fill('https://docs.tainan.gov.tw/sso/callback?from=portal');
    await screenshotVariants(session, 'application-systems-4-apply-sso');
    await form.getByRole('button', { name: '確定' }).click();

    await page.getByRole('heading', { level: 1, name: '審核紀錄' }).waitFor();
    await page.getByText('申請單已送出，將交由系統管理者進行審核。').waitFor();
    recordKey = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(recordKey).toMatch(/^I\d{8}-\d{5}$/);
    const data = page.getByRole('region', { name: '申請資料' });
    await data.getByText(recordKey).waitFor();
    await data.getByText(systemName).waitFor();
    await data.getByText('單一登入').waitFor();
    await data.getByText('狀態：待審核').waitFor();
    const sent = page.getByRole('region', { name: '申請內容' });
    await sent.getByText('帳號識別碼、姓名、帳號及職稱、公務電子郵件').waitFor();
    await sent.getByText('https://docs.tainan.gov.tw/sso/callback?from=portal').waitFor();
    await page.getByRole('region', { name: '審核歷程' }).waitFor();
    await screenshotVariants(session, 'application-systems-5-record');
  });

  it('列印: only the signable 申請單 — title, 申請單號, the system, the form and the signature boxes; no menu or buttons', async () => {
    const { page } = journey();
    await page.emulateMedia({ media: 'print' });
    try {
      const sheet = page.locator('.print-sheet');
      await sheet.waitFor({ state: 'visible' });
      expect(await sheet.getByText('臺南市政府公務入口網 應用系統服務介接申請單').isVisible()).toBe(true);
      expect(await sheet.getByText(`申請單號：${recordKey}`).isVisible()).toBe(true);
      expect(await sheet.getByText(systemName).isVisible()).toBe(true);
      expect(await sheet.getByText('測試介接使用').isVisible()).toBe(true);
      expect(await sheet.getByText('https://docs.tainan.gov.tw/sso/callback?from=portal').isVisible()).toBe(true);
      const boxes = sheet.getByTestId('signature-boxes');
      for (const word of ['申請人', '單位主管', '機關首長（核章）']) expect(await boxes.getByText(word).isVisible()).toBe(true);
      expect(await sideMenu(page).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '列印' }).isVisible()).toBe(false);
      expect(await page.getByRole('region', { name: '審核歷程' }).isVisible()).toBe(false);
      await screenshot(page, 'application-systems-6-print');
      await page.pdf({ path: path.join(SCREENSHOT_DIR, 'application-systems-6-print.pdf'), format: 'A4' });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await sideMenu(page).isVisible()).toBe(true);
  });

  it('退回補正 → the applicant’s 補正 (the form pre-filled) sends it again; 核准 → 顯示金鑰 once', async () => {
    const session = journey();
    const { page } = session;
    await decide('RETURN', '請補充驗證處理常式用途');
    await eventually('退回補正', async () => (await statusOf()) === 'RETURNED');
    await page.reload();
    const data = page.getByRole('region', { name: '申請資料' });
    await data.getByText('狀態：退回補正').waitFor();
    await data.getByText('請補充驗證處理常式用途').waitFor();
    await page.getByRole('button', { name: '補正' }).click();
    const form = page.getByRole('form', { name: '補正' });
    expect(await form.getByRole('checkbox', { name: '姓名、帳號及職稱' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: '機關及單位' }).isChecked()).toBe(false);
    expect(await form.getByRole('textbox', { name: '驗證處理常式含參數名稱 1' }).inputValue()).toBe(
      'https://docs.tainan.gov.tw/sso/callback?from=portal',
    );
    await form.getByRole('button', { name: '新增驗證處理常式含參數名稱' }).click();
    await form.getByRole('textbox', { name: '驗證處理常式含參數名稱 2' }).fill('https://docs.tainan.gov.tw/sso/callback2');
    await form.getByRole('textbox', { name: '申請說明' }).fill('公文系統以公務帳號登入，第二個驗證處理常式供行動版使用');
    await screenshotVariants(session, 'application-systems-7-amend');
    await form.getByRole('button', { name: '確定' }).click();
    await page.getByText('已送出補正，將交由系統管理者重新審核。').waitFor();
    await page.getByRole('heading', { level: 2, name: '申請內容（第 2 版）' }).waitFor();
    await page.getByRole('region', { name: '申請內容' }).getByText('https://docs.tainan.gov.tw/sso/callback2').waitFor();
    await eventually('待審核 again', async () => (await statusOf()) === 'PENDING');

    await decide('APPROVE');
    await eventually('已核准', async () => (await statusOf()) === 'APPROVED');
    await page.reload();
    await page.getByRole('region', { name: '申請資料' }).getByText('狀態：已核准').waitFor();
    const credential = page.getByRole('region', { name: '金鑰' });
    await credential.getByRole('button', { name: '顯示金鑰' }).click();
    await credential.getByText('金鑰僅顯示一次，請妥善保存').waitFor();
    const secret = await credential.locator('dd code').nth(1).textContent();
    expect(secret?.length).toBeGreaterThanOrEqual(40);
    await screenshotVariants(session, 'application-systems-8-secret');
    await page.reload();
    await credential.getByText('金鑰顯示時間').waitFor();
    expect(await credential.getByRole('button', { name: '顯示金鑰' }).count()).toBe(0);

    // 返回 → 應用系統詳細頁: 單一登入 已啟用 with 更換金鑰 and 停用.
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('heading', { level: 1, name: '應用系統詳細' }).waitFor();
    const sso = page.getByRole('region', { name: '介接服務狀態' }).getByRole('row').nth(1);
    await sso.getByText('已啟用').waitFor();
    await sso.getByRole('link', { name: '更換金鑰：單一登入' }).waitFor();
    await sso.getByRole('link', { name: '停用：單一登入' }).waitFor();
    await page.getByRole('region', { name: '申請紀錄' }).getByRole('link', { name: recordKey }).waitFor();
  });

  it('更換金鑰: 申請原因 required; 確定 opens its 審核紀錄, and the row offers 審核紀錄 instead of 更換金鑰 / 停用', async () => {
    const session = journey();
    const { page } = session;
    await page.getByRole('link', { name: '更換金鑰：單一登入' }).click();
    await page.getByRole('heading', { level: 1, name: '單一登入更換金鑰申請' }).waitFor();
    const form = page.getByRole('form', { name: '單一登入更換金鑰申請' });
    await form.getByRole('button', { name: '確定' }).click();
    await form.getByText('請輸入申請原因').waitFor();
    await form.getByRole('textbox', { name: '申請原因' }).fill('金鑰保管人員異動');
    await screenshotVariants(session, 'application-systems-9-rotate');
    await form.getByRole('button', { name: '確定' }).click();
    await page.getByRole('heading', { level: 1, name: '審核紀錄' }).waitFor();
    const data = page.getByRole('region', { name: '申請資料' });
    await data.getByText('更換金鑰').waitFor();
    await page.getByRole('region', { name: '申請內容' }).getByText('金鑰保管人員異動').waitFor();
    await page.getByRole('button', { name: '返回' }).click();
    const sso = page.getByRole('region', { name: '介接服務狀態' }).getByRole('row').nth(1);
    await sso.getByRole('link', { name: '審核紀錄：單一登入' }).waitFor();
    expect(await sso.getByRole('link', { name: '更換金鑰：單一登入' }).count()).toBe(0);
  });

  it('轉登 and 簡訊發送 › 我要申請: their own fields in the manual’s words, 顯示此轉登入口的機關 picked with +', async () => {
    const session = journey();
    const { page } = session;
    await page.getByRole('link', { name: '我要申請：轉登' }).click();
    const redirect = page.getByRole('form', { name: '轉登服務申請' });
    await redirect.getByRole('button', { name: '確定' }).click();
    await redirect.getByText('請輸入驗證處理常式', { exact: true }).waitFor();
    await redirect.getByText('請選擇顯示此轉登入口的機關').waitFor();
    await redirect.getByRole('textbox', { name: '驗證處理常式' }).fill('https://docs.tainan.gov.tw/sso/portal');
    await redirect.getByRole('textbox', { name: '參數名稱' }).fill('assertion');
    await redirect.getByRole('textbox', { name: '申請說明' }).fill('同仁由公務入口網 ICON 進入公文系統');
    await redirect.getByRole('combobox', { name: '顯示此轉登入口的機關' }).fill(agencyName);
    await page.getByRole('option', { name: agencyName, exact: true }).click();
    await redirect.getByRole('button', { name: '加入機關' }).click();
    await redirect.getByRole('list', { name: '顯示此轉登入口的機關' }).getByText(agencyName).waitFor();
    await screenshotVariants(session, 'application-systems-10-apply-redirect');
    await redirect.getByRole('button', { name: '確定' }).click();
    await page.getByRole('heading', { level: 1, name: '審核紀錄' }).waitFor();
    const sent = page.getByRole('region', { name: '申請內容' });
    await sent.getByText('https://docs.tainan.gov.tw/sso/portal').waitFor();
    await sent.getByText(agencyName, { exact: true }).waitFor();

    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('link', { name: '我要申請：簡訊發送' }).click();
    const sms = page.getByRole('form', { name: '簡訊發送服務申請' });
    await sms.getByRole('textbox', { name: '每月簡訊則數' }).fill('abc');
    await sms.getByRole('textbox', { name: '簡訊用途' }).fill('公文到期提醒');
    await sms.getByRole('textbox', { name: '簡訊發送者名稱' }).fill('公文系統');
    await sms.getByRole('textbox', { name: '申請說明' }).fill('提醒承辦人公文即將逾期');
    await sms.getByRole('button', { name: '確定' }).click();
    await sms.getByText('每月簡訊則數須為 1 至 100000 的整數').waitFor();
    await sms.getByRole('textbox', { name: '每月簡訊則數' }).fill('500');
    await sms.getByRole('button', { name: '確定' }).click();
    await page.getByRole('heading', { level: 1, name: '審核紀錄' }).waitFor();
    await page.getByRole('region', { name: '申請內容' }).getByText('公文到期提醒').waitFor();
  });
});
