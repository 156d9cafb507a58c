// Page-level steps shared by the e2e tests, written the way a user acts: by labels and visible text.
import type { Locator, Page } from 'playwright-core';
import { baseUrl, type Credentials } from './browser';

export async function gotoPath(page: Page, pathname: string): Promise<void> {
  await page.goto(`${baseUrl()}${pathname}`);
}

export function passwordField(page: Page) {
  // MUI appends an aria-hidden " *" to required labels; match the label's start.
  return page.getByLabel(/^密碼/);
}

/**
 * Types the 圖形驗證碼 shown in `scope` (the page or one form), its answer read from the development-only
 * route by the id on the image — what a person reads off the picture on screen, never a response body
 * that an earlier page's navigation may have discarded.
 */
export async function fillCaptcha(scope: Page | Locator): Promise<void> {
  const image = scope.locator('img[data-captcha-id]');
  await image.waitFor();
  const id = await image.getAttribute('data-captcha-id');
  const response = await fetch(`${baseUrl()}/dev/captcha/${encodeURIComponent(id ?? '')}`);
  if (!response.ok) throw new Error(`dev captcha answered ${response.status}`);
  const { answer } = (await response.json()) as { answer: string };
  await scope.getByLabel(/^圖形驗證碼/).fill(answer);
}

/** Fills the 一般登入 form on the current /login page and submits it. */
export async function submitGeneralLogin(page: Page, credentials: Credentials): Promise<void> {
  await page.getByLabel('登入帳號').fill(credentials.account);
  await passwordField(page).fill(credentials.password);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '登入', exact: true }).click();
}

/** Logs in from /login and waits for 內容主頁. */
export async function login(page: Page, credentials: Credentials): Promise<void> {
  await gotoPath(page, '/login');
  await submitGeneralLogin(page, credentials);
  await page.waitForURL('**/home');
  await page.getByRole('heading', { level: 1, name: '內容主頁' }).waitFor();
}

/** Logs out through the name menu and waits for the landing page. */
export async function logout(page: Page, userName: string): Promise<void> {
  await page.getByRole('button', { name: userName }).click();
  await page.getByRole('menuitem', { name: '登出' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

export function sideMenu(page: Page) {
  return page.getByRole('navigation', { name: '主選單' });
}

/** The current colour scheme, as the theme writes it on <html>. */
export async function colorScheme(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('data-color-scheme'));
}

/**
 * Waits for a page to arrive at `path` through a chain of redirects the app starts by itself (e.g.
 * 變更完成 → 個人帳號登入 → /oidc/auth → /login/sso/…): Playwright's waitForURL gives up when one link of
 * the chain is cut short by the next, which is the chain working as designed.
 */
export async function arrivesAt(page: Page, path: RegExp, timeoutMs = 20_000): Promise<void> {
  await eventually(`the page at ${path}`, async () => path.test(new URL(page.url()).pathname), timeoutMs);
  await page.waitForLoadState('load');
}

/** Waits until `check` returns true (polling), or throws with `what`. */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
}

/**
 * Reloads a console list until `row` is on it: a request reaches the inbox a moment after it is
 * submitted (its workflow writes the row), and the list does not follow by itself.
 */
export async function reloadUntilListed(page: Page, what: string, row: Locator, list: Locator, timeoutMs = 60_000) {
  await eventually(
    what,
    async () => {
      if ((await row.count()) > 0) return true;
      await page.reload();
      await list.waitFor();
      return (await row.count()) > 0;
    },
    timeoutMs,
  );
}
