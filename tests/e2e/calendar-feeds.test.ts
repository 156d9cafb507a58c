// 行事曆訂閱 in Chromium: a venue's custodian opens 場地及公務車申請紀錄 › 行事曆訂閱, adds a feed of the
// venue, copies the address shown once, a calendar service (a plain fetch, no cookie) reads the
// approved booking from it, and 停止訂閱 makes the address answer 404.
import crypto from 'node:crypto';
import type { User } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, taipeiInstant, taipeiParts } from '../../domain/bookings/slots';
import { createPrisma } from '../../infra/db/prisma';
import { e2e } from '../support/env';
import { createResource } from '../support/resources';
import { createActiveUser } from '../integration/api/support-users';
import { type BrowserSession, openBrowser, screenshot, screenshotVariants, stepsInOrder } from './support/browser';
import { gotoPath, login } from './support/portal';

const prisma = createPrisma(process.env.DATABASE_URL!);
let custodian: User;
let venueName: string;
let bookingKey: string;

beforeAll(async () => {
  const user = await createActiveUser(prisma);
  custodian = await prisma.user.update({ where: { id: user.id }, data: { name: '陳保管' } });
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: custodian.organizationId } });
  const venue = await createResource(prisma, {
    kind: 'VENUE',
    agencyId: org.agencyId ?? org.id,
    custodian1Id: custodian.id,
    name: `訂閱測試會議室-${crypto.randomBytes(2).toString('hex')}`,
  });
  venueName = venue.name;
  const day = addDays(taipeiParts(new Date()).date, 2);
  bookingKey = `VB-test-${crypto.randomBytes(5).toString('hex')}`;
  await prisma.booking.create({
    data: {
      key: bookingKey,
      workflowId: `venue-booking-${bookingKey}`,
      kind: 'VENUE',
      resourceId: venue.id,
      startsAt: taipeiInstant(day, 10 * 60),
      endsAt: taipeiInstant(day, 12 * 60),
      status: 'APPROVED',
      applicantUserId: custodian.id,
      unitId: custodian.organizationId,
      agencyId: org.agencyId ?? org.id,
      phone: '2991111',
      phoneExt: '',
      headcount: 8,
      reason: '跨局處協調會',
      host: '王主任',
    },
  });
});

afterAll(() => prisma.$disconnect());

describe('行事曆訂閱: add a venue feed, use its address, stop it', () => {
  let browser: BrowserSession;
  let feedUrl: string;
  beforeAll(async () => {
    browser = await openBrowser();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.baseUrl() });
  });
  afterAll(() => browser?.close());
  stepsInOrder();

  it('新增訂閱 of the venue shows the address once, with 複製 and how to add it to Google 日曆 / Outlook', async () => {
    const { page } = browser;
    await login(page, { account: custodian.account, password: e2e.password() });
    await gotoPath(page, '/applications/booking-records/calendar');
    await page.getByRole('heading', { level: 1, name: '行事曆訂閱' }).waitFor();
    await page.getByRole('region', { name: '我的訂閱' }).getByText('您目前沒有行事曆訂閱。').waitFor();

    const form = page.getByRole('region', { name: '新增訂閱' });
    await form.getByRole('combobox', { name: '訂閱內容' }).click();
    await page.getByRole('option', { name: venueName }).click();
    await form.getByRole('button', { name: '新增訂閱' }).click();

    const shown = page.getByRole('region', { name: '訂閱網址' });
    await shown.getByText('此網址只會顯示這一次').waitFor();
    feedUrl = await shown.getByRole('textbox', { name: '訂閱網址' }).inputValue();
    expect(feedUrl).toMatch(/^https?:\/\/[^/]+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await shown.getByRole('heading', { name: '加入 Google 日曆' }).waitFor();
    await shown.getByRole('heading', { name: '加入 Outlook' }).waitFor();
    await shown.getByRole('button', { name: '複製' }).click();
    await shown.getByText('已複製訂閱網址。').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);

    const row = page.getByRole('table', { name: '我的訂閱' }).getByRole('row').filter({ hasText: venueName });
    await row.getByText('場地', { exact: true }).waitFor();
    await screenshotVariants(browser, 'calendar-feeds-1-created');
    expect(browser.pageErrors).toEqual([]);
  });

  it('a calendar service fetches the address without a session and finds the approved booking', async () => {
    const response = await fetch(feedUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expect(text).toContain(`UID:${bookingKey}@`);
    expect(text).toContain(`SUMMARY:${venueName}｜跨局處協調會`);
  });

  it('停止訂閱 asks first, then the address answers 404 and the list is empty', async () => {
    const { page } = browser;
    // The address is not shown again after a reload: only the feed's name is listed.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '行事曆訂閱' }).waitFor();
    expect(await page.getByRole('region', { name: '訂閱網址' }).count()).toBe(0);
    expect(await page.content()).not.toContain(feedUrl);

    await page.getByRole('button', { name: `停止訂閱：${venueName}` }).click();
    const dialog = page.getByRole('dialog', { name: '停止訂閱' });
    await dialog.getByText(`確定停止訂閱「${venueName}」？`).waitFor();
    await screenshot(page, 'calendar-feeds-2-confirm');
    await dialog.getByRole('button', { name: '確定停止' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已停止訂閱「${venueName}」，原訂閱網址已失效。`).waitFor();
    await page.getByRole('region', { name: '我的訂閱' }).getByText('您目前沒有行事曆訂閱。').waitFor();
    await screenshot(page, 'calendar-feeds-3-stopped');
    expect((await fetch(feedUrl)).status).toBe(404);
    expect(browser.pageErrors).toEqual([]);
  });
});
