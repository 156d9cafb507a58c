import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { moiChecksum as simChecksum, moiChecksumValid as simChecksumValid } from '../../scripts/services/moi-fido-sim.mjs';
import { createMoiFidoClient, decodeSpTicket, MoiFidoError, moiChecksum, moiChecksumValid, systemCode } from './client';

const keyB64 = crypto.randomBytes(32).toString('base64');
const key = Buffer.from(keyB64, 'base64');

describe('sp_checksum / idp_checksum', () => {
  it('is what the simulator (MOI) accepts, and accepts what it makes', () => {
    const payload = 'tx-1SP-TESTA123456789ATH臺南市政府 登入';
    expect(simChecksumValid(payload, moiChecksum(payload, key), keyB64)).toBe(true);
    expect(moiChecksumValid(payload, simChecksum(payload, keyB64), key)).toBe(true);
  });

  it('fails for another payload, another key, or a damaged value', () => {
    const sum = moiChecksum('abc', key);
    expect(moiChecksumValid('abd', sum, key)).toBe(false);
    expect(moiChecksumValid('abc', sum, crypto.randomBytes(32))).toBe(false);
    expect(moiChecksumValid('abc', `${sum.slice(0, -2)}00`, key)).toBe(false);
    expect(moiChecksumValid('abc', 'zz', key)).toBe(false);
    expect(moiChecksumValid('abc', undefined, key)).toBe(false);
  });

  it('uses a fresh IV each time (no GCM nonce reuse under the SP key)', () => {
    expect(moiChecksum('same', key).slice(0, 24)).not.toBe(moiChecksum('same', key).slice(0, 24));
  });
});

describe('sp_ticket and error codes', () => {
  const ticket = (fields: object) => {
    const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
    return `${payload}.${crypto.createHash('sha256').update(payload).digest('base64url')}`;
  };

  it('decodes a ticket whose digest matches, and refuses a tampered one', () => {
    const t = ticket({ transaction_id: 't1', sp_ticket_id: 's1', op_code: 'ATH', op_mode: 'PUSH', sp_service_id: 'x' });
    expect(decodeSpTicket(t)).toMatchObject({ transaction_id: 't1', sp_ticket_id: 's1' });
    const [payload, digest] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ transaction_id: 't1', sp_ticket_id: 'other' })).toString('base64url');
    expect(decodeSpTicket(`${forged}.${digest}`)).toBeNull();
    expect(decodeSpTicket(payload!)).toBeNull();
  });

  it('reads the 系統錯誤代碼 out of an error_code', () => {
    expect(systemCode('SP-API-ATH-02-SPTKT_OVD')).toBe('SPTKT_OVD');
    expect(systemCode('SP-API-LF-01-INV_SP_CHECKSUM')).toBe('INV_SP_CHECKSUM');
    expect(systemCode('20002')).toBe('20002');
    expect(systemCode('SPTKTID_TXNLOG_NF: transaction log not found')).toBe('SPTKTID_TXNLOG_NF');
  });
});

describe('answers the adapter does not trust', () => {
  afterEach(() => vi.unstubAllGlobals());
  const client = () =>
    createMoiFidoClient({ url: 'https://fidoapi.example', spServiceId: 'SP-T', spKey: keyB64, timeoutMs: 1000 });
  const answer = (body: unknown, status = 200) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })),
    );
  const push = () => client().requestPush({ transactionId: 't1', idNum: 'A123456789', hint: 'h', timeLimit: 60 });

  it('refuses a ticket whose idp_checksum was not made with our key', async () => {
    answer({
      error_code: '0',
      error_message: '',
      result: { sp_ticket: 'a.b', idp_checksum: moiChecksum('t10a.b', crypto.randomBytes(32)) },
    });
    await expect(push()).rejects.toMatchObject({ kind: 'protocol' });
  });

  it('names an unregistered ID number, a bad configuration and an outage apart, without the ID number', async () => {
    answer({ error_code: 'SP-API-ATH-03-IDNUM_USERPROF_NF', error_message: '[1051] 您尚未註冊綁定裝置', result: null });
    const unregistered = (await push().catch((e: unknown) => e)) as MoiFidoError;
    expect(unregistered).toMatchObject({ kind: 'unregistered', retryable: false });
    expect(unregistered.message).not.toContain('A123456789');

    answer({ error_code: 'SP-API-ATH-03-INV_SP_CHECKSUM', error_message: '[9004]', result: null });
    await expect(push()).rejects.toMatchObject({ kind: 'auth', retryable: false });

    answer('<html>503</html>', 503);
    await expect(push()).rejects.toMatchObject({ kind: 'unavailable', retryable: true, httpStatus: 503 });

    answer('not json');
    await expect(push()).rejects.toMatchObject({ kind: 'protocol' });
  });

  it('reports a timeout as unavailable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        await new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
        return new Response('');
      }),
    );
    await expect(push()).rejects.toMatchObject({ kind: 'unavailable', message: expect.stringContaining('1 秒內沒有回應') });
  });

  it('maps getAthOrSignResult codes to pending, denied, expired and redeemed', async () => {
    const poll = () => client().getResult({ transactionId: 't1', spTicketId: 's1' });
    for (const [code, status] of [
      ['SP-API-ATH-02-SPTKTID_TXNLOG_NF', 'PENDING'],
      ['20002', 'PENDING'],
      ['SP-API-ATH-02-APP_USER_CANCEL', 'DENIED'],
      ['SP-API-ATH-02-SPTKT_OVD', 'EXPIRED'],
      ['SP-API-ATH-02-SPTKTID_SPTKT_RDM', 'REDEEMED'],
    ] as const) {
      answer({ error_code: code, error_message: '', result: null });
      await expect(poll()).resolves.toMatchObject({ status });
    }
    answer({
      error_code: '0',
      error_message: '',
      result: { hashed_id_num: 'h', signed_response: 's', idp_checksum: moiChecksum('t10hs', key) },
    });
    await expect(poll()).resolves.toEqual({ status: 'APPROVED', hashedIdNum: 'h', signedResponse: 's', cert: null });
    answer({
      error_code: '0',
      error_message: '',
      result: { hashed_id_num: 'h', signed_response: 's', idp_checksum: moiChecksum('t10hX', key) },
    });
    await expect(poll()).rejects.toBeInstanceOf(MoiFidoError);
  });
});
