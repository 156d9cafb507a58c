import { randomBytes } from 'node:crypto';
import { createAdClient, type AdClient, type AdConfig } from '../../../infra/ad/client';
import { adConfigFromEnv } from '../../../infra/ad/config';

/** AD_* from the harness (`npm test`); AD_ROOT_OU is OU=TainanCityTest there. */
export function testAdConfig(): AdConfig {
  return adConfigFromEnv(process.env);
}

/** Short random suffix: accounts are limited to 20 characters. */
export function uniq(bytes = 3): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * One OU per test file under the root OU, so parallel files never see each other's users and
 * afterAll can remove everything with one deleteSubtree.
 */
export async function fileSandbox(
  label: string,
): Promise<{ ad: AdClient; config: AdConfig; code: string; ouDn: string; cleanup: () => Promise<void> }> {
  const config = testAdConfig();
  const ad = createAdClient(config);
  const code = `t-${label}-${uniq(4)}`;
  const ouDn = await ad.ensureOuPath([{ code, name: `整合測試 ${label}` }]);
  return { ad, config, code, ouDn, cleanup: async () => void (await ad.deleteSubtree(ouDn)) };
}

export const GOOD_PASSWORD = 'Tn-Portal-2026!a';
