// 報修類型管理 › 處理狀況 in Chromium, by the manual's words: the type's 類型保管人 (a general user) opens
// the type's 處理狀況 tab, queries a month by 時間, sees 處理狀況統計, the 報修案量 and 處理狀況 charts,
// 單位案件統計 and the 維修人員's figures, and clicks 匯出 (top right) for the period's Excel — read back
// here — looked at in light and dark, desktop and phone.
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../infra/db/prisma';
import { e2e } from '../support/env';
import { MANUAL_EXPORT_COLUMNS } from '../support/repair-export';
import { createActiveUser } from '../integration/api/support-users';
import { type BrowserSession, openBrowser, screenshot, screenshotVariants, stepsInOrder } from './support/browser';
import { gotoPath, login } from './support/portal';

const prisma = createPrisma(process.env.DATABASE_URL!);
const tpe = (day: number, hour: number) =>
  new Date(`2026-07-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:15:00+08:00`);
const later = (at: Date, h: number) => new Date(at.getTime() + h * 3_600_000);

let custodian: Awaited<ReturnType<typeof createActiveUser>>;
let typeId: string;
let typeName: string;
const TICKETS = 30;

beforeAll(async () => {
  const [g01, ...unitRows] = await Promise.all(
    ['G01', 'G01-01', 'G01-02', 'G01-91', 'G02-01'].map((code) => prisma.organization.findUniqueOrThrow({ where: { code } })),
  );
  custodian = await createActiveUser(prisma, 'G01-91');
  const [vendorA, vendorB, reporter] = await Promise.all([
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-01'),
  ]);
  typeName = `公文管理系統維修-${crypto.randomBytes(2).toString('hex')}`;
  const type = await prisma.repairType.create({
    data: {
      name: typeName,
      agencyId: g01!.id,
      audience: 'CITY',
      custodian1Id: custodian.id,
      vendors: { create: [{ userId: vendorA.id }, { userId: vendorB.id }] },
    },
  });
  typeId = type.id;
  // 30 tickets over July 2026: every third still 待處理, every third 已處理, the rest 已結案; one in five returned once.
  for (let i = 0; i < TICKETS; i++) {
    const createdAt = tpe(1 + ((i * 11) % 26), 8 + (i % 9));
    const status = i % 3 === 0 ? 'PENDING' : i % 3 === 1 ? 'HANDLED' : 'CLOSED';
    const vendor = i % 2 ? vendorA : vendorB;
    const replied = status !== 'PENDING' || i % 5 === 0;
    await prisma.repairTicket.create({
      data: {
        key: `RSE${Date.now().toString(36)}-${i}`,
        repairTypeId: typeId,
        reporterUserId: reporter.id,
        agencyId: g01!.id,
        unitId: unitRows[i % unitRows.length]!.id,
        reporterName: '機管測試1',
        officePhone: '2991111',
        locationId: i % 2 ? 'loc-minzhi' : 'loc-yonghua',
        floor: String(1 + (i % 6)),
        fault: `公文系統無法開啟附件（${i + 1}）`,
        status,
        returnCount: i % 5 === 0 ? 1 : 0,
        firstRepliedAt: replied ? later(createdAt, 1 + (i % 6)) : null,
        closedAt: status === 'CLOSED' ? later(createdAt, 20 + i) : null,
        rating: status === 'CLOSED' ? [5, 4, 3, 5, 4][i % 5] : null,
        createdAt,
        replies: replied
          ? {
              create: [
                {
                  seq: 1,
                  kind: 'REPLY',
                  authorUserId: vendor.id,
                  authorName: vendor.name,
                  handlerName: vendor.name,
                  handledAt: later(createdAt, 1 + (i % 6)),
                  result: '已重新安裝公文系統元件',
                  categoryName: `${typeName}-一般操作問題`,
                  createdAt: later(createdAt, 1 + (i % 6)),
                },
              ],
            }
          : undefined,
      },
    });
  }
}, 60_000);

afterAll(async () => {
  if (typeId) {
    await prisma.repairTicket.deleteMany({ where: { repairTypeId: typeId } });
    await prisma.repairType.delete({ where: { id: typeId } });
  }
  await prisma.$disconnect();
});

describe('處理狀況 of a 報修類型, by its 類型保管人', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session?.close());
  stepsInOrder();

  it('queries July by 時間 and sees 處理狀況統計, the two charts and 單位案件統計', async () => {
    const { page } = session;
    await login(page, { account: custodian.account, password: e2e.password() });
    await gotoPath(page, `/console/items/repair-types/${typeId}`);
    await page.getByRole('tab', { name: '處理狀況' }).click();
    const tab = page.getByRole('main');
    await tab.getByLabel('時間（起）').fill('2026-07-01');
    await tab.getByLabel('時間（迄）').fill('2026-07-31');
    await tab.getByRole('button', { name: '查詢' }).click();
    await tab.getByText('查詢期間：2026-07-01 至 2026-07-31').waitFor();

    const figures = tab.getByRole('region', { name: '處理狀況統計' });
    await expect.poll(() => figures.getByRole('group', { name: '報修案件' }).innerText()).toContain(String(TICKETS));
    expect(await figures.getByRole('group', { name: '待處理', exact: true }).innerText()).toContain('10');
    expect(await figures.getByRole('group', { name: '已處理', exact: true }).innerText()).toContain('10');
    expect(await figures.getByRole('group', { name: '已結案', exact: true }).innerText()).toContain('10');
    // One in five returned: 6 of 30.
    expect(await figures.getByRole('group', { name: '退回比例' }).innerText()).toContain('20%');
    expect(await figures.getByRole('group', { name: '首次回覆時間（中位數）' }).innerText()).toMatch(/小時/);

    // Both charts are drawn (SVG with bars and pie arcs).
    const volume = tab.getByRole('region', { name: '報修案量' });
    await volume.locator('svg').first().waitFor();
    expect(await volume.locator('svg rect, svg path').count()).toBeGreaterThan(10);
    const statuses = tab.getByRole('region', { name: '處理狀況', exact: true });
    await statuses.locator('svg path').first().waitFor();

    const units = tab.getByRole('table', { name: '單位案件統計' });
    expect(await units.getByRole('row').count()).toBe(1 + 4);
    const vendors = tab.getByRole('table', { name: '維修人員處理統計' });
    expect(await vendors.getByRole('row').count()).toBe(1 + 2);
    await screenshotVariants(session, 'repair-stats-1-july');
    expect(session.pageErrors).toEqual([]);
  });

  it('匯出 downloads the period’s Excel with the manual’s 11 columns', async () => {
    const { page } = session;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '匯出' }).click()]);
    expect(download.suggestedFilename()).toBe(`${typeName}_處理狀況_20260701-20260731.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...MANUAL_EXPORT_COLUMNS]);
    expect(sheet.rowCount).toBe(1 + TICKETS);
    expect(sheet.getRow(2).getCell(7).text).toMatch(/^2026\/07\/\d{2} \d{2}:15$/);
    const details = (sheet.getColumn(11).values as unknown[]).slice(2).filter(Boolean) as string[];
    expect(details[0]).toMatch(
      /^處理人員：.+\n處理時間：2026-07-\d{2} \d{2}:15\n處理結果：已重新安裝公文系統元件\n分類：.+-一般操作問題$/,
    );
  });

  it('a range whose 起 is after its 迄 is refused on the page, and an empty month draws no chart data', async () => {
    const { page } = session;
    const tab = page.getByRole('main');
    await tab.getByLabel('時間（起）').fill('2026-08-31');
    await tab.getByLabel('時間（迄）').fill('2026-08-01');
    await tab.getByRole('button', { name: '查詢' }).click();
    await tab.getByText('起日不可晚於迄日').waitFor();
    await screenshot(page, 'repair-stats-2-bad-range');
    await tab.getByLabel('時間（起）').fill('2026-08-01');
    await tab.getByLabel('時間（迄）').fill('2026-08-31');
    await tab.getByRole('button', { name: '查詢' }).click();
    await tab.getByText('查詢期間：2026-08-01 至 2026-08-31').waitFor();
    await expect
      .poll(() => tab.getByRole('region', { name: '處理狀況統計' }).getByRole('group', { name: '報修案件' }).innerText())
      .toContain('0');
    await tab.getByText('此期間沒有報修案件').first().waitFor();
    await screenshotVariants(session, 'repair-stats-3-empty');
    expect(session.pageErrors).toEqual([]);
  });
});
