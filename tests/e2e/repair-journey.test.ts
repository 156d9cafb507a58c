// 線上報修 in Chromium, by the manual's words: a user reports with a photo (線上申請作業 › 線上報修 ›
// 詳細 › 新增報修 › 新增報修案件); a 維修人員 answers in 我的個人應用 › 報修處理狀況回報 with a 分類; the reporter
// 退回 once (退回原因, 確定), the vendor answers again, the reporter 評分 4 (備註, 確認) — the ticket's page
// shows every 處理狀況回覆 in order and 退回次數 1. Looked at in light and dark, desktop and phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../infra/db/prisma';
import { e2e } from '../support/env';
import { createRepairType } from '../support/repairs';
import { createActiveUser } from '../integration/api/support-users';
import { type BrowserSession, openBrowser, screenshotVariants, stepsInOrder } from './support/browser';
import { login, reloadUntilListed, sideMenu } from './support/portal';
import { waitForMail } from './support/verification';

const prisma = createPrisma(process.env.DATABASE_URL!);
const tag = Date.now().toString(36);
/** A 16×16 PNG, as a phone's photo would be (only much smaller). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAP0lEQVR4nO3LIRaAIBQAQU6y5yQajUQi0UgkGjcSjUYjR+Aevj99ElkOOaVIlSaXdBlyizLlkVc+WaYIEf4bNk+vmhAiLGNxAAAAAElFTkSuQmCC',
  'base64',
);

let reporter: Awaited<ReturnType<typeof createActiveUser>>;
let vendor: Awaited<ReturnType<typeof createActiveUser>>;
let typeName: string;

beforeAll(async () => {
  const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
  reporter = await createActiveUser(prisma);
  vendor = await createActiveUser(prisma, 'G01');
  const second = await createActiveUser(prisma, 'G01');
  const custodian = await createActiveUser(prisma, 'G01');
  typeName = `公文管理系統維修-${tag}`;
  await createRepairType(prisma, {
    name: typeName,
    agencyId: g01.id,
    custodian1Id: custodian.id,
    vendorIds: [vendor.id, second.id],
    categories: ['一般操作問題', '系統異常'],
  });
}, 60_000);

afterAll(() => prisma.$disconnect());

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('線上報修: report, reply, 退回, reply again, 評分', () => {
  let user: BrowserSession;
  let handler: BrowserSession;
  let ticketUrl = '';
  beforeAll(async () => {
    user = await openBrowser();
    handler = await openBrowser();
  });
  afterAll(async () => {
    await user?.close();
    await handler?.close();
  });
  stepsInOrder();

  const replies = (page: Page) => page.getByRole('list', { name: '處理狀況回覆' });

  it('a user reports with a photo from 線上報修 › 詳細 › 新增報修', async () => {
    const { page } = user;
    await login(page, { account: reporter.account, password: e2e.password() });
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '線上申請作業' }).click();
    await menu.getByRole('link', { name: '線上報修' }).click();
    await page.getByRole('heading', { level: 1, name: '線上報修' }).waitFor();
    await page.getByRole('link', { name: `詳細：${typeName}` }).waitFor();
    await screenshotVariants(user, 'repair-1-types');
    await page.getByRole('link', { name: `詳細：${typeName}` }).click();
    await page.getByRole('heading', { level: 1, name: `報修類型詳細頁：${typeName}` }).waitFor();
    await page.getByRole('link', { name: '新增報修' }).click();
    await page.getByRole('heading', { level: 1, name: '新增報修案件' }).waitFor();

    // 送出 with nothing chosen: the manual's fields say what is missing.
    await page.getByRole('button', { name: '送出' }).click();
    await page.getByText('請選擇所在地').waitFor();
    await page.getByText('請輸入故障原因').waitFor();

    await choose(page, '所在地', '民治市政中心');
    await choose(page, '所在樓層', '2');
    await page.getByLabel(/^故障原因/).fill('公文系統無法開啟附件');
    await page.locator('input[type=file]').setInputFiles({ name: '現場照片.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('現場照片.png').waitFor();
    await screenshotVariants(user, 'repair-2-new');
    await page.getByRole('button', { name: '送出' }).click();

    await page.getByRole('heading', { level: 1, name: '報修案件', exact: true }).waitFor();
    await page.getByText('已送出報修。').waitFor();
    ticketUrl = page.url();
    const section = page.getByRole('region', { name: '報修內容' });
    await section.getByText('待處理').waitFor();
    await section.getByText('公文系統無法開啟附件').waitFor();
    await expect
      .poll(() => section.getByRole('img', { name: '現場照片.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(16);
    await screenshotVariants(user, 'repair-3-ticket-pending');
  });

  it('the vendor finds it in 報修處理狀況回報 and replies with a 分類', async () => {
    const { page } = handler;
    await waitForMail(vendor.backupEmail!, '有一件新的報修案件待您處理');
    await login(page, { account: vendor.account, password: e2e.password() });
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '我的個人應用' }).click();
    await menu.getByRole('link', { name: '報修處理狀況回報' }).click();
    await page.getByRole('heading', { level: 1, name: '報修處理狀況回報' }).waitFor();
    const grid = page.getByRole('grid', { name: '報修案件' });
    const row = grid.getByRole('row').filter({ hasText: '公文系統無法開啟附件' });
    await reloadUntilListed(page, 'the new ticket', row, grid);
    await screenshotVariants(handler, 'repair-4-handling-list');
    await row.getByRole('link', { name: /^詳細/ }).click();
    await page.getByRole('heading', { level: 2, name: '處理狀況回報' }).waitFor();
    await expect.poll(() => page.getByLabel(/^處理人員/).inputValue()).toBe(vendor.name);
    await page.getByLabel(/^處理結果/).fill('已重新安裝附件檢視元件');
    await choose(page, '分類', `${typeName}-一般操作問題`);
    await screenshotVariants(handler, 'repair-5-reply-form');
    await page.getByRole('button', { name: '送出' }).click();
    await page.getByText('已送出處理狀況回報，已通知報修人。').waitFor();
    await replies(page).getByText('已重新安裝附件檢視元件').waitFor();
  });

  it('the reporter sees 已處理, 退回 with a reason; the vendor answers again', async () => {
    const { page } = user;
    await waitForMail(reporter.backupEmail!, '線上報修已處理');
    await page.goto(ticketUrl);
    await replies(page).getByText(`${typeName}-一般操作問題`).waitFor();
    await page.getByRole('region', { name: '報修內容' }).getByText('已處理').waitFor();
    await page.getByRole('button', { name: '退回' }).click();
    const dialog = page.getByRole('dialog', { name: '退回' });
    await dialog.getByRole('button', { name: '確定' }).click();
    await dialog.getByText('請輸入退回原因').waitFor();
    await dialog.getByLabel(/^退回原因/).fill('附件仍無法開啟');
    await screenshotVariants(user, 'repair-6-return-dialog');
    await dialog.getByRole('button', { name: '確定' }).click();
    await page.getByText('已退回，維修人員將重新處理。').waitFor();
    await replies(page).getByText('附件仍無法開啟').waitFor();

    const h = handler.page;
    await waitForMail(vendor.backupEmail!, '報修案件已被退回');
    await h.reload();
    await h.getByRole('heading', { level: 2, name: '處理狀況回報' }).waitFor();
    await h.getByLabel(/^處理結果/).fill('已更新瀏覽器並確認附件可開啟');
    await choose(h, '分類', `${typeName}-系統異常`);
    await h.getByRole('button', { name: '送出' }).click();
    await h.getByText('已送出處理狀況回報，已通知報修人。').waitFor();
  });

  it('the reporter rates it 4 with a 備註: 已結案, every reply in order and 退回次數 1', async () => {
    const { page } = user;
    await page.reload();
    await page.getByRole('button', { name: '評分' }).click();
    const dialog = page.getByRole('dialog', { name: '評分' });
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '評分' }).click();
    // The fourth star of the MUI Rating, as a person clicks it.
    await dialog.locator('label', { hasText: '4 分（滿意）' }).click();
    await dialog.getByText('4 分 滿意').waitFor();
    await dialog.getByLabel('備註').fill('處理迅速，謝謝');
    await screenshotVariants(user, 'repair-7-rate-dialog');
    await dialog.getByRole('button', { name: '確認' }).click();
    await page.getByText('已完成評分，此報修案件已結案。').waitFor();

    const section = page.getByRole('region', { name: '報修內容' });
    await section.getByText('已結案').waitFor();
    const fields = await section.locator('dl').first().innerText();
    expect(fields).toMatch(/退回次數\s*1/);
    expect(fields).toMatch(/評分\s*4 分/);
    const kinds = await replies(page).locator('> li > div:first-child > span:first-child').allInnerTexts();
    expect(kinds).toEqual(['處理狀況回報', '退回', '處理狀況回報', '評分']);
    await replies(page).getByText('處理迅速，謝謝').waitFor();
    // The timeline tells the same story.
    const timeline = page.getByRole('list', { name: '處理歷程' });
    await timeline.getByText('報修人評分 4 分，已結案').waitFor();
    await timeline.getByText('報修人退回（第 1 次）').waitFor();
    await screenshotVariants(user, 'repair-8-ticket-closed');
    // The page never offers 評分 or 退回 again.
    expect(await page.getByRole('button', { name: '評分' }).count()).toBe(0);
    expect(user.pageErrors).toEqual([]);
    expect(handler.pageErrors).toEqual([]);
  });
});
