// 臨時密碼 in Chromium: 備用信箱 + 圖形驗證碼 → 送出 → the temporary password from the dev mailbox →
// 臨時密碼 + 圖形驗證碼 again → 登入; a wrong one is refused and a used one does not work again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../infra/db/prisma';
import { latestMail } from '../support/applicant';
import { testEnv } from '../support/env';
import { createActiveUser } from '../integration/api/support-users';
import { openBrowser, screenshot, screenshotVariants, type BrowserSession } from './support/browser';
import { fillCaptcha, gotoPath, logout } from './support/portal';

const prisma = createPrisma(testEnv().DATABASE_URL);
const passwordIn = (body: string) => /^\s*([A-HJ-NP-Za-km-z2-9]{12})\s*$/m.exec(body)?.[1];

async function chooseTempPasswordTab(session: BrowserSession) {
  const { page } = session;
  await gotoPath(page, '/login');
  await page.waitForURL('**/login/sso/**');
  await page.getByRole('tab', { name: '臨時密碼' }).click();
  await page.getByLabel(/^備用信箱/).waitFor();
}

describe('臨時密碼 login', () => {
  let session: BrowserSession;
  let user: Awaited<ReturnType<typeof createActiveUser>>;

  beforeAll(async () => {
    user = await createActiveUser(prisma);
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await prisma.$disconnect();
  });

  it('mails a temporary password to the bound backup e-mail and logs in with it once', async () => {
    const { page } = session;
    const email = user.backupEmail!;
    await chooseTempPasswordTab(session);
    await screenshotVariants(session, 'login-temp-password', async (p) => {
      await p.getByLabel(/^備用信箱/).waitFor();
    });

    // The fields are checked before anything is sent.
    await page.getByRole('button', { name: '送出' }).click();
    await page.getByText('請輸入備用信箱').waitFor();

    await page.getByLabel(/^備用信箱/).fill(email);
    await fillCaptcha(page);
    await page.getByRole('button', { name: '送出' }).click();
    await page.getByText(`若 ${email} 已綁定臺南市政府公務帳號，系統已寄送臨時密碼至該信箱`).waitFor();
    await page.getByRole('textbox', { name: /^臨時密碼/ }).waitFor();
    await screenshot(page, 'login-temp-password-sent');

    const mail = await latestMail(email, '臨時密碼');
    const password = passwordIn(mail.body);
    expect(password, mail.body).toBeDefined();

    // A wrong temporary password: refused, the captcha renewed.
    await page.getByRole('textbox', { name: /^臨時密碼/ }).fill('ABCDEFGHJKLM');
    await fillCaptcha(page);
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '備用信箱或臨時密碼錯誤' }).waitFor();
    await screenshot(page, 'login-temp-password-wrong');

    await page.getByRole('textbox', { name: /^臨時密碼/ }).fill(password!);
    await fillCaptcha(page);
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.waitForURL('**/home');
    await page.getByRole('heading', { level: 1, name: '內容主頁' }).waitFor();

    // Used once: after logging out it no longer works.
    await logout(page, user.name);
    await chooseTempPasswordTab(session);
    await prisma.$executeRaw`DELETE FROM rate_limits WHERE key LIKE 'temp-password:%'`;
    await page.getByLabel(/^備用信箱/).fill(email);
    await fillCaptcha(page);
    await page.getByRole('button', { name: '送出' }).click();
    await page.getByRole('textbox', { name: /^臨時密碼/ }).waitFor();
    await page.getByRole('textbox', { name: /^臨時密碼/ }).fill(password!);
    await fillCaptcha(page);
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '備用信箱或臨時密碼錯誤' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/login\/sso\//);
  });
});
