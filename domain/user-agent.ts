// The 瀏覽器 column of 帳號登入紀錄: a User-Agent header made readable ("Chrome 126 / Windows").
// Deliberately small: the browsers and systems the city's staff use, checked in the order that
// matters (Edge and Opera also say "Chrome", Chrome also says "Safari"). Pure; safe in the browser.

export interface UserAgentInfo {
  browser: string | null;
  version: string | null;
  os: string | null;
  /** "Chrome 126 / Windows", "Safari 17 / iOS", "curl 8 / 未知作業系統", or 未知 for an empty header. */
  label: string;
}

const BROWSERS: readonly [name: string, pattern: RegExp][] = [
  ['Edge', /\b(?:Edg|EdgA|EdgiOS|Edge)\/(\d+)/],
  ['Opera', /\b(?:OPR|Opera)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome (Headless)', /\bHeadlessChrome\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS|Chromium)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)(?:[.\d]*)? (?:Mobile\/\w+ )?Safari\//],
  ['Internet Explorer', /\bMSIE (\d+)/],
  ['Internet Explorer', /\bTrident\/.*\brv:(\d+)/],
  ['curl', /^curl\/(\d+)/],
  ['Node.js', /^node(?:-fetch)?(?:\/(\d+))?/],
];

const SYSTEMS: readonly [name: string, pattern: RegExp][] = [
  ['iOS', /\b(?:iPhone|iPad|iPod)\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMac OS X\b|\bMacintosh\b/],
  ['Linux', /\bLinux\b|\bX11\b/],
];

export function parseUserAgent(header: string | null | undefined): UserAgentInfo {
  const ua = (header ?? '').trim();
  if (!ua) return { browser: null, version: null, os: null, label: '未知' };
  let browser: string | null = null;
  let version: string | null = null;
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) {
      browser = name;
      version = match[1] ?? null;
      break;
    }
  }
  const os = SYSTEMS.find(([, pattern]) => pattern.test(ua))?.[0] ?? null;
  const left = browser ? (version ? `${browser} ${version}` : browser) : '未知瀏覽器';
  return { browser, version, os, label: `${left} / ${os ?? '未知作業系統'}` };
}
