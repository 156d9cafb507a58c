// The journey in Chromium, through the real API, workflows and mail: a user of an allowed agency
// books a venue from its week (申請 → 申請資訊 → 儲存) and another by time, and a car with a dispatched
// driver (確定申請); each is 未審核 in 場地及公務車申請紀錄. A second user asking for a taken slot is told
// 此時段已被申請 and joins the waiting list (加入候補); when the first user cancels (取消申請), the
// waiting request is offered the slot. The custodian approves the car booking and the driver gets the SMS.
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import type { User } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, mondayOf, taipeiParts } from '../../domain/bookings/slots';
import { createActiveUser } from '../integration/api/support-users';
import { testPrisma } from '../integration/db/helpers';
import { createResource } from '../support/resources';
import { openBrowser, screenshot, stepsInOrder, type BrowserSession } from './support/browser';
import { eventually, gotoPath, login } from './support/portal';
import { waitForMail } from './support/verification';

const prisma = testPrisma();
const password = process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026';
const today = taipeiParts(new Date()).date;
const nextMonday = addDays(mondayOf(today), 7);
const tag = crypto.randomBytes(3).toString('hex');

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openVenueWeek(page: Page, venueName: string) {
  await gotoPath(page, '/applications/venue-bookings');
  await choose(page, '所在地', '永華市政中心');
  await choose(page, '場地', `${venueName}（10樓）`);
  await page.getByRole('button', { name: '查詢' }).click();
  await page.getByRole('button', { name: '下一週' }).click();
  return page.getByRole('table', { name: `${venueName} 可申請時段` });
}

/** 登記者公務電話 and 分機 (pre-filled from 個人帳號管理 when the account has them; these test users do not). */
async function fillPhone(page: Page) {
  const form = page.getByRole('region', { name: '申請資訊' });
  await form.getByLabel('登記者公務電話').fill('2991111');
  await form.getByLabel('登記者分機').fill('8001');
}

async function fillVenueForm(page: Page, end: string) {
  const form = page.getByRole('region', { name: '申請資訊' });
  await choose(page, '結束時段', end);
  await fillPhone(page);
  await form.getByLabel('與會人數').fill('12');
  await form.getByLabel('主持人').fill('陳科長');
  await form.getByLabel('申請事由').fill(`跨局處協調會 ${tag}`);
  return form;
}

describe('場地借用 and 公務車借用, end to end', () => {
  let first: BrowserSession;
  let second: BrowserSession;
  let user: User;
  let other: User;
  let custodian: User;
  let venueName: string;
  let mobile: string;
  stepsInOrder();

  beforeAll(async () => {
    [user, other, custodian] = await Promise.all([
      createActiveUser(prisma),
      createActiveUser(prisma),
      createActiveUser(prisma, 'G01'),
    ]);
    const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    venueName = `跨局處會議室${tag}`;
    await createResource(prisma, {
      kind: 'VENUE',
      agencyId: g01.id,
      custodian1Id: custodian.id,
      name: venueName,
      locationId: 'loc-yonghua',
    });
    mobile = `09${String(Date.now()).slice(-8)}`;
    const driver = await createResource(prisma, {
      kind: 'DRIVER',
      agencyId: g01.id,
      custodian1Id: custodian.id,
      name: `林大哥${tag}`,
      phone: mobile,
    });
    await createResource(prisma, {
      kind: 'CAR',
      agencyId: g01.id,
      custodian1Id: custodian.id,
      locationId: 'loc-madou',
      driverIds: [driver.id],
      name: `TNN-${tag}`,
    });
    first = await openBrowser();
    second = await openBrowser();
    await login(first.page, { account: user.account, password });
    await login(second.page, { account: other.account, password });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await prisma.$disconnect();
  });

  it('two users open the same slot; the first to 儲存 holds it, the second is told 此時段已被申請 and joins 候補', async () => {
    const slot = `申請 周一 ${nextMonday.slice(5)} 9:00`;
    for (const { page } of [first, second]) {
      const grid = await openVenueWeek(page, venueName);
      await grid.getByRole('button', { name: slot }).click();
      await fillVenueForm(page, '12:00');
    }
    await first.page.getByRole('region', { name: '申請資訊' }).getByRole('button', { name: '儲存' }).click();
    await first.page.getByText('已送出申請，狀態：未審核').waitFor();
    await screenshot(first.page, 'booking-journey-1-submitted');
    await waitForMail(custodian.backupEmail!, '待您審核');

    const { page } = second;
    const form = page.getByRole('region', { name: '申請資訊' });
    await form.getByRole('button', { name: '儲存' }).click();
    await page.getByText(/此時段已被申請（.*9:00 - 12:00）/).waitFor();
    await screenshot(page, 'booking-journey-2-conflict');
    await page.getByRole('button', { name: '加入候補' }).click();
    await page.getByText('已送出申請，狀態：候補中').waitFor();
  });

  it('依時間查詢 lists the venue free at 14:00–16:00 and books it', async () => {
    const { page } = second;
    await gotoPath(page, '/applications/venue-bookings');
    await page.getByRole('tab', { name: '依時間查詢允許申請場地清單' }).click();
    await page.getByLabel('日期').fill(nextMonday);
    await choose(page, '開始時段', '14:00');
    await choose(page, '結束時段', '16:00');
    await page.getByRole('button', { name: '查詢' }).click();
    await page.getByRole('button', { name: `選擇 ${venueName}` }).click();
    const form = page.getByRole('region', { name: '申請資訊' });
    await fillPhone(page);
    await form.getByLabel('與會人數').fill('8');
    await form.getByLabel('主持人').fill('王主任');
    await form.getByLabel('申請事由').fill('業務說明');
    await form.getByRole('button', { name: '儲存' }).click();
    await page.getByText('已送出申請，狀態：未審核').waitFor();
  });

  it('場地及公務車申請紀錄 shows the booking 未審核; 取消申請 frees the slot', async () => {
    const { page } = first;
    await gotoPath(page, '/applications/booking-records');
    const grid = page.getByRole('grid', { name: '場地借用紀錄' });
    const row = grid.getByRole('row').filter({ hasText: venueName });
    await row.waitFor();
    expect(await row.innerText()).toContain('未審核');
    await row.getByRole('button', { name: /^詳細/ }).click();
    const dialog = page.getByRole('dialog', { name: '申請詳細資料' });
    await dialog
      .getByRole('link', { name: /申請紀錄|查看|明細/ })
      .first()
      .click();
    await page.getByRole('button', { name: '取消申請' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /確定|取消申請/ })
      .last()
      .click();
    await page
      .getByText(/已取消/)
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'booking-journey-3-cancelled');
    await waitForMail(custodian.backupEmail!, '已由申請人取消');
    // The waiting request is offered the slot: 未審核 now, and its applicant mailed 已送出.
    await eventually('the waiting request offered the slot', async () =>
      Boolean(
        await prisma.booking.findFirst({
          where: {
            applicantUserId: other.id,
            status: 'PENDING',
            startsAt: { lt: new Date(Date.now() + 30 * 86_400_000) },
            reason: { contains: tag },
          },
        }),
      ),
    );
    await waitForMail(other.backupEmail!, '已送出');
  });

  it('books a car with a dispatched driver; the custodian approves; the driver gets the SMS', async () => {
    const { page } = first;
    await gotoPath(page, '/applications/car-bookings');
    await choose(page, '所在地', '麻豆區');
    await choose(page, '車型', '小客車');
    await choose(page, '車號', `TNN-${tag}`);
    await page.getByRole('button', { name: '查詢' }).click();
    await page.getByRole('button', { name: '下一週' }).click();
    await page.getByRole('button', { name: `申請 周二 ${addDays(nextMonday, 1).slice(5)} 8:00` }).click();
    const form = page.getByRole('region', { name: '申請資訊' });
    await choose(page, '結束時段', '12:00');
    await form.getByRole('radio', { name: '是' }).check();
    await choose(page, '選擇司機', `林大哥${tag}`);
    await fillPhone(page);
    await form.getByLabel('申請事由').fill('工地會勘');
    await form.getByLabel('乘坐人數(不含司機)').fill('3');
    await form.getByLabel('目的地').fill('麻豆區公所');
    await form.getByRole('button', { name: '確定申請' }).click();
    await page.getByText('已送出申請，狀態：未審核').waitFor();

    await eventually('the car booking recorded', async () =>
      Boolean(await prisma.request.findFirst({ where: { type: 'CAR_BOOKING', applicantUserId: user.id } })),
    );
    const request = await prisma.request.findFirstOrThrow({ where: { type: 'CAR_BOOKING', applicantUserId: user.id } });
    const c = await openBrowser();
    try {
      await login(c.page, { account: custodian.account, password });
      await gotoPath(c.page, `/console/items/car-bookings/${request.id}`);
      const detail = c.page.getByRole('dialog', { name: '公務車借用申請明細' });
      await detail.getByText('麻豆區公所').waitFor();
      await detail.getByRole('button', { name: '通過' }).click();
      await c.page.getByText(/已通過/).waitFor();
    } finally {
      await c.close();
    }
    await eventually(
      'the driver texted',
      async () => {
        const answer = await fetch(`${process.env.E2E_BASE_URL}/dev/sms/messages?to=${mobile}`);
        const { messages } = (await answer.json()) as { messages: { body: string }[] };
        return messages.some((m) => m.body.includes('派遣通知') && m.body.includes('麻豆區公所'));
      },
      30_000,
    );
    await gotoPath(page, '/applications/booking-records');
    await page.getByRole('tab', { name: '公務車申請紀錄' }).click();
    await page
      .getByRole('grid', { name: '公務車申請紀錄' })
      .getByRole('row')
      .filter({ hasText: '通過' })
      .first()
      .waitFor({ timeout: 30_000 });
    expect(first.pageErrors).toEqual([]);
    expect(second.pageErrors).toEqual([]);
  });
});
