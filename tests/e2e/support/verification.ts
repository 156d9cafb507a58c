// Mail and verification steps shared by the e2e tests: the dev mailbox, the captcha answer and the
// 備用信箱驗證 form, done the way a person does them.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, screenshot } from './browser';
import { eventually, fillCaptcha } from './portal';

export interface Mail {
  id: string;
  subject: string;
  body: string;
  time: string;
}

export async function mailbox(to: string): Promise<Mail[]> {
  const response = await fetch(`${baseUrl()}/dev/mailbox/messages?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`dev mailbox answered ${response.status}`);
  return ((await response.json()) as { messages: Mail[] }).messages;
}

/** The newest mail to `to` whose subject has `subject` and whose id is not in `seen` (polls up to 60 s). */
export async function waitForMail(to: string, subject: string, seen: ReadonlySet<string> = new Set()): Promise<Mail> {
  let found: Mail | undefined;
  await eventually(
    `a mail to ${to} with 「${subject}」`,
    async () => {
      found = (await mailbox(to)).find((m) => m.subject.includes(subject) && !seen.has(m.id));
      return Boolean(found);
    },
    60_000,
  );
  return found!;
}

export async function seenIds(to: string): Promise<Set<string>> {
  return new Set((await mailbox(to)).map((m) => m.id));
}

/** 備用信箱 + 圖形驗證碼 → submit → the newest unseen 驗證碼 mail → 驗證碼 → submit. */
export async function verifyBackupEmail(page: Page, email: string, submitLabel: string, shot: string) {
  const seen = await seenIds(email);
  const form = page.getByRole('form', { name: '備用信箱驗證' });
  await form.getByLabel(/^備用信箱/).fill(email);
  await fillCaptcha(form);
  await screenshot(page, `${shot}-email`);
  await form.getByRole('button', { name: submitLabel, exact: true }).click();

  const codeForm = page.getByRole('form', { name: '輸入驗證碼' });
  await codeForm.waitFor();
  const mail = await waitForMail(email, '驗證碼', seen);
  const code = /\b(\d{6})\b/.exec(mail.body)?.[1];
  expect(code, 'a 6-digit code in the mail').toBeTruthy();
  await codeForm.getByLabel(/^驗證碼/).fill(code!);
  await screenshot(page, `${shot}-code`);
  await codeForm.getByRole('button', { name: submitLabel, exact: true }).click();
}
