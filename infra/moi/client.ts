/**
 * Adapter for the MOI 行動自然人憑證 (TW FidO) SP API — the production code; in development and tests
 * it talks to scripts/services/moi-fido-sim.mjs, which speaks the same protocol (the file's header
 * says what is known and what is assumed).
 *
 *   POST {url}/moise/sp/requestAthOrSignPush   SP-API-ATH-03  push to the APP          → sp_ticket
 *   POST {url}/moise/sp/getSpTicket            SP-API-ATH-01  I-SCAN (QR code)          → sp_ticket
 *   POST {url}/moise/sp/getAthOrSignResult     SP-API-ATH-02  poll                      → result
 *   POST {url}/moise/sp/checkDeviceStatus      SP-API-LF-01   is the ID registered       → Y/N
 *
 * Every request carries sp_checksum (AES-256-GCM of the SHA-256 of named fields, with the SP key);
 * every successful answer carries idp_checksum, checked here before anything is believed. The ID
 * number goes to MOI and nowhere else: it is in no error message and no log line of this module.
 */
import crypto from 'node:crypto';
import type { MoiAthResult, MoiEnvelope, MoiOpCode, MoiResult, MoiSpTicket, MoiTicket, MoiTicketResult } from './types';

/**
 * What went wrong, by what it takes to fix it:
 *   unregistered — the ID number has no 行動自然人憑證 device (IDNUM_USERPROF_NF / IDNUM_DEVPROF_NF …)
 *   invalid-id   — MOI rejects the ID number's format (PM_IDN_FT_ERR)
 *   auth         — our sp_service_id or key is wrong (SPSVCID_NF, INV_SP_CHECKSUM): configuration
 *   rejected     — MOI refused this request for another reason (parameters, duplicate transaction)
 *   unavailable  — MOI down or failing (HTTP 5xx, DB_*, PS_* push errors), network error, timeout
 *   protocol     — an answer we cannot trust or read (bad idp_checksum, bad sp_ticket, not JSON)
 */
export type MoiFidoErrorKind = 'unregistered' | 'invalid-id' | 'auth' | 'rejected' | 'unavailable' | 'protocol';

export class MoiFidoError extends Error {
  override name = 'MoiFidoError';
  constructor(
    message: string,
    readonly kind: MoiFidoErrorKind,
    readonly retryable: boolean,
    /** MOI's error_code, e.g. SP-API-ATH-03-IDNUM_USERPROF_NF */
    readonly code?: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

/** The 系統錯誤代碼 part of an error_code: "SP-API-ATH-02-SPTKT_OVD" → "SPTKT_OVD". */
export function systemCode(errorCode: string): string {
  const m = /^(?:SP|APP)-API-[A-Z]+-\d+-(.+)$/.exec(errorCode);
  return (m ? m[1]! : errorCode).split(':')[0]!.trim();
}

const PENDING = new Set(['SPTKTID_TXNLOG_NF', '20002', '20003']);
const UNREGISTERED = new Set([
  'IDNUM_USERPROF_NF',
  'IDNUM_DEVPROF_NF',
  'DEVID_DEVPROF_NF',
  'DEV_DESC_MISMATCH',
  'PS_FCM_NOT_FOUND',
]);
const AUTH = new Set(['SPSVCID_NF', 'INV_SP_CHECKSUM']);

function errorFor(iface: string, errorCode: string, message: string): MoiFidoError {
  const code = systemCode(errorCode);
  const text = `行動自然人憑證服務回應 ${errorCode}：${message || '（無說明）'}（${iface}）`;
  if (UNREGISTERED.has(code)) return new MoiFidoError(text, 'unregistered', false, errorCode);
  if (code === 'PM_IDN_FT_ERR') return new MoiFidoError(text, 'invalid-id', false, errorCode);
  if (AUTH.has(code)) return new MoiFidoError(text, 'auth', false, errorCode);
  if (/^(DB_|PS_|UNDEFINED|SPSVCID_DBSQL|.*_DBSQL$|.*_INS_ERR$)/.test(code) && code !== 'TXNLOG_INS_ERR')
    return new MoiFidoError(text, 'unavailable', true, errorCode);
  return new MoiFidoError(text, 'rejected', false, errorCode);
}

// ---------------------------------------------------------------------------------------------
// Checksums and tickets

const sha256Hex = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
const s = (v: string | number | undefined | null) => (v === undefined || v === null ? '' : String(v));

/** sp_checksum: hex(iv ‖ AES-256-GCM(key, iv, lower-case hex SHA-256 of payload) ‖ tag), random iv. */
export function moiChecksum(payload: string, key: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  const ct = Buffer.concat([cipher.update(sha256Hex(payload), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, ct, cipher.getAuthTag()]).toString('hex');
}

/** Checks an idp_checksum MOI computed the same way; false for anything malformed. */
export function moiChecksumValid(payload: string, checksum: string | undefined, key: Buffer): boolean {
  if (!checksum || !/^[0-9a-f]+$/i.test(checksum)) return false;
  const raw = Buffer.from(checksum, 'hex');
  if (raw.length < 12 + 16 + 1) return false;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12), { authTagLength: 16 });
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
    const expected = Buffer.from(sha256Hex(payload), 'utf8');
    return plain.length === expected.length && crypto.timingSafeEqual(plain, expected);
  } catch {
    return false;
  }
}

/** Reads an sp_ticket: BASE64URL(JSON) "." BASE64URL(SHA-256(first segment)); null if malformed. */
export function decodeSpTicket(ticket: string): MoiSpTicket | null {
  const dot = ticket.lastIndexOf('.');
  if (dot < 1) return null;
  const payload = ticket.slice(0, dot);
  const digest = crypto.createHash('sha256').update(payload, 'utf8').digest('base64url');
  if (digest !== ticket.slice(dot + 1).replace(/=+$/, '')) return null;
  try {
    const fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as MoiSpTicket;
    return typeof fields.transaction_id === 'string' && typeof fields.sp_ticket_id === 'string' ? fields : null;
  } catch {
    return null;
  }
}

/** MOI's hashed_id_num of an ID number (assumed: hex SHA-256 of the upper-case number). */
export const moiHashedIdNum = (idNum: string) => sha256Hex(idNum.trim().toUpperCase());

// ---------------------------------------------------------------------------------------------

export interface MoiFidoClientOptions {
  /** https://fidoapi.moi.gov.tw (a trailing /moise/sp is accepted too) */
  url: string;
  spServiceId: string;
  /** base64 of the 32-byte AES key MOI issued to the SP */
  spKey: string;
  timeoutMs?: number;
}

export interface MoiAuthRequest {
  /** Unique per request, ≤ 100 characters; MOI refuses a reused one. */
  transactionId: string;
  idNum: string;
  /** Shown in the APP, e.g. 「臺南市政府單一帳號認證平台 登入」. */
  hint: string;
  /** Seconds the person has to answer (30–600). */
  timeLimit: number;
}

export interface MoiFidoClient {
  /** SP-API-ATH-03: push an authentication request to the person's APP. */
  requestPush(input: MoiAuthRequest): Promise<MoiTicket>;
  /** SP-API-ATH-01 with op_mode I-SCAN: a ticket to show as a QR code for the APP to scan. */
  requestQrCode(input: MoiAuthRequest): Promise<MoiTicket>;
  /** SP-API-ATH-02: the person's answer so far. */
  getResult(ticket: { transactionId: string; spTicketId: string }): Promise<MoiResult>;
  /** SP-API-LF-01: whether the ID number has a registered 行動自然人憑證. */
  checkDeviceStatus(input: { transactionId: string; idNum: string }): Promise<{ registered: boolean }>;
}

export function createMoiFidoClient(options: MoiFidoClientOptions): MoiFidoClient {
  const base = options.url.replace(/\/+$/, '').replace(/\/moise\/sp$/i, '');
  const key = Buffer.from(options.spKey, 'base64');
  if (key.length !== 32) throw new Error('MOI_FIDO_SP_KEY must be base64 of 32 bytes');
  const serviceId = options.spServiceId;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call<T>(iface: string, endpoint: string, body: Record<string, unknown>): Promise<MoiEnvelope<T>> {
    let response: Response;
    try {
      response = await fetch(`${base}/moise/sp/${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
      const what =
        e.name === 'TimeoutError'
          ? `${timeoutMs / 1000} 秒內沒有回應`
          : (e.cause?.code ?? e.cause?.message ?? e.message ?? String(error));
      throw new MoiFidoError(`無法連線至行動自然人憑證服務（${iface} ${endpoint}）：${what}`, 'unavailable', true);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const status = response.status;
      const retryable = status >= 500 || status === 408 || status === 429;
      throw new MoiFidoError(
        `行動自然人憑證服務回應 HTTP ${status}（${iface} ${endpoint}）`,
        retryable ? 'unavailable' : 'protocol',
        retryable,
        undefined,
        status,
      );
    }
    let json: MoiEnvelope<T>;
    try {
      json = JSON.parse(text) as MoiEnvelope<T>;
    } catch {
      throw new MoiFidoError(`行動自然人憑證服務的回應不是 JSON（${iface} ${endpoint}）`, 'protocol', true);
    }
    if (!json || typeof json.error_code !== 'string') {
      throw new MoiFidoError(`行動自然人憑證服務的回應缺少 error_code（${iface} ${endpoint}）`, 'protocol', true);
    }
    return json;
  }

  async function ticket(
    iface: string,
    endpoint: string,
    body: Record<string, unknown>,
    checksumPayload: string,
    input: MoiAuthRequest,
  ): Promise<MoiTicket> {
    const sent = Date.now();
    const answer = await call<MoiTicketResult>(iface, endpoint, { ...body, sp_checksum: moiChecksum(checksumPayload, key) });
    if (answer.error_code !== '0') throw errorFor(iface, answer.error_code, answer.error_message);
    const spTicket = answer.result?.sp_ticket;
    if (!spTicket || !moiChecksumValid(input.transactionId + answer.error_code + spTicket, answer.result?.idp_checksum, key)) {
      throw new MoiFidoError(`行動自然人憑證服務的回應驗證失敗（${iface} idp_checksum）`, 'protocol', false, answer.error_code);
    }
    const fields = decodeSpTicket(spTicket);
    if (!fields || fields.transaction_id !== input.transactionId) {
      throw new MoiFidoError(`行動自然人憑證服務回傳的 sp_ticket 無法辨識（${iface}）`, 'protocol', false, answer.error_code);
    }
    return {
      transactionId: input.transactionId,
      spTicketId: fields.sp_ticket_id,
      spTicket,
      hashedIdNum: fields.hashed_id_num ?? null,
      // Our own clock, from before the request left: never later than MOI's own expiry.
      expiresAt: new Date(sent + input.timeLimit * 1000),
    };
  }

  return {
    requestPush(input) {
      const body = {
        transaction_id: input.transactionId,
        sp_service_id: serviceId,
        id_num: input.idNum,
        op_code: 'ATH' satisfies MoiOpCode,
        hint: input.hint,
        time_limit: input.timeLimit,
      };
      const payload = input.transactionId + serviceId + input.idNum + '' + 'ATH' + input.hint + '';
      return ticket('SP-API-ATH-03', 'requestAthOrSignPush', body, payload, input);
    },

    requestQrCode(input) {
      const body = {
        transaction_id: input.transactionId,
        sp_service_id: serviceId,
        id_num: input.idNum,
        op_code: 'ATH' satisfies MoiOpCode,
        op_mode: 'I-SCAN',
        hint: input.hint,
        time_limit: String(input.timeLimit),
      };
      const payload = input.transactionId + serviceId + input.idNum + 'ATH' + 'I-SCAN' + input.hint + '';
      return ticket('SP-API-ATH-01', 'getSpTicket', body, payload, input);
    },

    async getResult({ transactionId, spTicketId }) {
      const iface = 'SP-API-ATH-02';
      const answer = await call<MoiAthResult>(iface, 'getAthOrSignResult', {
        transaction_id: transactionId,
        sp_service_id: serviceId,
        sp_checksum: moiChecksum(transactionId + serviceId + spTicketId, key),
        sp_ticket_id: spTicketId,
      });
      if (answer.error_code === '0') {
        const r = answer.result;
        if (
          !r?.hashed_id_num ||
          !moiChecksumValid(transactionId + '0' + r.hashed_id_num + s(r.signed_response), r.idp_checksum, key)
        ) {
          throw new MoiFidoError(
            `行動自然人憑證服務的回應驗證失敗（${iface} idp_checksum）`,
            'protocol',
            false,
            answer.error_code,
          );
        }
        return {
          status: 'APPROVED',
          hashedIdNum: r.hashed_id_num,
          signedResponse: r.signed_response ?? null,
          cert: r.cert ?? null,
        };
      }
      const code = systemCode(answer.error_code);
      if (PENDING.has(code)) return { status: 'PENDING' };
      const decided = (status: 'DENIED' | 'EXPIRED' | 'REDEEMED' | 'NOT_FOUND') => ({
        status,
        code: answer.error_code,
        message: answer.error_message,
      });
      if (code === 'APP_USER_CANCEL' || code === 'APP_SIGN_FAILURE' || code === 'PM_INV_SG') return decided('DENIED');
      if (code === 'SPTKT_OVD') return decided('EXPIRED');
      if (code === 'SPTKTID_SPTKT_RDM') return decided('REDEEMED');
      if (code === 'SPTKTID_SPTKT_NF') return decided('NOT_FOUND');
      throw errorFor(iface, answer.error_code, answer.error_message);
    },

    async checkDeviceStatus({ transactionId, idNum }) {
      const iface = 'SP-API-LF-01';
      const answer = await call<{ is_fido: string; is_mcert_sign: string; idp_checksum: string }>(iface, 'checkDeviceStatus', {
        transaction_id: transactionId,
        sp_service_id: serviceId,
        sp_checksum: moiChecksum(transactionId + serviceId + idNum, key),
        id_num: idNum,
      });
      if (answer.error_code !== '0') throw errorFor(iface, answer.error_code, answer.error_message);
      const r = answer.result;
      if (!r || !moiChecksumValid(transactionId + '0' + s(r.is_fido) + s(r.is_mcert_sign), r.idp_checksum, key)) {
        throw new MoiFidoError(`行動自然人憑證服務的回應驗證失敗（${iface} idp_checksum）`, 'protocol', false, answer.error_code);
      }
      return { registered: r.is_fido === 'Y' };
    },
  };
}
