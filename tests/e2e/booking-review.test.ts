// 物品管理 › 場地借用審核 in Chromium, by the manual's words: a general user who holds a venue as 保管人
// finds 場地借用審核 under 管理主控台功能 › 物品管理, approves one request on its row (通過, 審核說明),
// rejects two in one 批次審核 (審核數量, 審核狀態 駁回), and later withdraws the approved one
// (取消借用) — each applicant is mailed, and the screen is looked at in light and dark, desktop and phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, taipeiInstant, taipeiParts } from '../../domain/bookings/slots';
import { createPrisma } from '../../infra/db/prisma';
import { e2e } from '../support/env';
import { apiSession } from '../support/http';
import { createResource } from '../support/resources';
import { createActiveUser } from '../integration/api/support-users';
import { type BrowserSession, openBrowser, screenshot, screenshotVariants, stepsInOrder } from './support/browser';
import { login, reloadUntilListed, sideMenu } from './support/portal';
import { waitForMail } from './support/verification';

const prisma = createPrisma(process.env.DATABASE_URL!);
const today = taipeiParts(new Date()).date;
const slot = (from: number, to: number) => ({
  startsAt: taipeiInstant(addDays(today, 9), from * 60).toISOString(),
  endsAt: taipeiInstant(addDays(today, 9), to * 60).toISOString(),
});

let custodian: Awaited<ReturnType<typeof createActiveUser>>;
let applicant: Awaited<ReturnType<typeof createActiveUser>>;
let venueName: string;

beforeAll(async () => {
  const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
  custodian = await createActiveUser(prisma, 'G01');
  applicant = await createActiveUser(prisma);
  venueName = `10樓專用小禮堂-${Date.now().toString(36)}`;
  const venue = await createResource(prisma, { kind: 'VENUE', agencyId: g01.id, custodian1Id: custodian.id, name: venueName });
  const s = apiSession();
  expect((await s.login(applicant.account, e2e.password())).status).toBe(200);
  for (const [from, to] of [
    [9, 12],
    [13, 14],
    [14, 16],
  ] as const) {
    const answer = await s.post('/api/bookings', {
      kind: 'VENUE',
      resourceId: venue.id,
      ...slot(from, to),
      phone: '2991111',
      phoneExt: '8001',
      headcount: 10,
      host: '陳科長',
      reason: `教育訓練 ${from} 時`,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  }
}, 60_000);

afterAll(() => prisma.$disconnect());

describe('場地借用審核 by the venue’s custodian', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(() => session?.close());
  stepsInOrder();

  const grid = () => session.page.getByRole('grid', { name: '場地借用申請清單' });
  const rowOf = (hours: string) => grid().getByRole('row').filter({ hasText: hours });

  it('a custodian who is a general user finds 場地借用審核 in 物品管理 and approves one on its row', async () => {
    const { page } = session;
    await login(page, { account: custodian.account, password: e2e.password() });
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '管理主控台功能' }).click();
    await menu.getByRole('link', { name: '物品管理' }).click();
    await menu.getByRole('link', { name: '場地借用審核' }).click();
    await page.getByRole('heading', { level: 1, name: '場地借用審核' }).waitFor();
    await reloadUntilListed(page, 'the three requests', rowOf('14:00 - 16:00'), grid());
    await page.getByRole('combobox', { name: '審核狀態' }).getByText('未審核').waitFor();
    await screenshotVariants(session, 'booking-review-1-inbox');

    await rowOf('9:00 - 12:00').getByRole('button', { name: /^通過/ }).click();
    const dialog = page.getByRole('dialog', { name: '通過場地借用申請' });
    await dialog.getByLabel(/審核說明/).fill('請於使用後恢復場地');
    await dialog.getByRole('button', { name: '確定', exact: true }).click();
    await page.getByText('已通過 1 筆').waitFor();
    const mail = await waitForMail(applicant.backupEmail!, '已核准');
    expect(mail.body).toContain('請於使用後恢復場地');
    expect(mail.body).toContain(venueName);
  });

  it('rejects two in one 批次審核 with 審核數量, 審核狀態 and 審核說明', async () => {
    const { page } = session;
    await rowOf('13:00 - 14:00').getByRole('checkbox').check();
    await rowOf('14:00 - 16:00').getByRole('checkbox').check();
    await page.getByRole('button', { name: '批次審核' }).click();
    const dialog = page.getByRole('dialog', { name: '批次審核（2 筆）' });
    await dialog.getByText('審核數量：2 筆').waitFor();
    await dialog.getByRole('radio', { name: '駁回' }).check();
    await dialog.getByRole('button', { name: '確定', exact: true }).click();
    await dialog.getByText('駁回時請填寫審核說明').waitFor();
    await dialog.getByLabel(/審核說明/).fill('該日場地保養');
    await screenshot(page, 'booking-review-2-batch');
    await dialog.getByRole('button', { name: '確定', exact: true }).click();
    await page.getByText('已駁回 2 筆').waitFor();
    await waitForMail(applicant.backupEmail!, '未通過審核');
  });

  it('the approved booking is found under 審核狀態 通過 and withdrawn with 取消借用', async () => {
    const { page } = session;
    await page.getByRole('combobox', { name: '審核狀態' }).click();
    await page.getByRole('option', { name: '通過' }).click();
    await rowOf('9:00 - 12:00').getByText(applicant.account).click();
    const detail = page.getByRole('dialog', { name: '場地借用申請明細' });
    await detail.getByText('請於使用後恢復場地').first().waitFor();
    await screenshotVariants(session, 'booking-review-3-detail');
    await detail.getByRole('button', { name: '取消借用' }).click();
    const revoke = page.getByRole('dialog', { name: '取消借用' });
    await revoke.getByRole('button', { name: '確定' }).click();
    await revoke.getByText('請填寫取消原因').waitFor();
    await revoke.getByLabel(/取消原因/).fill('場地臨時修繕');
    await revoke.getByRole('button', { name: '確定' }).click();
    await page.getByText(/已取消 .* 的場地借用申請/).waitFor();
    const mail = await waitForMail(applicant.backupEmail!, '已取消');
    expect(mail.body).toContain('場地臨時修繕');
    expect(session.pageErrors).toEqual([]);
  });
});
