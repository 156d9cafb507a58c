import crypto from 'node:crypto';
import type { IntegrationSystem, PrismaClient } from '@prisma/client';
import { SignJWT, createLocalJWKSet, importJWK, jwtVerify, errors as joseErrors } from 'jose';
import { fail } from '../errors';
import type { SigningKeys } from '../sso/signing-keys';
import { grantedClaims } from './claims';

/** A 轉登 assertion lives this long: the browser posts it at once, the system redeems it at once. */
export const ASSERTION_TTL_SECONDS = 60;
/** JWT `typ`: an assertion is never mistaken for an ID token signed by the same keys, nor the reverse. */
export const ASSERTION_TYPE = 'redirect-login+jwt';

export interface RedirectLoginDeps {
  prisma: PrismaClient;
  signingKeys: Pick<SigningKeys, 'current' | 'jwks'>;
  /** The SSO's issuer (PUBLIC_URL): the assertion's `iss`. */
  issuer: string;
}

/** 轉登 target: an active system with a handler URL and parameter name. */
export async function redirectTarget(prisma: PrismaClient, systemId: string) {
  const system = await prisma.integrationSystem.findUnique({ where: { id: systemId.slice(0, 64) } });
  if (!system || system.status !== 'ACTIVE' || !system.redirectLoginUrl || !system.redirectLoginParam) {
    throw fail('REDIRECT_LOGIN_UNAVAILABLE');
  }
  return system as IntegrationSystem & { redirectLoginUrl: string; redirectLoginParam: string };
}

/** A one-time signed assertion that `userId` is logged in to the portal, for `system` only. */
export async function issueAssertion(deps: RedirectLoginDeps, system: IntegrationSystem, userId: string) {
  const jti = crypto.randomUUID();
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = new Date((issuedAt + ASSERTION_TTL_SECONDS) * 1000);
  await deps.prisma.redirectLoginAssertion.create({ data: { jti, systemId: system.id, userId, expiresAt } });
  const key = await deps.signingKeys.current();
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: ASSERTION_TYPE })
    .setIssuer(deps.issuer)
    .setAudience(system.clientId)
    .setSubject(userId)
    .setJti(jti)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ASSERTION_TTL_SECONDS)
    .sign(await importJWK(key.privateKey, key.alg));
  return { assertion, jti, expiresAt };
}

/**
 * The target system redeems an assertion: signature, issuer, its own audience, not expired, and
 * accepted exactly once (the jti row is marked consumed in one conditional update). Any failure is
 * the same ASSERTION_INVALID. Answers the user's claims the system was granted.
 */
export async function redeemAssertion(deps: RedirectLoginDeps, system: IntegrationSystem, assertion: string) {
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(await deps.signingKeys.jwks()), {
      issuer: deps.issuer,
      audience: system.clientId,
      typ: ASSERTION_TYPE,
      algorithms: ['RS256'],
      requiredClaims: ['jti', 'sub', 'exp', 'iat'],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) throw fail('ASSERTION_INVALID');
    throw error;
  }
  const now = new Date();
  const consumed = await deps.prisma.redirectLoginAssertion.updateMany({
    where: { jti: payload.jti!, systemId: system.id, userId: payload.sub!, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  if (consumed.count !== 1) throw fail('ASSERTION_INVALID');
  const user = await deps.prisma.user.findUnique({ where: { id: payload.sub! }, select: { status: true } });
  if (user?.status !== 'ACTIVE') throw fail('ASSERTION_INVALID');
  return { claims: await grantedClaims(deps.prisma, payload.sub!, system.scopes) };
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * The page that carries the assertion to the system: a form posted by script at once (a button
 * without script). Its own CSP allows only this script and a form post to the system's origin.
 */
export function autoPostPage(input: { systemName: string; url: string; param: string; assertion: string; nonce: string }) {
  const name = escapeHtml(input.systemName);
  const html = `<!doctype html>
<html lang="zh-Hant-TW">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>轉登至${name}</title>
<style>body{font-family:system-ui,"Noto Sans TC",sans-serif;margin:3rem auto;max-width:32rem;padding:0 1rem;color:#1f2937}button{font:inherit;padding:.5rem 1.5rem}</style></head>
<body>
<form id="redirect-login" method="post" action="${escapeHtml(input.url)}">
<input type="hidden" name="${escapeHtml(input.param)}" value="${escapeHtml(input.assertion)}">
<p>正在轉登至「${name}」，請稍候…</p>
<noscript><p>您的瀏覽器未啟用 JavaScript，請按「繼續」前往。</p></noscript>
<button type="submit">繼續</button>
</form>
<script nonce="${input.nonce}">document.getElementById('redirect-login').submit();</script>
</body>
</html>`;
  const origin = new URL(input.url).origin;
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${input.nonce}'`,
    "style-src 'unsafe-inline'",
    `form-action ${origin}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, csp };
}

/** A small zh-TW page for a 轉登 that cannot happen (the browser is on it, not a script). */
export function problemPage(title: string, message: string) {
  return `<!doctype html>
<html lang="zh-Hant-TW">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"Noto Sans TC",sans-serif;margin:3rem auto;max-width:32rem;padding:0 1rem;color:#1f2937}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/home">回內容主頁</a></p></body>
</html>`;
}
