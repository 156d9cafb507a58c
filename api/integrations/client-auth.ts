import crypto from 'node:crypto';
import net from 'node:net';
import type { IntegrationSystem, PrismaClient } from '@prisma/client';
import type { Request } from 'express';
import { openClientSecret, sealClientSecret } from '../../infra/db/client-secret';
import { fail } from '../errors';

export { CLIENT_SECRET_PURPOSE, openClientSecret, sealClientSecret } from '../../infra/db/client-secret';

const digest = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest();

/** Constant-time string equality (both sides hashed first, so their lengths leak nothing either). */
export function sameSecret(given: string, expected: string): boolean {
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

/** client_id and client_secret from `Authorization: Basic …` (RFC 6749 §2.3.1: each form-urlencoded). */
export function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  try {
    const clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
    const clientSecret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
    return clientId && clientSecret ? { clientId, clientSecret } : null;
  } catch {
    return null;
  }
}

const DUMMY_SECRET = crypto.randomBytes(32).toString('base64url');
const dummyCiphers = new WeakMap<Buffer, Uint8Array>();
/** A sealed secret nobody knows, opened in place of an absent one so every check does the same work. */
function dummyCipher(dataKey: Buffer): Uint8Array {
  let cipher = dummyCiphers.get(dataKey);
  if (!cipher) dummyCiphers.set(dataKey, (cipher = sealClientSecret(DUMMY_SECRET, dataKey)));
  return cipher;
}

type SecretHolder = Pick<IntegrationSystem, 'clientSecretCipher' | 'previousSecretCipher' | 'previousSecretExpiresAt'>;

/** Is the previous secret (更換金鑰) still accepted at `now`? */
export const inRotationGrace = (system: SecretHolder, now = new Date()) =>
  !!system.previousSecretCipher && !!system.previousSecretExpiresAt && system.previousSecretExpiresAt > now;

/**
 * Which of the system's secrets `given` is: the current one, the previous one while its rotation
 * grace lasts (previousSecretExpiresAt in the future), or neither. Constant-time and the same work
 * in every case: two secrets are opened and compared whether or not the system exists or has a
 * previous secret (unknown ones are a sealed random secret). Also answers the current secret, which
 * the OIDC provider's grace middleware hands on (api/sso/client-secret-grace.ts).
 */
export function matchClientSecret(
  system: SecretHolder | null,
  given: string,
  dataKey: Buffer,
  now = new Date(),
): { matched: 'current' | 'previous' | null; current: string } {
  const grace = !!system && inRotationGrace(system, now);
  const current = openClientSecret(system?.clientSecretCipher ?? dummyCipher(dataKey), dataKey);
  const previous = openClientSecret(grace ? system!.previousSecretCipher! : dummyCipher(dataKey), dataKey);
  const currentOk = sameSecret(given, current);
  const previousOk = sameSecret(given, previous);
  const matched = !system ? null : currentOk ? 'current' : previousOk && grace ? 'previous' : null;
  return { matched, current };
}

/**
 * The registered system calling (HTTP Basic client credentials): its current secret, or the
 * previous one until the rotation grace ends. Unknown ids, suspended or revoked systems and wrong
 * secrets get the same answer after the same work.
 */
export async function authenticateClient(prisma: PrismaClient, dataKey: Buffer, req: Request): Promise<IntegrationSystem> {
  const credentials = basicCredentials(req.get('authorization'));
  const system = credentials
    ? await prisma.integrationSystem.findUnique({ where: { clientId: credentials.clientId.slice(0, 200) } })
    : null;
  const { matched } = matchClientSecret(system, credentials?.clientSecret ?? '', dataKey);
  if (!credentials || !system || !matched || system.status !== 'ACTIVE') throw fail('CLIENT_AUTH_FAILED');
  return system;
}

/** Is this address inside one of the system's allowed CIDRs (or equal to an allowed single address)? */
export function addressAllowed(ip: string | undefined, cidrs: readonly string[]): boolean {
  if (!ip) return false;
  const address = ip.startsWith('::ffff:') && net.isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  const family = net.isIPv6(address) ? 'ipv6' : net.isIPv4(address) ? 'ipv4' : null;
  if (!family) return false;
  const list = new net.BlockList();
  for (const entry of cidrs) {
    const [base, prefix] = entry.trim().split('/') as [string, string | undefined];
    const baseFamily = net.isIPv6(base) ? 'ipv6' : net.isIPv4(base) ? 'ipv4' : null;
    if (!baseFamily) continue;
    const bits = prefix === undefined ? (baseFamily === 'ipv4' ? 32 : 128) : Number(prefix);
    if (!Number.isInteger(bits) || bits < 0 || bits > (baseFamily === 'ipv4' ? 32 : 128)) continue;
    list.addSubnet(base, bits, baseFamily);
  }
  return list.check(address, family);
}
