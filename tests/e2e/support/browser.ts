// Chromium (Debian's /usr/bin/chromium) driven by playwright-core, for the e2e tests.
// Each test file launches its own browser with a new, empty user-data-dir (so no cookie, localStorage or
// cache leaks between files) and closes it at the end. Screenshots go to test-results/e2e/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { noteExchange } from '../../support/issued';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1366, height: 900 } as const;
export const MOBILE = { width: 390, height: 844 } as const;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCREENSHOT_DIR = path.join(repoRoot, 'test-results', 'e2e');

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `環境變數 ${name} 未設定。e2e 測試需要已啟動、並提供 web/dist 的 API（npm test 會自動設定）。\n` +
        `${name} is not set: the e2e tests need the running API serving the built web app (npm test sets it).`,
    );
  }
  return value;
}

export function baseUrl(): string {
  return requiredEnv('E2E_BASE_URL').replace(/\/+$/, '');
}

export interface Credentials {
  account: string;
  password: string;
}

export function sysadmin(): Credentials {
  return { account: requiredEnv('E2E_SYSADMIN_ACCOUNT'), password: requiredEnv('E2E_DEMO_PASSWORD') };
}

export function generalUser(): Credentials {
  return { account: requiredEnv('E2E_USER_ACCOUNT'), password: requiredEnv('E2E_DEMO_PASSWORD') };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors thrown in the page (a test can assert there are none). */
  pageErrors: string[];
  close: () => Promise<void>;
}

/** A fresh Chromium with an empty profile, one page, zh-TW, Asia/Taipei, light colour scheme unless asked. */
export async function openBrowser(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: DESKTOP,
    locale: 'zh-TW',
    timezoneId: 'Asia/Taipei',
    colorScheme: options.colorScheme ?? 'light',
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  recordApiExchanges(context);
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What the pages send to and get from the API, for the log scan at the end of npm test
 * (tests/support/issued.ts): passwords and codes typed, tokens, proofs and ids handed out.
 */
function recordApiExchanges(context: BrowserContext) {
  const apiPath = (url: string) => {
    const { pathname } = new URL(url);
    return pathname.startsWith('/api/') ? pathname : null;
  };
  context.on('response', async (response) => {
    const path = apiPath(response.url());
    if (!path) return;
    let sent: unknown;
    try {
      sent = response.request().postDataJSON();
    } catch {
      sent = undefined; // not JSON (a form post to the SSO, a file)
    }
    const json = response.headers()['content-type']?.includes('application/json');
    const answer: unknown = json ? await response.json().catch(() => null) : null; // the page may have closed meanwhile
    noteExchange(path, sent, answer, () => '', response.status() < 400);
  });
}

/** Saves a full-page screenshot as test-results/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Let menus and transitions settle so the picture shows the final state.
  await page.waitForTimeout(300);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Screenshots of the current page in light and dark, desktop and 390 px mobile; restores the desktop viewport. */
export async function screenshotVariants(session: BrowserSession, name: string, prepare?: (page: Page) => Promise<void>) {
  const { page } = session;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['mobile', MOBILE],
    ] as const) {
      await page.setViewportSize(viewport);
      await prepare?.(page);
      await screenshot(page, `${name}-${scheme}-${label}`);
    }
  }
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** One Chromium session per test, which must end without page errors. Call at the top of a test file. */
export function useBrowserPerTest(): () => BrowserSession {
  let session: BrowserSession;
  beforeEach(async () => {
    session = await openBrowser();
  });
  afterEach(async () => {
    expect(session.pageErrors).toEqual([]);
    await session.close();
  });
  return () => session;
}

/**
 * One Chromium session for the steps of one journey (a describe block): opened before the first step,
 * closed after the last, later steps skipped after a failure (stepsInOrder).
 */
export function useBrowserJourney(): () => BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });
  stepsInOrder();
  return () => session!;
}

/**
 * The tests of a describe block are the steps of one journey, each needing the one before: after a
 * failure the later steps are skipped rather than failing again for the same cause.
 */
export function stepsInOrder(): void {
  let broken = false;
  beforeEach((context) => {
    if (broken) context.skip();
  });
  afterEach((context) => {
    if (context.task.result?.state === 'fail') broken = true;
  });
}
