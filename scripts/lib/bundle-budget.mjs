// How much JavaScript (gzip) each page of the built web app makes a browser download when it is the
// first page opened: the entry chunk and everything it imports statically, plus the page's own lazy
// chunk and its static imports. Read from Vite's build manifest (web/vite.config.ts `manifest: true`)
// and the page table (web/src/routes/pages.ts), so a new page is measured without being listed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The budget every page a visit starts on must stay within (issue 15, P4), in bytes of gzip. */
export const FIRST_ROUTE_BUDGET = 250 * 1024;

/**
 * Lazy chunks a page loads at once on its first render, beside its own: the SSO login page opens on
 * the 一般登入 tab, imported lazily like the other tabs but always fetched.
 */
const LOADED_AT_ONCE = { ssoLogin: ['src/sso/tabs/PasswordTab.tsx'] };

/**
 * @param {string} distDir the build's output directory
 * @param {string} pagesFile web/src/routes/pages.ts
 * @returns {{ page: string, module: string, jsGzip: number, files: number }[]} every page, largest first
 */
export function measurePages(distDir, pagesFile) {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'));
  const sizes = new Map();
  const gzip = (file) => {
    if (!sizes.has(file)) sizes.set(file, zlib.gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 6 }).length);
    return sizes.get(file);
  };
  const closure = (keys) => {
    const seen = new Set();
    const stack = [...keys];
    while (stack.length) {
      const key = stack.pop();
      if (seen.has(key)) continue;
      if (!manifest[key]) throw new Error(`建置清單中找不到 ${key}`);
      seen.add(key);
      stack.push(...(manifest[key].imports ?? []));
    }
    return seen;
  };
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const source = fs.readFileSync(pagesFile, 'utf8');
  const pages = [...source.matchAll(/(\w+): \(\) => import\('\.\.\/([^']+)'\)/g)];
  if (pages.length === 0) throw new Error(`${pagesFile} 中找不到任何頁面`);
  return pages
    .map(([, page, module]) => {
      const key = Object.keys(manifest).find((k) => k.replace(/\.tsx?$/, '') === `src/${module}`);
      if (!key) {
        // A page module another module imports statically is folded into a shared chunk with no entry of its own.
        throw new Error(
          `建置清單中找不到頁面 ${page}（${module}）：頁面模組不可被其他模組靜態匯入，請把共用的部分移到另一個模組`,
        );
      }
      const files = [...closure([entry, key, ...(LOADED_AT_ONCE[page] ?? [])])]
        .map((k) => manifest[k].file)
        .filter((file) => file.endsWith('.js'));
      return { page, module, jsGzip: files.reduce((sum, file) => sum + gzip(file), 0), files: files.length };
    })
    .sort((a, b) => b.jsGzip - a.jsGzip);
}
