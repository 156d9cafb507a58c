import crypto from 'node:crypto';
import { CLIENT_COOKIE, clientDigest } from '../../api/auth/client-binding';
import type { apiSession } from './http';

/**
 * For a proof a test issues in-process (as LoginKit or a certificate route would): gives `browser` a
 * binding cookie and answers what the proof's row must store for that browser.
 */
export function bindBrowser(browser: ReturnType<typeof apiSession>): string {
  const hashKey = process.env.HASH_KEY;
  if (!hashKey) throw new Error('HASH_KEY is not set (run the tests through scripts/test.mjs)');
  const value = browser.jar.get(CLIENT_COOKIE) ?? crypto.randomBytes(32).toString('base64url');
  browser.jar.set(CLIENT_COOKIE, value);
  return clientDigest(Buffer.from(hashKey, 'base64'), value);
}
