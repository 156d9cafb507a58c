// 重複借用 in Chromium, through the real API, workflows and database: a user books a venue 每週 ×4 from
// its week; 儲存 lists the one date someone else already holds, 「略過衝突日期並送出」 books the other
// three, which 場地及公務車申請紀錄 then shows 未審核. The custodian selects the series with 選取同系列
// and approves it in one 批次審核.
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import type { User } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, mondayOf, taipeiParts } from '../../domain/bookings/slots';
import { createActiveUser } from '../integration/api/support-users';
import { testPrisma } from '../integration/db/helpers';
import { insertBooking } from '../support/bookings';
import { createResource } from '../support/resources';
import { openBrowser, screenshot, stepsInOrder, type BrowserSession } from './support/browser';
import { eventually, gotoPath, login } from './support/portal';

const prisma = testPrisma();
const password = process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026';
const today = taipeiParts(new Date()).date;
const tuesday = addDays(mondayOf(today), 8);
/** The four Tuesdays of the series; someone else holds the third one's 10:00–11:00. */
const tuesdays = [0, 7, 14, 21].map((d) => addDays(tuesday, d));
const slash = (date: string) => date.replaceAll('-', '/');
const tag = crypto.randomBytes(3).toString('hex');

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('重複借用, end to end', () => {
  let session: BrowserSession;
  let user: User;
  let custodian: User;
  let venueName: string;
  stepsInOrder();

  beforeAll(async () => {
    let other: User;
    [user, other, custodian] = await Promise.all([
      createActiveUser(prisma),
      createActiveUser(prisma),
      createActiveUser(prisma, 'G01'),
    ]);
    const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    venueName = `週會會議室${tag}`;
    const venue = await createResource(prisma, {
      kind: 'VENUE',
      agencyId: g01.id,
      custodian1Id: custodian.id,
      name: venueName,
      locationId: 'loc-yonghua',
    });
    await insertBooking(prisma, venue, other, { date: tuesdays[2]!, from: 10, to: 11 });
    session = await openBrowser();
    await login(session.page, { account: user.account, password });
  });

  afterAll(async () => {
    await session?.close();
    await prisma.$disconnect();
  });

  it('每週 ×4: 儲存 lists the taken date; 略過衝突日期並送出 books the other three', async () => {
    const { page } = session;
    await gotoPath(page, '/applications/venue-bookings');
    await choose(page, '所在地', '永華市政中心');
    await choose(page, '場地', `${venueName}（10樓）`);
    await page.getByRole('button', { name: '查詢' }).click();
    await page.getByRole('button', { name: '下一週' }).click();
    const grid = page.getByRole('table', { name: `${venueName} 可申請時段` });
    await grid.getByRole('button', { name: `申請 周二 ${tuesday.slice(5)} 9:00` }).click();

    const form = page.getByRole('region', { name: '申請資訊' });
    await choose(page, '結束時段', '12:00');
    await choose(page, '重複', '每週');
    await choose(page, '次數', '4 次');
    await form.getByLabel('登記者公務電話').fill('2991111');
    await form.getByLabel('登記者分機').fill('8001');
    await form.getByLabel('與會人數').fill('12');
    await form.getByLabel('主持人').fill('陳科長');
    await form.getByLabel('申請事由').fill(`每週業務會報 ${tag}`);
    await form.getByRole('button', { name: '儲存' }).click();

    const dialog = page.getByRole('dialog', { name: '部分日期無法申請' });
    await dialog.getByText('下列 1 個日期無法申請；略過後將送出其餘 3 個日期的申請。').waitFor();
    const refused = dialog.getByRole('list', { name: '無法申請的日期' }).getByRole('listitem');
    expect(await refused.count()).toBe(1);
    expect(await refused.innerText()).toContain(`第 3 次：${slash(tuesdays[2]!)} 9:00 - 12:00，此時段已被申請`);
    // Nothing is written before the choice.
    expect(await prisma.booking.count({ where: { applicantUserId: user.id } })).toBe(0);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/series-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'booking-series-1-conflicts');

    await dialog.getByRole('button', { name: '略過衝突日期並送出' }).click();
    const result = page.getByRole('region', { name: '申請結果' });
    await result.getByText('已送出 3 個日期的申請，狀態：未審核').waitFor();
    const booked = await result.getByRole('list', { name: '已申請的日期' }).innerText();
    for (const date of [tuesdays[0]!, tuesdays[1]!, tuesdays[3]!]) expect(booked).toContain(`${slash(date)} 9:00 - 12:00`);
    expect(await result.getByRole('list', { name: '已略過的日期' }).innerText()).toContain(slash(tuesdays[2]!));
    await screenshot(page, 'booking-series-2-booked');
  });

  it('場地及公務車申請紀錄 shows each booked date 未審核', async () => {
    const { page } = session;
    await gotoPath(page, '/applications/booking-records');
    const grid = page.getByRole('grid', { name: '場地借用紀錄' });
    const rows = grid.getByRole('row').filter({ hasText: venueName });
    await rows.first().waitFor();
    await eventually('three rows of the series', async () => (await rows.count()) === 3);
    const text = (await rows.allInnerTexts()).join('\n');
    for (const date of [tuesdays[0]!, tuesdays[1]!, tuesdays[3]!]) expect(text).toContain(slash(date));
    expect(text).not.toContain(slash(tuesdays[2]!));
    expect((await rows.allInnerTexts()).every((row) => row.includes('未審核'))).toBe(true);
  });

  it('the custodian selects the series with 選取同系列 and approves it in one 批次審核', async () => {
    // The inbox lists what the bookings' workflows have recorded.
    await eventually(
      'the series recorded',
      async () => (await prisma.request.count({ where: { type: 'VENUE_BOOKING', applicantUserId: user.id } })) === 3,
      30_000,
    );
    const c = await openBrowser();
    try {
      await login(c.page, { account: custodian.account, password });
      await gotoPath(c.page, '/console/items/venue-bookings');
      const grid = c.page.getByRole('grid', { name: '場地借用申請清單' });
      const series = grid.getByRole('row').filter({ hasText: user.account });
      await series.nth(2).waitFor();
      expect((await series.allInnerTexts()).map((t) => t.match(/\d\/3/)?.[0]).sort()).toEqual(['1/3', '2/3', '3/3']);
      await series
        .first()
        .getByRole('button', { name: /^選取同系列/ })
        .click();
      await c.page.getByText('已選擇 3 筆').waitFor();
      await c.page.getByRole('button', { name: '批次審核' }).click();
      const dialog = c.page.getByRole('dialog', { name: '批次審核（3 筆）' });
      await dialog.getByRole('radio', { name: '通過' }).check();
      await screenshot(c.page, 'booking-series-3-batch');
      await dialog.getByRole('button', { name: '確定', exact: true }).click();
      await c.page.getByText(/已通過 3 筆/).waitFor();
      expect(c.pageErrors).toEqual([]);
    } finally {
      await c.close();
    }
    const statuses = await prisma.booking.findMany({ where: { applicantUserId: user.id }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
    expect(session.pageErrors).toEqual([]);
  });
});
