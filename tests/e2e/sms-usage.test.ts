// 應用系統詳細 › 簡訊發送使用量 in Chromium: a member of the managing agency sees this month's messages
// against the quota and the latest messages, numbers masked, Mitake's refusal reason in words.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptField } from '../../infra/db/pii';
import { createPrisma } from '../../infra/db/prisma';
import { e2e } from '../support/env';
import { randomMobile } from '../support/reset-users';
import { createSmsSystem } from '../support/sms-systems';
import { createActiveUser } from '../integration/api/support-users';
import { DESKTOP, MOBILE, openBrowser, screenshotVariants, type BrowserSession } from './support/browser';
import { gotoPath, login } from './support/portal';

const prisma = createPrisma(process.env.DATABASE_URL!);
const dataKey = Buffer.from(process.env.DATA_KEY!, 'base64');
let owner: Awaited<ReturnType<typeof createActiveUser>>;
let systemId: string;
const delivered = randomMobile();
const rejected = randomMobile();

beforeAll(async () => {
  owner = await createActiveUser(prisma);
  const { app, client } = await createSmsSystem(prisma, dataKey, owner, {
    name: `公文通知系統 ${crypto.randomBytes(3).toString('hex')}`,
    quota: 5,
  });
  systemId = app.id;
  const row = (to: string, data: object, minutesAgo: number) =>
    prisma.smsMessage.create({
      data: {
        integrationSystemId: client.id,
        idempotencyKey: crypto.randomUUID(),
        recipientCipher: encryptField(to, dataKey, 'sms-recipient'),
        recipientMasked: `${to.slice(0, 4)}***${to.slice(-3)}`,
        body: '您的公文即將到期，請儘速辦理。',
        createdAt: new Date(Date.now() - minutesAgo * 60_000),
        ...data,
      },
    });
  await row(delivered, { status: 'DELIVERED', providerMessageId: '1000000001', providerStatus: '4' }, 30);
  await row(delivered, { status: 'SENT', providerMessageId: '1000000002', providerStatus: '1' }, 10);
  await row(
    rejected,
    {
      status: 'REJECTED',
      providerStatus: 's',
      failureReason: '入口網的簡訊點數不足或帳務處理失敗（帳務處理失敗，無法發送簡訊），請聯絡入口網系統管理者',
    },
    5,
  );
});
afterAll(() => prisma.$disconnect());

describe('簡訊發送使用量 on the system page', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('shows 本月已發送 N / 額度 M 則 with a bar and the latest messages, numbers masked', async () => {
    const { page } = browser;
    await login(page, { account: owner.account, password: e2e.password() });
    await gotoPath(page, `/applications/integrations/systems/${systemId}`);
    const card = page.getByRole('region', { name: '簡訊發送使用量' });
    await card.getByText('本月已發送 2 / 額度 5 則').waitFor();
    await card.getByText('尚可發送 3 則', { exact: false }).waitFor();
    expect(await card.getByRole('progressbar', { name: '本月簡訊額度已使用 40%' }).count()).toBe(1);
    const rows = card.getByRole('table', { name: '最近發送的簡訊' }).getByRole('row');
    expect(await rows.count()).toBe(4);
    await rows.nth(1).getByText('已退件').waitFor();
    await rows.nth(1).getByText('帳務處理失敗', { exact: false }).first().waitFor();
    await rows.nth(2).getByText('已送達電信業者').waitFor();
    await rows.nth(3).getByText('已送達手機').waitFor();
    await rows
      .nth(3)
      .getByText(`${delivered.slice(0, 4)}***${delivered.slice(-3)}`)
      .waitFor();
    const html = await page.content();
    expect(html).not.toContain(delivered);
    expect(html).not.toContain(rejected);
    await screenshotVariants(browser, 'sms-usage-card');

    // On a phone: one block a message instead of the four columns.
    await page.setViewportSize(MOBILE);
    const list = card.getByRole('list', { name: '最近發送的簡訊' });
    await list.waitFor();
    expect(await list.getByRole('listitem').count()).toBe(3);
    await list.getByRole('listitem').first().getByText('已退件').waitFor();
    await page.setViewportSize(DESKTOP);
    expect(browser.pageErrors).toEqual([]);
  });
});
