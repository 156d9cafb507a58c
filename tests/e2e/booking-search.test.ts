// 場地借用申請, 公務車借用登記 and 場地及公務車申請紀錄 as a user sees them, by the manual's labels: the
// weekly grid (可申請 / 不開放 / 已申請, 下一週), 申請 opening 申請資訊, 依時間查詢 listing a free venue, a
// car's free driver, and the records with 詳細 — with venues, cars and bookings written into the database.
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import type { User } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, mondayOf, taipeiParts } from '../../domain/bookings/slots';
import { createActiveUser } from '../integration/api/support-users';
import { testPrisma } from '../integration/db/helpers';
import { insertBooking } from '../support/bookings';
import { WEEKDAYS, createResource } from '../support/resources';
import { MOBILE, openBrowser, type BrowserSession } from './support/browser';
import { gotoPath, login } from './support/portal';

const prisma = testPrisma();
const password = process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026';
const today = taipeiParts(new Date()).date;
const nextMonday = addDays(mondayOf(today), 7);

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function gridShots(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [label, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', MOBILE],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/booking-${name}-${scheme}-${label}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('場地借用申請 / 公務車借用登記 / 場地及公務車申請紀錄', () => {
  let session: BrowserSession;
  let user: User;
  let agencyId: string;
  const tag = crypto.randomBytes(3).toString('hex');

  beforeAll(async () => {
    user = await createActiveUser(prisma);
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: user.organizationId } });
    agencyId = org.agencyId ?? org.id;
    session = await openBrowser();
    await login(session.page, { account: user.account, password });
  });

  afterAll(async () => {
    expect(session?.pageErrors).toEqual([]);
    await session?.close();
    await prisma.$disconnect();
  });

  it('依場地查詢: the week shows 可申請 and 不開放, 下一週 moves it, 申請 opens 申請資訊 which checks 與會人數', async () => {
    const venue = await createResource(prisma, {
      kind: 'VENUE',
      agencyId,
      custodian1Id: user.id,
      name: `十樓小禮堂${tag}`,
      locationId: 'loc-yonghua',
      openHours: WEEKDAYS,
    });
    const colleague = await createActiveUser(prisma);
    // Tuesday of the week after next, 10:00–12:00, already asked for by a colleague.
    const taken = addDays(nextMonday, 8);
    await insertBooking(prisma, venue, colleague, { date: taken, from: 10, to: 12 });

    const { page } = session;
    await gotoPath(page, '/applications/venue-bookings');
    await page.getByRole('heading', { level: 1, name: '場地借用申請' }).waitFor();
    await page.getByRole('tab', { name: '依場地查詢允許申請時間', selected: true }).waitFor();
    await choose(page, '所在地', '永華市政中心');
    await choose(page, '場地', `${venue.name}（10樓）`);
    await page.getByRole('button', { name: '查詢' }).click();

    const grid = page.getByRole('table', { name: `${venue.name} 可申請時段` });
    await grid.waitFor();
    await grid.getByRole('columnheader', { name: '時間' }).waitFor();
    const monday = mondayOf(today);
    await grid.getByRole('columnheader', { name: `周一 ${monday.slice(5)}` }).waitFor();
    expect(await grid.getByText('不開放').count()).toBeGreaterThanOrEqual(20);

    await page.getByRole('button', { name: '下一週' }).click();
    await grid.getByRole('columnheader', { name: `周一 ${nextMonday.slice(5)}` }).waitFor();
    // A whole weekday week ahead: 5 days × 10 hours, each 可申請 with its 申請 button.
    expect(await grid.getByRole('button', { name: /^申請 / }).count()).toBe(50);
    expect(await grid.getByText('可申請').count()).toBe(50);
    await page.getByRole('button', { name: '下一週' }).click();
    await grid.getByRole('columnheader', { name: `周二 ${taken.slice(5)}` }).waitFor();
    expect(await grid.getByText('已申請').count()).toBe(2);
    await page.getByRole('button', { name: '上一週' }).click();
    await grid.getByRole('columnheader', { name: `周一 ${nextMonday.slice(5)}` }).waitFor();
    await gridShots(page, 'grid');

    await grid.getByRole('button', { name: `申請 周一 ${nextMonday.slice(5)} 9:00` }).click();
    const form = page.getByRole('region', { name: '申請資訊' });
    await form.waitFor();
    expect(await form.innerText()).toContain(venue.name);
    expect(await form.innerText()).toContain(nextMonday);
    expect(await form.innerText()).toContain(user.account);
    await choose(page, '結束時段', '12:00');
    await form.getByLabel('與會人數').fill('31');
    await form.getByRole('button', { name: '儲存' }).click();
    await form.getByText('與會人數不可超過容納人數（30 人）').waitFor();
    await form.getByText('請輸入主持人').waitFor();
    await gridShots(page, 'form');
    await form.getByRole('button', { name: '取消' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('依時間查詢允許申請場地清單 lists a free venue; 選擇 opens its week with the interval picked', async () => {
    const venue = await createResource(prisma, {
      kind: 'VENUE',
      agencyId,
      custodian1Id: user.id,
      name: `第二會議室${tag}`,
      locationId: 'loc-shanhua',
    });
    const { page } = session;
    await gotoPath(page, '/applications/venue-bookings');
    await page.getByRole('tab', { name: '依時間查詢允許申請場地清單' }).click();
    await page.getByLabel('日期').fill(nextMonday);
    await choose(page, '開始時段', '13:00');
    await choose(page, '結束時段', '15:00');
    await choose(page, '所在地', '善化區');
    await page.getByRole('button', { name: '查詢' }).click();
    const list = page.getByRole('table', { name: '可申請場地清單' });
    await list.getByRole('cell', { name: `${venue.name}（10樓）` }).waitFor();
    await gridShots(page, 'by-time');
    await page.getByRole('button', { name: `選擇 ${venue.name}` }).click();
    await page.getByRole('table', { name: `${venue.name} 可申請時段` }).waitFor();
    const form = page.getByRole('region', { name: '申請資訊' });
    await form.waitFor();
    expect(await form.innerText()).toMatch(/13:00[\s\S]*15:00/);
  });

  it('公務車借用登記: 所在地 → 車型 → 車號, the week, and 派遣司機 是 offers the car’s free driver', async () => {
    const driver = await createResource(prisma, { kind: 'DRIVER', agencyId, custodian1Id: user.id, name: `王大哥${tag}` });
    const car = await createResource(prisma, {
      kind: 'CAR',
      agencyId,
      custodian1Id: user.id,
      locationId: 'loc-xinying',
      driverIds: [driver.id],
    });
    const { page } = session;
    await gotoPath(page, '/applications/car-bookings');
    await page.getByRole('heading', { level: 1, name: '公務車借用登記' }).waitFor();
    await choose(page, '所在地', '新營區');
    await choose(page, '車型', '小客車');
    await choose(page, '車號', car.name);
    await page.getByRole('button', { name: '查詢' }).click();
    const grid = page.getByRole('table', { name: `${car.name} 可申請時段` });
    await grid.waitFor();
    await page.getByRole('button', { name: '下一週' }).click();
    await grid.getByRole('button', { name: `申請 周三 ${addDays(nextMonday, 2).slice(5)} 8:00` }).click();
    const form = page.getByRole('region', { name: '申請資訊' });
    expect(await form.innerText()).toMatch(/使用車型[\s\S]*小客車[\s\S]*車號[\s\S]*RRR-/);
    await choose(page, '結束時段', '18:00');
    await form.getByRole('radio', { name: '是' }).check();
    await choose(page, '選擇司機', driver.name);
    await gridShots(page, 'car-form');
    await form.getByRole('button', { name: '確定申請' }).waitFor();
  });

  it('場地及公務車申請紀錄 lists the user’s booking with 詳細 in a dialog X closes, and its own page', async () => {
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: user.id, name: `紀錄禮堂${tag}` });
    const { key } = await insertBooking(
      prisma,
      venue,
      user,
      { date: addDays(nextMonday, 3), from: 9, to: 11 },
      { host: '林科長', reason: '年度計畫說明會', phoneExt: '321', headcount: 12 },
    );
    const { page } = session;
    await gotoPath(page, '/applications/booking-records');
    await page.getByRole('heading', { level: 1, name: '場地及公務車申請紀錄' }).waitFor();
    await page.getByRole('tab', { name: '場地借用紀錄', selected: true }).waitFor();
    await page.getByLabel('關鍵字').fill('林科長');
    await choose(page, '審核狀態', '未審核');
    await page.getByRole('button', { name: '查詢' }).click();
    const grid = page.getByRole('grid', { name: '場地借用紀錄' });
    const row = grid.getByRole('row').filter({ hasText: venue.name });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/林科長[\s\S]*未審核/);
    await gridShots(page, 'records');

    await row.getByRole('button', { name: /^詳細/ }).click();
    const dialog = page.getByRole('dialog', { name: '申請詳細資料' });
    await dialog.getByText('年度計畫說明會').waitFor();
    expect(await dialog.innerText()).toMatch(/登記者分機[\s\S]*321/);
    await dialog.getByRole('button', { name: '關閉' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: '公務車申請紀錄' }).click();
    await page.getByText('查無符合條件的公務車申請紀錄').waitFor();

    await gotoPath(page, `/applications/booking-records/${key}`);
    await page.getByRole('heading', { level: 1, name: '借用申請明細' }).waitFor();
    await page.getByRole('button', { name: '取消申請' }).click();
    const confirm = page.getByRole('dialog', { name: '取消申請' });
    await confirm.getByText(/^確定取消 .*的申請？/).waitFor();
    await confirm.getByRole('button', { name: '返回' }).click();
    await confirm.waitFor({ state: 'hidden' });
  });
});
