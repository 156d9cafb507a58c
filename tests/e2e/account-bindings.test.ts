// 個人帳號管理 in Chromium: 手機號碼 bound by the SMS code the Mitake simulator received, then 解除綁定;
// 備用電子郵件 重新綁定 by the code from the dev mailbox.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../infra/db/prisma';
import { latestMail } from '../support/applicant';
import { eventually, testEnv } from '../support/env';
import { createActiveUser } from '../integration/api/support-users';
import { baseUrl, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { gotoPath, login } from './support/portal';

const prisma = createPrisma(testEnv().DATABASE_URL);

async function smsCodeTo(mobile: string) {
  return eventually(async () => {
    const { messages } = (await (await fetch(`${baseUrl()}/dev/sms/messages?to=${mobile}`)).json()) as {
      messages: { body: string }[];
    };
    return messages[0] ? /(\d{6})/.exec(messages[0].body)?.[1] : undefined;
  });
}

describe('個人帳號管理 bindings', () => {
  let session: BrowserSession;
  let user: Awaited<ReturnType<typeof createActiveUser>>;

  beforeAll(async () => {
    user = await createActiveUser(prisma);
    session = await openBrowser();
    await login(session.page, { account: user.account, password: process.env.E2E_DEMO_PASSWORD! });
  });
  afterAll(async () => {
    await session?.close();
    await prisma.$disconnect();
  });

  it('binds a mobile number with the SMS code, then 解除綁定 after 確定', async () => {
    const { page } = session;
    const mobile = `09${String(crypto.randomInt(0, 100_000_000)).padStart(8, '0')}`;
    await gotoPath(page, '/account');
    const block = page.getByRole('region', { name: '手機號碼' });
    await block.getByRole('button', { name: '進行「個人手機號碼驗證」' }).click();
    const dialog = page.getByRole('dialog', { name: '個人手機號碼驗證' });
    await dialog.getByRole('textbox', { name: /^手機號碼/ }).fill('0212345678');
    await dialog.getByRole('button', { name: '發送驗證簡訊' }).click();
    await dialog.getByText('手機號碼格式錯誤', { exact: false }).waitFor();

    await dialog.getByRole('textbox', { name: /^手機號碼/ }).fill(mobile);
    await dialog.getByRole('button', { name: '發送驗證簡訊' }).click();
    await dialog.getByText(`簡訊驗證碼已發送至 ${mobile.slice(0, 4)}***${mobile.slice(-3)}`).waitFor();
    expect(await dialog.getByRole('button', { name: '確定' }).isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: '簡訊驗證碼' }).fill(await smsCodeTo(mobile));
    await dialog.getByRole('button', { name: '進行驗證' }).click();
    await dialog.getByText('驗證成功，請點擊「確定」完成綁定。').waitFor();
    await screenshot(page, 'account-mobile-verified');
    await dialog.getByRole('button', { name: '確定' }).click();
    await block.getByText('綁定成功').waitFor();
    await block.getByText(mobile).waitFor();

    await block.getByRole('button', { name: '解除綁定' }).click();
    const confirm = page.getByRole('dialog', { name: '解除綁定' });
    await confirm.getByRole('button', { name: '確定' }).click();
    await block.getByText('解除綁定成功').waitFor();
    await block.getByRole('button', { name: '進行「個人手機號碼驗證」' }).waitFor();
    await screenshot(page, 'account-mobile-unbound');
    const actions = (await prisma.usageRecord.findMany({ where: { userId: user.id } })).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['binding.mobile.bind', 'binding.mobile.unbind']));
  });

  it('re-binds the backup e-mail with the code from the new mailbox; an official address is refused', async () => {
    const { page } = session;
    const next = `e2e-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await gotoPath(page, '/account');
    const block = page.getByRole('region', { name: '備用電子郵件' });
    await block.getByText(user.backupEmail!).waitFor();
    await block.getByRole('button', { name: '重新綁定' }).click();
    const dialog = page.getByRole('dialog', { name: '備用電子郵件驗證' });
    await dialog.getByRole('textbox', { name: /^電子郵件/ }).fill(`${user.account}@mail.tainan.gov.tw`);
    await dialog.getByRole('button', { name: '發送驗證信' }).click();
    await dialog.getByText('備用信箱不可使用公務信箱（@mail.tainan.gov.tw）').waitFor();

    await dialog.getByRole('textbox', { name: /^電子郵件/ }).fill(next);
    await dialog.getByRole('button', { name: '發送驗證信' }).click();
    await dialog.getByText(`驗證信已寄送至 ${next}`, { exact: false }).waitFor();
    const code = /\b(\d{6})\b/.exec((await latestMail(next, '驗證碼')).body)![1]!;
    await dialog.getByRole('textbox', { name: '驗證碼' }).fill(code);
    await dialog.getByRole('button', { name: '進行驗證' }).click();
    await dialog.getByText('驗證成功').waitFor();
    await screenshot(page, 'account-email-verified');
    await dialog.getByRole('button', { name: '確定' }).click();
    await block.getByText('綁定成功').waitFor();
    await block.getByText(next).waitFor();
    await latestMail(user.backupEmail!, '備用電子郵件重新綁定');
  });
});
