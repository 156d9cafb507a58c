import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import * as x509 from '@peculiar/x509';
import type { IdentityPurpose, PrismaClient } from '@prisma/client';
import { fail } from '../errors';

x509.cryptoProvider.set(crypto.webcrypto as unknown as Crypto);

/**
 * 自然人憑證 (IC-card citizen certificate). The browser asks the signing component on the user's PC
 * (HiPKI, given the PIN) to sign a server challenge with the card's key; the server checks:
 *   1. the signature over the challenge, with the certificate's public key (the card holds the key);
 *   2. the chain up to a configured trust anchor (MOICA; the test CA in development and tests);
 *   3. the validity dates of the certificate and of the CAs above it;
 *   4. key usage: a signing certificate (digitalSignature), not the card's encryption certificate;
 *   5. revocation, on the issuing CA's CRL (fetched, cached briefly; unreachable or stale = refused).
 * A challenge is random, expires, and is spent on first use, whatever the outcome.
 */

export const CHALLENGE_TTL_MS = 5 * 60_000;
const CRL_CACHE_MS = 5 * 60_000;
const CRL_FETCH_TIMEOUT_MS = 10_000;
const MAX_CHAIN = 5;

export interface VerifiedCard {
  /** Certificate serial number, lower-case hex: what User.citizenCertSerial binds. */
  serial: string;
  /** The holder's name (CN). */
  subject: string;
  notAfter: Date;
}

/** The 帳號登入紀錄 name of a certificate attempt (nothing is typed; the card names no account). */
export const certAttemptAccount = (card: Pick<VerifiedCard, 'serial'> | null) =>
  `自然人憑證 ${card?.serial.slice(0, 16) ?? ''}`.trim();

export interface SignedChallenge {
  challengeId: string;
  /** Base64 signature (RSASSA-PKCS1-v1_5 / ECDSA, SHA-256) over the challenge's `tbs`. */
  signature: string;
  /** The card's signing certificate: base64 DER (HiPKI certb64) or PEM. */
  certificate: string;
}

/** The text the card signs: names the service and the purpose, so a signature is good for nothing else. */
export const challengeText = (purpose: IdentityPurpose, nonce: string) => `臺南市政府單一帳號認證平台|${purpose}|${nonce}`;

function parseCertificate(text: string): x509.X509Certificate {
  try {
    const trimmed = text.trim();
    return new x509.X509Certificate(trimmed.startsWith('-----') ? trimmed : Buffer.from(trimmed, 'base64'));
  } catch {
    throw fail('CITIZEN_CERT_INVALID', '無法讀取自然人憑證內容，請重新插入卡片後再試');
  }
}

/** Every certificate in a PEM bundle (trust anchors and intermediate CAs). */
export function parseBundle(pem: string): x509.X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new x509.X509Certificate(block));
}

const within = (cert: x509.X509Certificate, now: Date) => cert.notBefore <= now && now <= cert.notAfter;
const selfSigned = (cert: x509.X509Certificate) => cert.subject === cert.issuer;

async function issuedBy(child: x509.X509Certificate, parent: x509.X509Certificate) {
  if (child.issuer !== parent.subject) return false;
  return child.verify({ publicKey: parent.publicKey, signatureOnly: true }).catch(() => false);
}

function isCa(cert: x509.X509Certificate) {
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  const usage = cert.getExtension(x509.KeyUsagesExtension);
  return Boolean(basic?.ca) && (!usage || (usage.usages & x509.KeyUsageFlags.keyCertSign) !== 0);
}

function holderName(cert: x509.X509Certificate) {
  return cert.subjectName.getField('CN')[0] ?? cert.subject;
}

export interface VerifyInput {
  certificate: string;
  signature: string;
  /** The exact text that was to be signed. */
  tbs: string;
  /** Trust anchors and intermediate CAs. */
  bundle: readonly x509.X509Certificate[];
  /** The issuing CA's CRL (DER or PEM) for the card, given the card's issuer. */
  crlFor: (issuer: x509.X509Certificate) => Promise<x509.X509Crl>;
  now?: Date;
}

/** Checks 1-5 above; throws an AppError with the zh-TW reason, else returns the card's identity. */
export async function verifyCardSignature(input: VerifyInput): Promise<VerifiedCard> {
  const now = input.now ?? new Date();
  const cert = parseCertificate(input.certificate);

  // 1. Possession of the card's key.
  let signatureOk = false;
  try {
    const publicKey = crypto.createPublicKey({ key: Buffer.from(cert.publicKey.rawData), format: 'der', type: 'spki' });
    signatureOk = crypto.verify('sha256', Buffer.from(input.tbs, 'utf8'), publicKey, Buffer.from(input.signature, 'base64'));
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) throw fail('CITIZEN_CERT_INVALID', '自然人憑證簽章驗證失敗，請重新操作');

  // 2-3. Issued by a configured CA (MOICA, or its root); the CAs above it, as far as the bundle goes.
  const issuerOf = async (child: x509.X509Certificate) => {
    for (const candidate of input.bundle) {
      if (!candidate.equal(child) && isCa(candidate) && (await issuedBy(child, candidate))) return candidate;
    }
    return undefined;
  };
  const issuer = await issuerOf(cert);
  if (!issuer) throw untrusted();
  const chain = [cert, issuer];
  for (let top = issuer; !selfSigned(top) && chain.length <= MAX_CHAIN;) {
    const parent = await issuerOf(top);
    if (!parent) break;
    chain.push(parent);
    top = parent;
  }
  if (!within(cert, now)) {
    throw cert.notAfter < now
      ? fail('CITIZEN_CERT_EXPIRED', `此自然人憑證已於 ${dateText(cert.notAfter)} 逾有效期限，請至戶政事務所辦理展期或重新申請`)
      : fail('CITIZEN_CERT_INVALID', '此自然人憑證尚未生效');
  }
  if (chain.slice(1).some((ca) => !within(ca, now))) throw untrusted();

  // 4. A signing certificate.
  const usage = cert.getExtension(x509.KeyUsagesExtension);
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  if (!usage || (usage.usages & x509.KeyUsageFlags.digitalSignature) === 0 || basic?.ca) {
    throw fail('CITIZEN_CERT_INVALID', '此憑證不是自然人憑證的簽章用憑證');
  }

  // 5. Not revoked, on a CRL signed by the card's issuer and still current.
  const crl = await input.crlFor(issuer);
  const crlOk =
    crl.issuer === issuer.subject &&
    (await crl.verify({ publicKey: issuer.publicKey }).catch(() => false)) &&
    (!crl.nextUpdate || crl.nextUpdate > now);
  if (!crlOk) throw crlUnavailable();
  if (crl.findRevoked(cert.serialNumber)) throw fail('CITIZEN_CERT_REVOKED', '此自然人憑證已被廢止，無法使用');

  return { serial: cert.serialNumber.toLowerCase(), subject: holderName(cert), notAfter: cert.notAfter };
}

const dateText = (date: Date) => date.toLocaleDateString('sv-SE', { timeZone: 'Asia/Taipei' });
const untrusted = () => fail('CITIZEN_CERT_UNTRUSTED', '此憑證不是由內政部憑證管理中心簽發的自然人憑證');
const crlUnavailable = () =>
  fail('CITIZEN_CERT_CRL_UNAVAILABLE', '目前無法取得憑證廢止清冊，暫時無法驗證自然人憑證，請稍後再試或改用其他方式');

/** Fetches and caches one CRL URL; concurrent requests share one download. Fails closed. */
export function createCrlSource(url: string, { fetchImpl = fetch, cacheMs = CRL_CACHE_MS } = {}) {
  let cached: { crl: x509.X509Crl; until: number } | undefined;
  let inflight: Promise<x509.X509Crl> | undefined;

  async function download() {
    let response: Response;
    try {
      response = await fetchImpl(url, { signal: AbortSignal.timeout(CRL_FETCH_TIMEOUT_MS) });
    } catch {
      throw crlUnavailable();
    }
    if (!response.ok) throw crlUnavailable();
    const body = Buffer.from(await response.arrayBuffer());
    try {
      const text = body.subarray(0, 32).toString('latin1');
      return new x509.X509Crl(text.startsWith('-----') ? body.toString('latin1') : body);
    } catch {
      throw crlUnavailable();
    }
  }

  return async function crl(): Promise<x509.X509Crl> {
    if (cached && cached.until > Date.now()) return cached.crl;
    inflight ??= download().finally(() => (inflight = undefined));
    const crl = await inflight;
    const nextUpdate = crl.nextUpdate?.getTime() ?? Infinity;
    cached = { crl, until: Math.min(Date.now() + cacheMs, nextUpdate) };
    return crl;
  };
}

export interface CitizenCertConfig {
  rootCaFile: string;
  crlUrl: string;
}

/** Challenges in PostgreSQL (any API replica can check what another issued) and verification. */
export function createCitizenCert(prisma: PrismaClient, config: CitizenCertConfig, options: { fetchImpl?: typeof fetch } = {}) {
  let bundle: x509.X509Certificate[] | undefined;
  const anchors = () => {
    // Read on first use, so a missing file names itself in the error instead of stopping start-up.
    if (!bundle) {
      const pem = fs.readFileSync(config.rootCaFile, 'utf8');
      bundle = parseBundle(pem);
      if (bundle.length === 0) throw new Error(`CITIZEN_CERT_ROOT_CA_FILE ${config.rootCaFile} has no certificate`);
    }
    return bundle;
  };
  const crl = createCrlSource(config.crlUrl, options);

  return {
    /** A fresh challenge for `purpose`; BIND challenges belong to the logged-in user. */
    async challenge(purpose: IdentityPurpose, userId: string | null = null) {
      const nonce = crypto.randomBytes(32).toString('base64url');
      const row = await prisma.certChallenge.create({
        data: { purpose, nonce, userId, expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) },
      });
      return { challengeId: row.id, tbs: challengeText(purpose, nonce), expiresAt: row.expiresAt.toISOString() };
    },

    /**
     * Spends the challenge (once, even when what follows fails), then verifies the signed answer.
     * `userId` must match for BIND challenges.
     */
    async verify(input: SignedChallenge, purpose: IdentityPurpose, userId: string | null = null): Promise<VerifiedCard> {
      const id = typeof input.challengeId === 'string' ? input.challengeId : '';
      const row = /^[0-9a-f-]{36}$/i.test(id) ? await prisma.certChallenge.findUnique({ where: { id } }) : null;
      const spent = row
        ? await prisma.certChallenge.updateMany({
            where: { id: row.id, consumedAt: null, expiresAt: { gt: new Date() }, purpose, userId },
            data: { consumedAt: new Date() },
          })
        : { count: 0 };
      if (!row || spent.count !== 1) throw fail('CHALLENGE_INVALID');
      return verifyCardSignature({
        certificate: String(input.certificate ?? ''),
        signature: String(input.signature ?? ''),
        tbs: challengeText(purpose, row.nonce),
        bundle: anchors(),
        crlFor: () => crl(),
      });
    },
  };
}

export type CitizenCert = ReturnType<typeof createCitizenCert>;
