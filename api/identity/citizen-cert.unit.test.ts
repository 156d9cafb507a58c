import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPki,
  issueCrl,
  pemToBase64,
  signWithCard,
  type TestCard,
  type TestPki,
} from '../../scripts/services/card-pki.mjs';
import { AppError } from '../errors';
import { challengeText, createCrlSource, parseBundle, verifyCardSignature } from './citizen-cert';

// The card verification against a test CA: what the server accepts and what it refuses, and why.
const TBS = challengeText('LOGIN', 'nonce-0123456789');

let moica: TestPki;
let other: TestPki;
let crl: x509.X509Crl;
const card = (pki: TestPki, id: string) => pki.cards.find((c) => c.id === id)!;

beforeAll(async () => {
  [moica, other] = await Promise.all([
    createTestPki({
      cards: [
        { id: 'good', holder: '陳志明' },
        { id: 'revoked', holder: '黃淑芬', revoked: true },
        { id: 'expired', holder: '王建宏', expired: true },
      ],
    }),
    createTestPki({ caName: '其他憑證機構', cards: [{ id: 'stranger', holder: '陳志明' }] }),
  ]);
  crl = new x509.X509Crl(new Uint8Array(await issueCrl(moica)));
}, 60_000);

function answer(c: TestCard, overrides: { tbs?: string; certPem?: string } = {}) {
  return {
    certificate: pemToBase64(overrides.certPem ?? c.signCertPem),
    signature: signWithCard(c, overrides.tbs ?? TBS).toString('base64'),
    tbs: TBS,
    bundle: parseBundle(moica.root.certPem),
    crlFor: async () => crl,
  };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('verifyCardSignature', () => {
  it('accepts a good card and names its holder, serial and expiry', async () => {
    const good = card(moica, 'good');
    const result = await verifyCardSignature(answer(good));
    expect(result.serial).toBe(good.serial);
    expect(result.subject).toBe('陳志明');
    expect(result.notAfter.getTime()).toBeGreaterThan(Date.now());
  });

  it('accepts the certificate as PEM too', async () => {
    const good = card(moica, 'good');
    const result = await verifyCardSignature({ ...answer(good), certificate: good.signCertPem });
    expect(result.serial).toBe(good.serial);
  });

  it('refuses a signature over another challenge', async () => {
    const error = await refusal(verifyCardSignature(answer(card(moica, 'good'), { tbs: challengeText('LOGIN', 'other-nonce') })));
    expect(error.code).toBe('CITIZEN_CERT_INVALID');
    expect(error.message).toBe('自然人憑證簽章驗證失敗，請重新操作');
  });

  it('refuses a tampered signature', async () => {
    const input = answer(card(moica, 'good'));
    const bytes = Buffer.from(input.signature, 'base64');
    bytes[10] = bytes[10]! ^ 0x01;
    const error = await refusal(verifyCardSignature({ ...input, signature: bytes.toString('base64') }));
    expect(error.code).toBe('CITIZEN_CERT_INVALID');
  });

  it('refuses a certificate that does not belong to the signing key', async () => {
    // A good card's certificate presented with another card's signature.
    const input = answer(card(moica, 'revoked'), { certPem: card(moica, 'good').signCertPem });
    expect((await refusal(verifyCardSignature(input))).code).toBe('CITIZEN_CERT_INVALID');
  });

  it('refuses a card of another CA, even with the same holder name', async () => {
    const error = await refusal(verifyCardSignature(answer(card(other, 'stranger'))));
    expect(error.code).toBe('CITIZEN_CERT_UNTRUSTED');
    expect(error.message).toBe('此憑證不是由內政部憑證管理中心簽發的自然人憑證');
  });

  it('refuses an expired card and says when it expired', async () => {
    const error = await refusal(verifyCardSignature(answer(card(moica, 'expired'))));
    expect(error.code).toBe('CITIZEN_CERT_EXPIRED');
    expect(error.message).toMatch(/^此自然人憑證已於 \d{4}-\d{2}-\d{2} 逾有效期限/);
  });

  it('refuses a revoked card', async () => {
    const error = await refusal(verifyCardSignature(answer(card(moica, 'revoked'))));
    expect(error.code).toBe('CITIZEN_CERT_REVOKED');
    expect(error.message).toBe('此自然人憑證已被廢止，無法使用');
  });

  it("refuses the card's encryption certificate (key usage)", async () => {
    const good = card(moica, 'good');
    const error = await refusal(verifyCardSignature(answer(good, { certPem: good.encCertPem })));
    expect(error.code).toBe('CITIZEN_CERT_INVALID');
    expect(error.message).toBe('此憑證不是自然人憑證的簽章用憑證');
  });

  it('refuses when the CRL is stale or signed by someone else (fails closed)', async () => {
    const good = card(moica, 'good');
    const stale = new x509.X509Crl(new Uint8Array(await issueCrl(moica, { now: new Date(Date.now() - 3 * 86_400_000) })));
    expect((await refusal(verifyCardSignature({ ...answer(good), crlFor: async () => stale }))).code).toBe(
      'CITIZEN_CERT_CRL_UNAVAILABLE',
    );
    const forged = new x509.X509Crl(new Uint8Array(await issueCrl(other)));
    expect((await refusal(verifyCardSignature({ ...answer(good), crlFor: async () => forged }))).code).toBe(
      'CITIZEN_CERT_CRL_UNAVAILABLE',
    );
  });

  it('refuses garbage instead of a certificate', async () => {
    const error = await refusal(verifyCardSignature({ ...answer(card(moica, 'good')), certificate: 'bm90IGEgY2VydA==' }));
    expect(error.code).toBe('CITIZEN_CERT_INVALID');
  });
});

describe('createCrlSource', () => {
  it('fails closed with a clear message when the CRL cannot be fetched', async () => {
    const source = createCrlSource('http://127.0.0.1:9/crl', {
      fetchImpl: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const error = await refusal(source());
    expect(error.code).toBe('CITIZEN_CERT_CRL_UNAVAILABLE');
    expect(error.message).toBe('目前無法取得憑證廢止清冊，暫時無法驗證自然人憑證，請稍後再試或改用其他方式');
    expect(error.status).toBe(503);
  });

  it('downloads once and serves the cached CRL until it is due', async () => {
    const der = await issueCrl(moica);
    let downloads = 0;
    const source = createCrlSource('http://ca.example/crl', {
      fetchImpl: async () => {
        downloads++;
        return new Response(new Uint8Array(der));
      },
    });
    const [a, b] = await Promise.all([source(), source()]);
    await source();
    expect(downloads).toBe(1);
    expect(a.findRevoked(card(moica, 'revoked').serial)).not.toBeNull();
    expect(b.findRevoked(card(moica, 'good').serial)).toBeNull();
  });
});
