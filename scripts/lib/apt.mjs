// Installs missing Debian packages when we are root; otherwise says exactly what to run.
import fs from 'node:fs';
import { run } from './proc.mjs';

let updated = false;

export async function ensureDebPackages({ packages, present, what, log = console.log }) {
  if (present()) return;
  const command = `apt-get install -y ${packages.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`${what} 需要 Debian 套件 ${packages.join(', ')}。請以 root 執行：sudo apt-get update && sudo ${command}`);
  }
  log(`安裝 ${what} 所需的 Debian 套件：${packages.join(' ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, quiet: true });
  } catch {
    if (updated) throw new Error(`無法安裝 ${packages.join(' ')}；請手動執行：apt-get update && ${command}`);
    updated = true;
    await run('apt-get', ['update'], { env, quiet: true });
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env, quiet: true });
  }
  if (!present()) throw new Error(`${what}：安裝 ${packages.join(' ')} 後仍找不到所需程式。`);
}

export const CHROMIUM = '/usr/bin/chromium';
export const NGINX = '/usr/sbin/nginx';
// fonts-noto-cjk: without a CJK font, screenshots show zh-TW text as empty boxes.
export const ensureChromium = (log) =>
  ensureDebPackages({
    packages: ['chromium', 'fonts-noto-cjk'],
    present: () => fs.existsSync(CHROMIUM) && fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    what: '瀏覽器測試 (Chromium)',
    log,
  });
