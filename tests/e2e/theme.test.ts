// 切換色系 in the user's name menu: light ↔ dark, remembered across a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generalUser, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { colorScheme, eventually, login } from './support/portal';

async function toggleColorScheme(session: BrowserSession, userName: string) {
  const { page } = session;
  await page.getByRole('button', { name: userName }).click();
  await page.getByRole('menuitem', { name: /切換色系/ }).click();
  await page.getByRole('menu').waitFor({ state: 'hidden' });
}

describe('colour theme (切換色系)', () => {
  let session: BrowserSession;
  let userName: string;

  beforeAll(async () => {
    session = await openBrowser({ colorScheme: 'light' });
    await login(session.page, generalUser());
    const response = await session.page.request.get(new URL('/api/session', session.page.url()).toString());
    userName = ((await response.json()) as { user: { name: string } }).user.name;
  });

  afterAll(async () => {
    await session?.close();
  });

  it('starts from the system preference, switches to dark and keeps it after a reload', async () => {
    const { page } = session;
    expect(await colorScheme(page)).toBe('light');
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await toggleColorScheme(session, userName);
    await eventually('the page turns dark', async () => (await colorScheme(page)) === 'dark');
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '內容主頁' }).waitFor();
    expect(await colorScheme(page)).toBe('dark');
    await screenshot(page, 'home-dark-after-reload');

    await toggleColorScheme(session, userName);
    await eventually('the page turns light again', async () => (await colorScheme(page)) === 'light');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '內容主頁' }).waitFor();
    expect(await colorScheme(page)).toBe('light');
  });
});
