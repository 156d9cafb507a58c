// 管理主控台功能 › 系統參數管理 and 日誌紀錄管理 (system administrator; an agency administrator is refused),
// 機關管理員查詢 (not logged in) and 本機關管理者 (a general user), in Chromium.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  generalUser,
  openBrowser,
  screenshot,
  screenshotVariants,
  sysadmin,
  type BrowserSession,
} from './support/browser';
import { eventually, fillCaptcha, gotoPath, login, sideMenu } from './support/portal';

interface Mail {
  id: string;
  subject: string;
  body: string;
}
async function mailbox(to: string): Promise<Mail[]> {
  const response = await fetch(`${baseUrl()}/dev/mailbox/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { messages: Mail[] }).messages;
}

describe('系統參數管理 and 日誌紀錄管理 (system administrator)', () => {
  let session: BrowserSession;
  let original = '';

  beforeAll(async () => {
    session = await openBrowser();
    await login(session.page, sysadmin());
  });

  afterAll(async () => {
    // Put 閒置停用預告期間 back as it was (the API, with the page's session).
    if (original) {
      await session.page.evaluate(
        (value) =>
          fetch('/api/console/system-parameters/account.idleWarningBefore', {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ value }),
          }),
        Number(original),
      );
    }
    await session?.close();
  });

  it('edits 閒置停用預告期間 in a dialog: a value out of range is refused by name, a good one is saved and shown', async () => {
    const { page } = session;
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '管理主控台功能' }).click();
    // The menu offers it; under load a click can land while the menu group is still opening, so the test
    // checks the link and then follows it by address (menu clicks are covered in general-user/menu tests).
    const link = menu.getByRole('link', { name: '系統參數管理', exact: true });
    expect(await link.getAttribute('href')).toBe('/console/parameters');
    await gotoPath(page, '/console/parameters');
    const table = page.getByRole('table', { name: '系統參數' });
    const row = table.getByRole('row').filter({ hasText: '閒置停用預告期間' });
    await row
      .getByText(/\d+ 天/)
      .first()
      .waitFor();
    await table
      .getByRole('row')
      .filter({ hasText: '帳號鎖定時間' })
      .getByText(/\d+ 分鐘/)
      .first()
      .waitFor();
    await screenshotVariants(session, 'console-parameters');

    await row.getByRole('button', { name: '修改閒置停用預告期間' }).click();
    const dialog = page.getByRole('dialog', { name: '修改系統參數' });
    const field = dialog.getByRole('spinbutton', { name: '閒置停用預告期間' });
    original = await field.inputValue();
    const next = original === '10' ? '11' : '10';
    await field.fill('400');
    await dialog.getByRole('button', { name: '確定' }).click();
    await dialog.getByText('閒置停用預告期間不可大於 365 天').waitFor();
    await screenshot(page, 'console-parameters-dialog-error');
    await field.fill(next);
    await dialog.getByRole('button', { name: '確定' }).click();
    await page.getByRole('status').getByText(`已將「閒置停用預告期間」修改為 ${next} 天。`).waitFor();
    await row.getByText(`${next} 天`, { exact: true }).waitFor();
    await row.getByText(/系統管理者（sysadmin）/).waitFor();
    await screenshot(page, 'console-parameters-saved');
    expect(session.pageErrors).toEqual([]);
  });

  it('finds the change in 日誌紀錄管理 › 帳號使用紀錄 and exports it to Excel', async () => {
    const { page } = session;
    const link = sideMenu(page).getByRole('link', { name: '日誌紀錄管理', exact: true });
    expect(await link.getAttribute('href')).toBe('/console/logs');
    await gotoPath(page, '/console/logs?tab=usage&q=sysadmin');
    await page.getByRole('heading', { level: 1, name: '日誌紀錄管理' }).waitFor();
    const grid = page.getByRole('grid', { name: '帳號使用紀錄' });
    await grid.getByText('系統參數修改').first().waitFor();
    await screenshotVariants(session, 'console-logs-usage');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '匯出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^帳號使用紀錄_\d{12}\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '操作時間', '帳號', '姓名', '機關', '動作', '對象', 'IP']);
    const actions = sheet.getColumn(5).values.slice(2);
    expect(actions).toContain('系統參數修改');
    expect(
      sheet
        .getColumn(2)
        .values.slice(2)
        .every((account) => account === 'sysadmin'),
    ).toBe(true);
    await page
      .getByRole('status')
      .getByText(/已匯出 Excel 檔/)
      .waitFor();

    await page.getByRole('tab', { name: '帳號登入紀錄' }).click();
    await page.getByRole('grid', { name: '帳號登入紀錄' }).getByText('sysadmin').first().waitFor();
    await screenshot(page, 'console-logs-login');
    expect(session.pageErrors).toEqual([]);
  });
});

describe('日誌紀錄管理 is for system administrators only (表 2)', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
    await login(session.page, { account: 'sdcadmin', password: sysadmin().password });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('an agency administrator does not see it in the menu and gets 您沒有使用此功能的權限 at its address', async () => {
    const { page } = session;
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '管理主控台功能' }).click();
    await menu.getByRole('link', { name: '帳號管理', exact: true }).waitFor();
    expect(await menu.getByRole('link', { name: '日誌紀錄管理' }).count()).toBe(0);

    await gotoPath(page, '/console/logs?tab=login');
    await page.getByRole('heading', { level: 1, name: '您沒有使用此功能的權限' }).waitFor();
    expect(await page.getByRole('grid').count()).toBe(0);
    expect(await page.getByRole('button', { name: '匯出 Excel' }).count()).toBe(0);
    await screenshot(page, 'console-logs-agency-admin-forbidden');
    expect(session.pageErrors).toEqual([]);
  });
});

describe('機關管理員查詢 (not logged in) and 本機關管理者', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('verifies the backup e-mail, picks an agency and sees its admin with 詳細', async () => {
    const { page } = session;
    // Another seeded user of 智慧發展中心 than the integration tests' (one code per address a minute).
    const email = 'sdcuser2@example.com';
    await gotoPath(page, '/agency-admins/lookup');
    await page.getByRole('heading', { level: 1, name: '機關管理員查詢' }).waitFor();
    await screenshot(page, 'agency-admin-lookup-methods');
    await page.getByRole('button', { name: /使用備用信箱/ }).click();
    const seen = new Set((await mailbox(email)).map((m) => m.id));
    const form = page.getByRole('form', { name: '備用信箱驗證' });
    await form.getByLabel(/^備用信箱/).fill(email);
    await fillCaptcha(page);
    await form.getByRole('button', { name: '確定', exact: true }).click();
    const codeForm = page.getByRole('form', { name: '輸入驗證碼' });
    await codeForm.waitFor();
    let mail: Mail | undefined;
    await eventually('the 驗證碼 mail arrives', async () => {
      mail = (await mailbox(email)).find((m) => !seen.has(m.id) && m.subject.includes('驗證碼'));
      return Boolean(mail);
    });
    expect(mail!.body).toContain('機關管理員查詢');
    await codeForm.getByLabel(/^驗證碼/).fill(/\b(\d{6})\b/.exec(mail!.body)![1]!);
    await codeForm.getByRole('button', { name: '確定', exact: true }).click();

    await page.getByRole('combobox', { name: '機關' }).fill('智慧發展中心');
    await page
      .getByRole('option', { name: /智慧發展中心/ })
      .first()
      .click();
    const list = page.getByRole('table', { name: /智慧發展中心機關管理者/ });
    await list.getByText('林怡君').waitFor();
    await screenshotVariants(session, 'agency-admin-lookup-result');
    await list.getByRole('button', { name: '詳細：林怡君' }).click();
    const dialog = page.getByRole('dialog', { name: '機關管理者詳細資訊' });
    await dialog.getByText('sdcadmin@mail.tainan.gov.tw').waitFor();
    expect(await dialog.innerText()).not.toContain('@example.com');
    await screenshot(page, 'agency-admin-lookup-detail');
    await dialog.getByRole('button', { name: '關閉' }).click();
    expect(session.pageErrors).toEqual([]);
  });

  it('本機關管理者 lists the logged-in user’s own agency admins', async () => {
    const { page } = session;
    await login(page, generalUser());
    await gotoPath(page, '/communication/agency-admins');
    await page.getByRole('heading', { level: 1, name: '本機關管理者' }).waitFor();
    await page
      .getByRole('table', { name: /機關管理者/ })
      .getByText('林怡君')
      .waitFor();
    await screenshotVariants(session, 'my-agency-admins');
    expect(session.pageErrors).toEqual([]);
  });
});
