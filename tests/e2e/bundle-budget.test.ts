// Issue 15 P4: the pages every visit starts on — 公務入口網 (/), 個人帳號登入, 單一帳號認證平台 (where
// /login and every relying party send people) and 首頁 (where every login lands) — download at most
// 250 KB of JavaScript (gzip). Measured on the build the browser tests use; every page's figure is printed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIRST_ROUTE_BUDGET, measurePages } from '../../scripts/lib/bundle-budget.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = process.env.WEB_DIST ?? path.join(root, 'web', 'dist');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const FIRST_PAGES = ['landing', 'login', 'ssoLogin', 'home'];

describe('JavaScript budget of the first page of a visit', () => {
  const pages = measurePages(dist, path.join(root, 'web', 'src', 'routes', 'pages.ts'));

  it('measures every built page', () => {
    console.info(`JavaScript（gzip）每頁首次載入：\n${pages.map((p) => `  ${kb(p.jsGzip).padStart(9)}  ${p.page}`).join('\n')}`);
    expect(pages.map((p) => p.page)).toEqual(expect.arrayContaining(FIRST_PAGES));
    expect(pages.every((p) => p.jsGzip > 50 * 1024)).toBe(true);
  });

  it(`登入、單一帳號認證平台 and 首頁 each stay within ${kb(FIRST_ROUTE_BUDGET)}`, () => {
    const over = pages
      .filter((p) => FIRST_PAGES.includes(p.page) && p.jsGzip > FIRST_ROUTE_BUDGET)
      .map((p) => `${p.page} ${kb(p.jsGzip)}`);
    expect(over).toEqual([]);
  });
});
