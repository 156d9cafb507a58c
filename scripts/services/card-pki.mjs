// Test PKI for 自然人憑證 (IC-card citizen certificate), development and tests only.
//
// A root CA named 「MOICA 測試」 stands in for the 內政部憑證管理中心 chain, and it issues card
// certificates to demo people. Like real MOICA certificates, a card certificate names the holder
// (CN) but not the national ID number, so the portal binds a card by its certificate serial number.
// Every card has a signing certificate (digitalSignature, nonRepudiation) and an encryption
// certificate (keyEncipherment), as a real card does. One card is revoked (listed on the CRL), one
// has expired. The CRL is re-issued on every request by card-signer-sim.mjs (its /crl route), with a
// one-day nextUpdate, so the server's freshness check sees a live CRL.
//
// Created once per state directory (`<stateDir>/pki/pki.json`, private keys included: test keys,
// never used anywhere else), then reused. `root-ca.pem` beside it is CITIZEN_CERT_ROOT_CA_FILE.
//
// Needs @peculiar/x509 (npm dependencies installed): imported only after `npm ci` by setup.

import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(crypto.webcrypto);

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const DAY = 86_400_000;
export const TEST_CA_NAME = 'MOICA 測試';
/** PIN of every demo card (a real card's PIN is 6–8 digits, chosen by its holder). */
export const TEST_CARD_PIN = '123456';

/** The demo cards: id (the simulator's name for the card), holder (CN), and what is wrong with it. */
export const TEST_CARDS = [
  { id: 'sdcuser1', holder: '陳志明' },
  { id: 'sdcadmin', holder: '林怡君' },
  { id: 'cabuser1', holder: '李雅婷' },
  { id: 'sysadmin', holder: '系統管理者' },
  { id: 'revoked', holder: '黃淑芬', revoked: true },
  { id: 'expired', holder: '王建宏', expired: true },
];

const randomSerial = () => {
  const bytes = crypto.randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x10; // positive, 16 bytes as MOICA's
  return bytes.toString('hex');
};

async function exportKey(key) {
  const der = Buffer.from(await crypto.webcrypto.subtle.exportKey('pkcs8', key));
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function importKey(pem) {
  return crypto.webcrypto.subtle.importKey(
    'pkcs8',
    x509.PemConverter.decodeFirst(pem),
    { name: RSA.name, hash: RSA.hash },
    true,
    ['sign'],
  );
}

/**
 * Creates a CA and its cards in memory. `caName` lets tests make a second, untrusted CA; `cards`
 * defaults to TEST_CARDS.
 */
export async function createTestPki({ caName = TEST_CA_NAME, crlUrl, cards = TEST_CARDS, now = new Date() } = {}) {
  const rootKeys = await crypto.webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify']);
  const rootName = `C=TW, O=${caName}, CN=${caName} 根憑證`;
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: rootName,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 20 * 365 * DAY),
    keys: rootKeys,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });

  const issued = [];
  for (const card of cards) {
    const keys = await crypto.webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify']);
    const notBefore = card.expired ? new Date(now.getTime() - 3 * 365 * DAY) : new Date(now.getTime() - DAY);
    const notAfter = card.expired ? new Date(now.getTime() - 2 * DAY) : new Date(now.getTime() + 8 * 365 * DAY);
    const common = async (usage) => ({
      serialNumber: randomSerial(),
      subject: `C=TW, CN=${card.holder}`,
      issuer: root.subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: RSA,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(usage, true),
        await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        ...(crlUrl ? [new x509.CRLDistributionPointsExtension([crlUrl])] : []),
      ],
    });
    const signCert = await x509.X509CertificateGenerator.create(
      await common(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation),
    );
    const encCert = await x509.X509CertificateGenerator.create(
      await common(x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.dataEncipherment),
    );
    issued.push({
      id: card.id,
      holder: card.holder,
      pin: card.pin ?? TEST_CARD_PIN,
      revoked: Boolean(card.revoked),
      expired: Boolean(card.expired),
      serial: signCert.serialNumber,
      keyPem: await exportKey(keys.privateKey),
      signCertPem: signCert.toString('pem'),
      encCertPem: encCert.toString('pem'),
    });
  }
  return {
    caName,
    crlUrl: crlUrl ?? null,
    root: { certPem: root.toString('pem'), keyPem: await exportKey(rootKeys.privateKey) },
    cards: issued,
  };
}

/** The state directory's PKI, created on first use. Returns { pki, dir, rootCaFile }. */
export async function ensureTestPki(dir, { crlUrl } = {}) {
  const file = path.join(dir, 'pki.json');
  const rootCaFile = path.join(dir, 'root-ca.pem');
  let pki;
  if (fs.existsSync(file)) {
    pki = JSON.parse(fs.readFileSync(file, 'utf8'));
  } else {
    pki = await createTestPki({ crlUrl });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(pki, null, 2), { mode: 0o600 });
  }
  if (!fs.existsSync(rootCaFile) || fs.readFileSync(rootCaFile, 'utf8') !== pki.root.certPem) {
    fs.writeFileSync(rootCaFile, pki.root.certPem);
  }
  return { pki, dir, rootCaFile };
}

/** A fresh CRL of `pki` listing its revoked cards (DER), valid from now for `validForMs`. */
export async function issueCrl(pki, { now = new Date(), validForMs = DAY, extraRevokedSerials = [] } = {}) {
  const root = new x509.X509Certificate(pki.root.certPem);
  const signingKey = await importKey(pki.root.keyPem);
  const revoked = [...pki.cards.filter((c) => c.revoked).map((c) => c.serial), ...extraRevokedSerials];
  const crl = await x509.X509CrlGenerator.create({
    issuer: root.subject,
    thisUpdate: new Date(now.getTime() - 60_000),
    nextUpdate: new Date(now.getTime() + validForMs),
    signingAlgorithm: RSA,
    signingKey,
    entries: revoked.map((serialNumber) => ({
      serialNumber,
      revocationDate: new Date(now.getTime() - DAY),
      reason: x509.X509CrlReason.keyCompromise,
    })),
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(root)],
  });
  return Buffer.from(crl.rawData);
}

/** What the card's private key makes of `data`: RSASSA-PKCS1-v1_5 with SHA-256 (HiPKI's PKCS1 signature). */
export function signWithCard(card, data) {
  return crypto.sign('sha256', Buffer.from(data), crypto.createPrivateKey(card.keyPem));
}

/** Base64 DER of a PEM certificate (the form HiPKI returns as certb64). */
export function pemToBase64(pem) {
  return Buffer.from(x509.PemConverter.decodeFirst(pem)).toString('base64');
}
