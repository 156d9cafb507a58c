// 管理主控台功能 › 應用系統服務介接管理 in Chromium: a system admin finds two 應用系統服務介接申請 in the
// inbox, reads one (the form in words, the system), 核准 it — its client is issued — and 退回補正 the
// other with a reason the applicant then sees.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2e } from '../support/env';
import { apiSession } from '../support/http';
import { testPrisma } from '../integration/db/helpers';
import { createActiveUser } from '../integration/api/support-users';
import { openBrowser, screenshot, screenshotVariants, sysadmin, type BrowserSession } from './support/browser';
import { eventually, login } from './support/portal';

const prisma = testPrisma();

describe('應用系統服務介接管理 (the console inbox)', () => {
  let session: BrowserSession;
  let systemName: string;
  let ssoKey: string;
  let verifyKey: string;
  let applicant: ReturnType<typeof apiSession>;

  beforeAll(async () => {
    const user = await createActiveUser(prisma, 'G01-91');
    applicant = apiSession();
    expect((await applicant.login(user.account)).status).toBe(200);
    const agency = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    systemName = `差勤管理系統-${crypto.randomBytes(3).toString('hex')}`;
    const system = await applicant.post('/api/application-systems', {
      name: systemName,
      shortName: '差勤',
      agencyId: agency.id,
      contactName: '王小明',
      contactPhone: '06-2991111',
      contactEmail: 'wang@mail.tainan.gov.tw',
      vendorName: 'OO科技股份有限公司',
      description: '差勤管理',
      url: 'https://leave.tainan.gov.tw/',
      productionIps: ['203.0.113.10'],
    });
    expect(system.status, JSON.stringify(system.body)).toBe(201);
    const sso = await applicant.post(`/api/application-systems/${system.body.id}/services/sso/applications`, {
      claims: ['profile', 'email'],
      redirectUris: ['https://leave.tainan.gov.tw/oidc/callback'],
      description: '員工以公務入口網帳號登入差勤系統',
    });
    expect(sso.status, JSON.stringify(sso.body)).toBe(201);
    const verify = await applicant.post(`/api/application-systems/${system.body.id}/services/verify/applications`, {
      claims: ['profile'],
      handler: 'https://leave.tainan.gov.tw/verify?account=',
      description: '行動版以帳號密碼驗證',
    });
    expect(verify.status, JSON.stringify(verify.body)).toBe(201);
    ssoKey = sso.body.key;
    verifyKey = verify.body.key;
    session = await openBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await prisma.$disconnect();
  });

  it('lists the pending applications with 申請單號, 應用系統名稱, 服務, 申請類別, 申請人, 申請時間 and 狀態', async () => {
    const { page } = session;
    await login(page, sysadmin());
    await page.goto(`${e2e.baseUrl()}/console/integrations`);
    await page.getByRole('heading', { level: 1, name: '應用系統服務介接管理' }).waitFor();
    const grid = page.getByRole('grid', { name: '服務介接申請清單' });
    const headers = await grid.getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.trim()).filter(Boolean)).toEqual([
      '申請單號',
      '應用系統名稱',
      '服務',
      '申請類別',
      '申請人',
      '申請時間',
      '狀態',
    ]);
    const row = grid.getByRole('row').filter({ hasText: ssoKey });
    await row.waitFor();
    expect(await row.innerText()).toMatch(new RegExp(`${systemName}[\\s\\S]*單一登入[\\s\\S]*申請[\\s\\S]*待審核`));
    await grid.getByRole('row').filter({ hasText: verifyKey }).waitFor();
    await screenshotVariants(session, 'integration-review-inbox', async (p) => {
      await p.getByRole('grid', { name: '服務介接申請清單' }).getByRole('row').filter({ hasText: ssoKey }).waitFor();
    });
  });

  it('核准 a 單一登入 application from its page: the client is issued for the approved scopes', async () => {
    const { page } = session;
    await page.getByRole('link', { name: ssoKey }).click();
    await page.getByRole('heading', { level: 1, name: '服務介接申請審核' }).waitFor();
    const form = page.getByRole('region', { name: '申請內容' });
    await form.getByText('姓名、帳號及職稱').waitFor();
    await form.getByText('https://leave.tainan.gov.tw/oidc/callback').waitFor();
    await page.getByRole('region', { name: '應用系統資料' }).getByText('OO科技股份有限公司').waitFor();
    await page.getByRole('link', { name: /Temporal/ }).waitFor();
    await screenshot(page, 'integration-review-detail');

    await page.getByRole('button', { name: '核准' }).click();
    const dialog = page.getByRole('dialog', { name: '核准服務介接申請' });
    await dialog.getByText('核發 client_id 與金鑰').waitFor();
    await dialog.getByRole('button', { name: '確定' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已核准申請 ${ssoKey}` })
      .waitFor();
    await page.getByText('狀態：已核准').waitFor({ timeout: 30_000 });

    const application = await prisma.integrationApplication.findUniqueOrThrow({
      where: { key: ssoKey },
      include: { service: { include: { client: true } } },
    });
    expect(application.status).toBe('APPROVED');
    expect(application.service.status).toBe('ACTIVE');
    expect(application.service.client).toMatchObject({
      status: 'ACTIVE',
      redirectUris: ['https://leave.tainan.gov.tw/oidc/callback'],
      scopes: ['openid', 'profile', 'email'],
    });
  });

  it('退回補正 another application with the reason to correct; the applicant sees it', async () => {
    const { page } = session;
    await page.getByRole('link', { name: /^回應用系統服務介接管理/ }).click();
    await page.getByRole('grid', { name: '服務介接申請清單' }).getByRole('link', { name: verifyKey }).click();
    await page.getByRole('heading', { level: 1, name: '服務介接申請審核' }).waitFor();
    await page.getByRole('button', { name: '退回補正' }).click();
    const dialog = page.getByRole('dialog', { name: '退回補正服務介接申請' });
    await dialog.getByRole('button', { name: '確定' }).click();
    await dialog.getByText('退回補正時請填寫審核意見').waitFor();
    await dialog.getByLabel('退回補正原因').fill('請填寫驗證處理常式的完整網址與參數名稱');
    await screenshot(page, 'integration-review-return-dialog');
    await dialog.getByRole('button', { name: '確定' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已將申請 ${verifyKey} 退回補正` })
      .waitFor();
    await page.getByText('狀態：退回補正').waitFor({ timeout: 30_000 });
    await screenshot(page, 'integration-review-returned');

    await eventually('the applicant sees 退回補正 with the reason', async () => {
      const view = await applicant.get(`/api/integration-applications/${verifyKey}`);
      return (
        view.body.status === 'RETURNED' &&
        view.body.reviewComment === '請填寫驗證處理常式的完整網址與參數名稱' &&
        view.body.canResubmit === true
      );
    });
    expect(session.pageErrors).toEqual([]);
  });
});
