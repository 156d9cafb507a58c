// MOI 行動自然人憑證 ("TW FidO") SP API simulator for development and tests (docs/dev-contract.md).
//
// Only the network boundary is simulated: infra/moi/client.ts is the production adapter and
// talks to this server exactly as it talks to https://fidoapi.moi.gov.tw (UAT
// https://fidoapi-test.moi.gov.tw). The people's side — the 行動自然人憑證 APP on a phone — is
// replaced by an operator API and a small page (the "phone") with 同意 / 拒絕 buttons.
//
// What was found about the real protocol (public SP client code citing 內政部「行動自然人憑證應用程式
// 介面規格書」v2.9, MOI_CA_DEV_API; the specification itself was not available):
//
//   Every call is POST application/json under /moise/sp/, answered HTTP 200 with an envelope
//     { "error_code": "0" | "<介面編號>-<系統錯誤代碼>", "error_message": "...", "result": {...} }
//   e.g. error_code "SP-API-ATH-01-INV_SP_CHECKSUM". Interfaces:
//     SP-API-ATH-01 getSpTicket           op_mode I-SCAN (QR code) | APP2APP | MWEB2APP
//     SP-API-ATH-02 getAthOrSignResult    poll with transaction_id + sp_ticket_id (≥ 4 s apart)
//     SP-API-ATH-03 requestAthOrSignPush  push to the APP of every device bound to id_num
//     SP-API-LF-01  checkDeviceStatus     { is_fido: Y|N, is_mcert_sign: Y|N }
//   Request fields: transaction_id (≤ 100 chars, unique per request: a reused one fails with
//   TXNLOG_INS_ERR), sp_service_id, sp_checksum, id_num, op_code ATH|SIGN, op_mode, hint (shown in
//   the APP), time_limit (seconds), sign_info { sign_data, sign_type, tbs_encoding, hash_algorithm },
//   device_user_def_desc (ATH-03 only: push to one named device).
//   sp_checksum = hex(iv ‖ AES-256-GCM_key(iv, UTF-8 of lower-case hex SHA-256(payload)) ‖ tag)
//     with the 32-byte AES key MOI issues to the SP (base64), iv 12 bytes, tag 16 bytes; the
//     payload is the concatenation of named fields, unused optional fields as "":
//       ATH-01  transaction_id sp_service_id id_num op_code op_mode hint sign_data
//       ATH-03  transaction_id sp_service_id id_num device_user_def_desc op_code hint sign_data
//       ATH-02  transaction_id sp_service_id sp_ticket_id
//       LF-01   transaction_id sp_service_id id_num
//   idp_checksum (in result) is computed the same way by MOI, over
//       ATH-01/03  transaction_id error_code sp_ticket
//       ATH-02     transaction_id error_code hashed_id_num signed_response
//       LF-01      transaction_id error_code is_fido is_mcert_sign
//   sp_ticket = BASE64URL(payload JSON) "." BASE64URL(SHA-256(BASE64URL(payload JSON))), payload
//     { transaction_id, op_code, op_mode, sp_service_id, sp_ticket_id, sp_name, hint,
//       expiration_time, hashed_id_num, version }
//   ATH-02 answers, besides "0" with result { hashed_id_num, signed_response, cert, idp_checksum }:
//     SPTKTID_TXNLOG_NF [9007] 使用者認證/簽署作業尚未完成 (also 20002 / 20003 in clients) — pending
//     APP_USER_CANCEL   [9015] APP 回報使用者取消                             — denied
//     SPTKT_OVD         [1101] 驗證碼已過期                                   — expired
//     SPTKTID_SPTKT_RDM [1103] 驗證碼已被使用過                               — result already taken
//     SPTKTID_SPTKT_NF  [1102] 驗證碼不存在
//   and, for any interface: INV_SP_CHECKSUM [9004], SPSVCID_NF [9011], PM_IDN_FT_ERR [9006],
//   IDNUM_USERPROF_NF [1051] / IDNUM_DEVPROF_NF [1053] (ID not registered with the APP),
//   SPTKT_TIME_ORV [9010] (time_limit out of range), PM_INV_NF [5002] (missing parameter).
//
// What is assumed (not found publicly), and how a later look at the real specification would
// change this file and the adapter together:
//   - hashed_id_num = lower-case hex SHA-256 of the upper-case id_num.
//   - expiration_time = "yyyyMMddHHmmss" in Asia/Taipei; time_limit accepted 30–600 s, default 300.
//   - In I-SCAN mode the QR code the SP shows carries the sp_ticket itself; the APP's 驗證 function
//     scans it (here: POST /__operator/scan or the page's 掃描 box), then the person decides.
//   - A result is handed out once: the first "0" answer redeems the ticket, later polls get
//     SPTKTID_SPTKT_RDM. 重新發送推播 is a new ATH-03 request (new transaction_id); the earlier
//     request stays valid until it expires, as a second push would on the real service.
//   - For ATH, signed_response is an RSA-SHA256 signature (base64) over the ticket payload segment
//     by a key made at start, and cert is that key's SubjectPublicKeyInfo (base64 DER) — no X.509
//     certificate, because Node alone cannot issue one. The adapter relies on idp_checksum, not on
//     the certificate, to trust a result.
//   - HTTP-level faults use failMode (down5xx → 503, timeout → no answer); every other answer is 200.
//   - State is kept in memory: a request lives minutes, and a restart drops pending ones, as
//     losing a phone's network would.
//
// Dev/test endpoints (not MOI's):
//   GET  /healthz
//   GET  /__operator/requests[?id_num=&status=pending|approved|denied|expired|redeemed]
//         newest first; id_num is shown masked (A12****789) except in `id_num` filtering itself
//   POST /__operator/requests/:sp_ticket_id/approve | /deny | /expire
//   POST /__operator/approve | /deny | /expire   { id_num }  — the newest pending request of that ID
//   POST /__operator/scan   { sp_ticket }  — the APP scanned an I-SCAN QR code: it becomes pending
//   DELETE /__operator/requests
//   GET|POST /__control { failMode: 'none'|'down5xx'|'timeout', unregistered?: [id_num…] }
//   GET  /  → the "phone": pending requests with 同意 / 拒絕, and a box to paste a scanned QR code
//
//   MOI_FIDO_SP_KEY=BASE64 node scripts/services/moi-fido-sim.mjs --port 8910 --sp-service-id ID
//   The SP key comes from the environment only: a command line is readable by every user (ps).

import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 64 * 1024;
const FAIL_MODES = new Set(['none', 'down5xx', 'timeout']);
const DEFAULT_TIME_LIMIT = 300;
const ID_PATTERN = /^[A-Z][12ABCD89]\d{8}$|^[A-Z][A-D]\d{8}$/;

/** 系統錯誤代碼 → [處理建議 number, message], from the specification's table 5-1-1 as found. */
const ERRORS = {
  INV_SP_CHECKSUM: '[9004] 資料驗證不成功，請洽該應用服務之管理員。',
  SPSVCID_NF: '[9011] 資料驗證不成功，請洽該應用服務之管理員。',
  PM_IDN_FT_ERR: '[9006] 身分證號格式錯誤，請確認輸入資訊。',
  PM_INV_NF: '[5002] 簽章不成功，請洽客服人員處理。',
  IDNUM_USERPROF_NF: '[1051] 您尚未註冊綁定裝置，請先綁定裝置並申請行動自然人憑證。',
  SPTKT_TIME_ORV: '[9010] 資料驗證不成功，請洽該應用服務之管理員。',
  TXNLOG_INS_ERR: '[1074] 系統維護中，請稍後再試。',
  TGT_INV: '[9005] 資料驗證不成功，請洽該應用服務之管理員。',
  SPTKTID_TXNLOG_NF: '[9007] 使用者認證/簽署作業尚未完成，請稍後再試。',
  APP_USER_CANCEL: '[9015] APP 回報使用者取消簽章，簽章作業終止。',
  SPTKT_OVD: '[1101] 驗證碼已過期，請重新執行驗證流程。',
  SPTKTID_SPTKT_NF: '[1102] 驗證碼不存在，請重新執行驗證流程。',
  SPTKTID_SPTKT_RDM: '[1103] 驗證碼已被使用過，請重新執行驗證流程。',
  SPTKT_PLD_FT_ERR: '[9002] 資料格式有誤，請洽該應用服務之管理員。',
};

const INTERFACES = {
  getSpTicket: 'SP-API-ATH-01',
  getAthOrSignResult: 'SP-API-ATH-02',
  requestAthOrSignPush: 'SP-API-ATH-03',
  checkDeviceStatus: 'SP-API-LF-01',
};

// ---------------------------------------------------------------------------------------------
// The checksum both sides compute (exported for the adapter's unit tests to cross-check).

export function moiChecksum(payload, keyBase64, iv = crypto.randomBytes(12)) {
  const key = Buffer.from(keyBase64, 'base64');
  const digestHex = crypto.createHash('sha256').update(payload, 'utf8').digest('hex');
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  const ct = Buffer.concat([cipher.update(digestHex, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, ct, cipher.getAuthTag()]).toString('hex');
}

export function moiChecksumValid(payload, checksum, keyBase64) {
  try {
    const raw = Buffer.from(String(checksum ?? ''), 'hex');
    if (raw.length < 12 + 16 + 1) return false;
    const key = Buffer.from(keyBase64, 'base64');
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12), { authTagLength: 16 });
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
    const expected = crypto.createHash('sha256').update(payload, 'utf8').digest('hex');
    return plain.length === expected.length && crypto.timingSafeEqual(Buffer.from(plain), Buffer.from(expected));
  } catch {
    return false;
  }
}

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const s = (v) => (v === undefined || v === null ? '' : String(v));
const hashIdNum = (idNum) => crypto.createHash('sha256').update(idNum.toUpperCase(), 'utf8').digest('hex');
const maskId = (id) => (id.length <= 6 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 6)}${id.slice(-3)}`);

/** yyyyMMddHHmmss in Asia/Taipei (UTC+8, no DST). */
function taipeiTime(date) {
  return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function makeTicket(fields) {
  const payload = b64url(JSON.stringify(fields));
  const digest = b64url(crypto.createHash('sha256').update(payload, 'utf8').digest());
  return `${payload}.${digest}`;
}

function readTicket(ticket) {
  const dot = String(ticket ?? '').lastIndexOf('.');
  if (dot < 1) return null;
  const payload = ticket.slice(0, dot);
  const digest = b64url(crypto.createHash('sha256').update(payload, 'utf8').digest());
  if (digest !== ticket.slice(dot + 1)) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * @param {{ port: number, spServiceId: string, spKey: string, spName?: string, host?: string,
 *           log?: (msg: string) => void }} options
 *   spKey: base64 of the 32-byte AES key shared with the SP. Port 0 picks a free port (tests).
 */
export async function startMoiFidoSimulator({
  port,
  spServiceId,
  spKey,
  spName = '臺南市政府單一帳號認證平台',
  host = HOST,
  log = () => {},
}) {
  if (!spServiceId) throw new Error('MOI FidO simulator: spServiceId is required');
  if (Buffer.from(spKey ?? '', 'base64').length !== 32) throw new Error('MOI FidO simulator: spKey must be base64 of 32 bytes');
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

  /** sp_ticket_id → request */
  const requests = new Map();
  const transactionIds = new Set();
  const state = { failMode: 'none', unregistered: new Set() };
  const held = new Set();
  const releaseHeld = () => {
    for (const res of held) res.destroy();
    held.clear();
  };

  const ctx = { spServiceId, spKey, spName, requests, transactionIds, state, held, privateKey, cert, log };
  const server = http.createServer((req, res) => {
    handle(ctx, req, res).catch((err) => {
      log(`error: ${err.stack ?? err}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  ctx.setFailMode = (mode) => {
    state.failMode = mode;
    if (mode !== 'timeout') releaseHeld();
  };

  const bound = await new Promise((resolve, reject) => {
    server.once('error', (err) => {
      const reason = err.code === 'EADDRINUSE' ? 'is already in use' : `cannot be opened (${err.code ?? err.message})`;
      reject(Object.assign(new Error(`MOI FidO simulator: port ${port} on ${host} ${reason}`), { code: err.code, port }));
    });
    server.listen(port, host, () => resolve(server.address().port));
  });
  log(`MOI FidO simulator: http://${host}:${bound}/moise/sp/, phone page http://${host}:${bound}/`);

  let stopped = false;
  return {
    port: bound,
    url: `http://${host}:${bound}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      releaseHeld();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

async function handle(ctx, req, res) {
  const url = new URL(req.url ?? '/', 'http://sim');
  const method = req.method ?? 'GET';
  const p = url.pathname;

  if (p === '/healthz' && method === 'GET') return sendJson(res, 200, { ok: true, failMode: ctx.state.failMode });

  if (p === '/__control' && (method === 'GET' || method === 'POST')) {
    if (method === 'POST') {
      const body = await readJson(req);
      if (body === undefined) return sendJson(res, 400, { error: 'invalid JSON' });
      if (body.failMode !== undefined) {
        if (!FAIL_MODES.has(body.failMode))
          return sendJson(res, 400, { error: `failMode must be one of ${[...FAIL_MODES].join(', ')}` });
        ctx.setFailMode(body.failMode);
      }
      if (body.unregistered !== undefined) {
        if (!Array.isArray(body.unregistered))
          return sendJson(res, 400, { error: 'unregistered must be an array of ID numbers' });
        ctx.state.unregistered = new Set(body.unregistered.map((id) => String(id).trim().toUpperCase()));
      }
      ctx.log(`control: failMode=${ctx.state.failMode}, unregistered=${ctx.state.unregistered.size}`);
    }
    return sendJson(res, 200, { failMode: ctx.state.failMode, unregistered: ctx.state.unregistered.size });
  }

  if (p === '/' && method === 'GET') {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
    });
    return res.end(PAGE);
  }

  if (p.startsWith('/__operator')) return operator(ctx, req, res, url, method);

  const api = /^\/moise\/sp\/(getSpTicket|getAthOrSignResult|requestAthOrSignPush|checkDeviceStatus)$/.exec(p);
  if (api && method === 'POST') {
    if (ctx.state.failMode === 'down5xx') {
      res.writeHead(503, { 'content-type': 'text/html' });
      return res.end('<html><body><h1>503 Service Unavailable</h1></body></html>');
    }
    if (ctx.state.failMode === 'timeout') {
      ctx.held.add(res);
      res.on('close', () => ctx.held.delete(res));
      return;
    }
    const name = api[1];
    const body = await readJson(req);
    if (body === undefined || body === null || typeof body !== 'object') {
      // The real service answers a Spring-style error for unreadable bodies.
      return sendJson(res, 400, { timestamp: new Date().toISOString(), status: 400, error: 'Bad Request', path: p });
    }
    const answer = await OPS[name](ctx, body);
    return sendJson(res, 200, answer);
  }

  return sendJson(res, 404, { timestamp: new Date().toISOString(), status: 404, error: 'Not Found', path: p });
}

// ---------------------------------------------------------------------------------------------
// The SP API

function failure(iface, code) {
  return { error_code: `${INTERFACES[iface]}-${code}`, error_message: ERRORS[code] ?? '', result: null };
}

/** Checks shared by every interface; returns an error answer or null. */
function checkCaller(ctx, iface, body, payload) {
  if (typeof body.transaction_id !== 'string' || !body.transaction_id || body.transaction_id.length > 100)
    return failure(iface, 'PM_INV_NF');
  if (body.sp_service_id !== ctx.spServiceId) return failure(iface, 'SPSVCID_NF');
  if (!moiChecksumValid(payload, body.sp_checksum, ctx.spKey)) return failure(iface, 'INV_SP_CHECKSUM');
  return null;
}

function checkPerson(ctx, iface, body) {
  const id = s(body.id_num).toUpperCase();
  if (!ID_PATTERN.test(id)) return failure(iface, 'PM_IDN_FT_ERR');
  if (ctx.state.unregistered.has(id)) return failure(iface, 'IDNUM_USERPROF_NF');
  return null;
}

function issue(ctx, iface, body, opMode) {
  const opCode = s(body.op_code);
  if (opCode !== 'ATH' && opCode !== 'SIGN') return failure(iface, 'TGT_INV');
  const timeLimit = body.time_limit === undefined || body.time_limit === '' ? DEFAULT_TIME_LIMIT : Number(body.time_limit);
  if (!Number.isInteger(timeLimit) || timeLimit < 30 || timeLimit > 600) return failure(iface, 'SPTKT_TIME_ORV');
  if (ctx.transactionIds.has(body.transaction_id)) return failure(iface, 'TXNLOG_INS_ERR');
  ctx.transactionIds.add(body.transaction_id);

  const idNum = s(body.id_num).toUpperCase();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + timeLimit * 1000);
  const spTicketId = crypto.randomUUID();
  const fields = {
    transaction_id: body.transaction_id,
    op_code: opCode,
    op_mode: opMode,
    sp_service_id: ctx.spServiceId,
    sp_ticket_id: spTicketId,
    sp_name: ctx.spName,
    hint: s(body.hint),
    expiration_time: taipeiTime(expiresAt),
    hashed_id_num: hashIdNum(idNum),
    version: '2.9',
  };
  const spTicket = makeTicket(fields);
  ctx.requests.set(spTicketId, {
    spTicketId,
    transactionId: body.transaction_id,
    idNum,
    opCode,
    opMode,
    hint: s(body.hint),
    signData: s(body.sign_info?.sign_data),
    device: s(body.device_user_def_desc),
    payloadSegment: spTicket.slice(0, spTicket.lastIndexOf('.')),
    // A pushed request is on the phone at once; a QR-code one only once the APP scanned it.
    status: opMode === 'I-SCAN' ? 'issued' : 'pending',
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  ctx.log(`${INTERFACES[iface]} ${iface} ${opMode} ${maskId(idNum)} → ${spTicketId}`);
  const result = { sp_ticket: spTicket };
  result.idp_checksum = moiChecksum(s(body.transaction_id) + '0' + spTicket, ctx.spKey);
  return { error_code: '0', error_message: '', result };
}

const OPS = {
  getSpTicket(ctx, b) {
    const iface = 'getSpTicket';
    const denied = checkCaller(
      ctx,
      iface,
      b,
      s(b.transaction_id) +
        s(b.sp_service_id) +
        s(b.id_num) +
        s(b.op_code) +
        s(b.op_mode) +
        s(b.hint) +
        s(b.sign_info?.sign_data),
    );
    if (denied) return denied;
    if (!['I-SCAN', 'APP2APP', 'MWEB2APP'].includes(s(b.op_mode))) return failure(iface, 'TGT_INV');
    return checkPerson(ctx, iface, b) ?? issue(ctx, iface, b, s(b.op_mode));
  },

  requestAthOrSignPush(ctx, b) {
    const iface = 'requestAthOrSignPush';
    const denied = checkCaller(
      ctx,
      iface,
      b,
      s(b.transaction_id) +
        s(b.sp_service_id) +
        s(b.id_num) +
        s(b.device_user_def_desc) +
        s(b.op_code) +
        s(b.hint) +
        s(b.sign_info?.sign_data),
    );
    if (denied) return denied;
    return checkPerson(ctx, iface, b) ?? issue(ctx, iface, b, 'PUSH');
  },

  getAthOrSignResult(ctx, b) {
    const iface = 'getAthOrSignResult';
    const denied = checkCaller(ctx, iface, b, s(b.transaction_id) + s(b.sp_service_id) + s(b.sp_ticket_id));
    if (denied) return denied;
    const r = ctx.requests.get(s(b.sp_ticket_id));
    if (!r || r.transactionId !== b.transaction_id) return failure(iface, 'SPTKTID_SPTKT_NF');
    expireIfDue(r);
    switch (r.status) {
      case 'issued':
      case 'pending':
        return failure(iface, 'SPTKTID_TXNLOG_NF');
      case 'denied':
        return failure(iface, 'APP_USER_CANCEL');
      case 'expired':
        return failure(iface, 'SPTKT_OVD');
      case 'redeemed':
        return failure(iface, 'SPTKTID_SPTKT_RDM');
      case 'approved': {
        r.status = 'redeemed';
        const hashed = hashIdNum(r.idNum);
        const signed = crypto.sign('sha256', Buffer.from(r.payloadSegment, 'utf8'), ctx.privateKey).toString('base64');
        ctx.log(`${INTERFACES[iface]} result of ${r.spTicketId} handed out`);
        return {
          error_code: '0',
          error_message: '',
          result: {
            hashed_id_num: hashed,
            signed_response: signed,
            cert: ctx.cert,
            idp_checksum: moiChecksum(s(b.transaction_id) + '0' + hashed + signed, ctx.spKey),
          },
        };
      }
      default:
        return failure(iface, 'SPTKTID_SPTKT_NF');
    }
  },

  checkDeviceStatus(ctx, b) {
    const iface = 'checkDeviceStatus';
    const denied = checkCaller(ctx, iface, b, s(b.transaction_id) + s(b.sp_service_id) + s(b.id_num));
    if (denied) return denied;
    if (!ID_PATTERN.test(s(b.id_num).toUpperCase())) return failure(iface, 'PM_IDN_FT_ERR');
    const registered = ctx.state.unregistered.has(s(b.id_num).toUpperCase()) ? 'N' : 'Y';
    return {
      error_code: '0',
      error_message: '',
      result: {
        is_fido: registered,
        is_mcert_sign: registered,
        idp_checksum: moiChecksum(s(b.transaction_id) + '0' + registered + registered, ctx.spKey),
      },
    };
  },
};

function expireIfDue(r) {
  const due = Date.parse(r.expiresAt) <= Date.now();
  // An undecided request lapses at expiry; a decision already taken stays readable a minute
  // longer, so an SP that polls every few seconds still gets it.
  if (due && (r.status === 'pending' || r.status === 'issued')) r.status = 'expired';
  if (r.status === 'approved' && Date.parse(r.expiresAt) + 60_000 <= Date.now()) r.status = 'expired';
}

// ---------------------------------------------------------------------------------------------
// The operator ("phone") API

function view(r) {
  return {
    sp_ticket_id: r.spTicketId,
    transaction_id: r.transactionId,
    id_num_masked: maskId(r.idNum),
    hashed_id_num: hashIdNum(r.idNum),
    op_code: r.opCode,
    op_mode: r.opMode,
    hint: r.hint,
    status: r.status,
    created_at: r.createdAt,
    expires_at: r.expiresAt,
  };
}

async function operator(ctx, req, res, url, method) {
  const p = url.pathname;
  const list = () =>
    [...ctx.requests.values()].map((r) => (expireIfDue(r), r)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));

  if (p === '/__operator/requests' && method === 'GET') {
    const id = url.searchParams.get('id_num')?.trim().toUpperCase();
    const status = url.searchParams.get('status');
    return sendJson(
      res,
      200,
      list()
        .filter((r) => (!id || r.idNum === id) && (!status || r.status === status))
        .map(view),
    );
  }
  if (p === '/__operator/requests' && method === 'DELETE') {
    ctx.requests.clear();
    return sendJson(res, 200, { ok: true });
  }

  if (method !== 'POST') return sendJson(res, 404, { error: 'not found' });
  const byTicket = /^\/__operator\/requests\/([^/]+)\/(approve|deny|expire)$/.exec(p);
  const byId = /^\/__operator\/(approve|deny|expire)$/.exec(p);
  const body = (await readJson(req)) ?? {};

  if (p === '/__operator/scan') {
    const fields = readTicket(body.sp_ticket);
    const r = fields && ctx.requests.get(fields.sp_ticket_id);
    if (!r) return sendJson(res, 404, { error: '無法辨識的 QRCode' });
    expireIfDue(r);
    if (r.status === 'issued') r.status = 'pending';
    ctx.log(`scan ${r.spTicketId} → ${r.status}`);
    return sendJson(res, r.status === 'pending' ? 200 : 409, view(r));
  }

  let r;
  let action;
  if (byTicket) {
    r = ctx.requests.get(decodeURIComponent(byTicket[1]));
    action = byTicket[2];
  } else if (byId) {
    const id = s(body.id_num).trim().toUpperCase();
    r = list().find((x) => x.idNum === id && (x.status === 'pending' || (byId[1] === 'expire' && x.status === 'issued')));
    action = byId[1];
  } else return sendJson(res, 404, { error: 'not found' });
  if (!r) return sendJson(res, 404, { error: '沒有待確認的請求' });
  expireIfDue(r);
  if (action === 'expire') {
    if (r.status === 'pending' || r.status === 'issued' || r.status === 'approved' || r.status === 'denied') r.status = 'expired';
  } else {
    if (r.status !== 'pending')
      return sendJson(res, 409, {
        error: `此請求目前狀態為 ${r.status}，無法${action === 'approve' ? '同意' : '拒絕'}`,
        ...view(r),
      });
    r.status = action === 'approve' ? 'approved' : 'denied';
  }
  ctx.log(`operator ${action} ${r.spTicketId} → ${r.status}`);
  return sendJson(res, 200, view(r));
}

// ---------------------------------------------------------------------------------------------

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (!raw) return resolve(null);
      try {
        resolve(JSON.parse(raw));
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', reject);
  });
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const PAGE = `<!doctype html>
<html lang="zh-Hant-TW"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>行動自然人憑證 APP 模擬器</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, "Noto Sans TC", sans-serif; }
  body { margin: 0 auto; padding: 1rem; max-width: 28rem; }
  h1 { font-size: 1.25rem; } .note { color: #777; font-size: .9rem; }
  .card { border: 1px solid #8886; border-radius: .75rem; padding: .9rem 1rem; margin: .75rem 0; }
  .card h2 { font-size: 1rem; margin: 0 0 .4rem; } .meta { font-size: .85rem; color: #777; margin: .15rem 0; }
  .actions { display: flex; gap: .5rem; margin-top: .6rem; }
  button { font: inherit; padding: .45rem 1.1rem; border-radius: .5rem; border: 1px solid #8888; cursor: pointer; }
  button.approve { background: #1b6e3a; color: #fff; border-color: #1b6e3a; }
  button.deny { background: #a8261d; color: #fff; border-color: #a8261d; }
  textarea { width: 100%; box-sizing: border-box; font: .8rem ui-monospace, monospace; }
  #empty { color: #777; } #msg { min-height: 1.2rem; }
</style></head>
<body>
<h1>行動自然人憑證 APP（開發用模擬器）</h1>
<p class="note">代替手機上的 APP：收到推播或掃描 QRCode 後，按「同意」完成身分驗證，或按「拒絕」。</p>
<section aria-labelledby="pending-title">
  <h2 id="pending-title" style="font-size:1rem">待確認的驗證請求</h2>
  <div id="list"></div><p id="empty">目前沒有待確認的請求。</p>
</section>
<section aria-labelledby="scan-title" class="card">
  <h2 id="scan-title">掃描 QRCode</h2>
  <label for="ticket" class="meta">貼上 QRCode 內容（sp_ticket）</label>
  <textarea id="ticket" rows="3"></textarea>
  <div class="actions"><button id="scan" type="button">驗證</button></div>
</section>
<p id="msg" role="status" aria-live="polite"></p>
<script>
  const fmt = new Intl.DateTimeFormat('zh-TW', { timeZone: 'Asia/Taipei', timeStyle: 'medium' });
  const msg = (t) => { document.getElementById('msg').textContent = t; };
  async function act(id, action) {
    const r = await fetch('/__operator/requests/' + encodeURIComponent(id) + '/' + action, { method: 'POST' });
    const body = await r.json();
    msg(r.ok ? (action === 'approve' ? '已同意，驗證完成。' : '已拒絕。') : body.error);
    refresh();
  }
  async function refresh() {
    const list = await (await fetch('/__operator/requests?status=pending')).json();
    document.getElementById('empty').hidden = list.length > 0;
    document.getElementById('list').replaceChildren(...list.map((r) => {
      const card = document.createElement('article'); card.className = 'card';
      const h = document.createElement('h2'); h.textContent = r.hint || '身分驗證請求';
      const who = document.createElement('p'); who.className = 'meta'; who.textContent = '身分證字號 ' + r.id_num_masked + '・' + (r.op_mode === 'I-SCAN' ? 'QRCode' : '推播');
      const exp = document.createElement('p'); exp.className = 'meta'; exp.textContent = '有效至 ' + fmt.format(new Date(r.expires_at));
      const actions = document.createElement('div'); actions.className = 'actions';
      for (const [label, action, cls] of [['同意', 'approve', 'approve'], ['拒絕', 'deny', 'deny']]) {
        const b = document.createElement('button'); b.type = 'button'; b.className = cls; b.textContent = label;
        b.setAttribute('aria-label', label + '：' + (r.hint || '身分驗證請求') + '（' + r.id_num_masked + '）');
        b.onclick = () => act(r.sp_ticket_id, action); actions.append(b);
      }
      card.append(h, who, exp, actions); return card;
    }));
  }
  document.getElementById('scan').onclick = async () => {
    const r = await fetch('/__operator/scan', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sp_ticket: document.getElementById('ticket').value.trim() }) });
    const body = await r.json();
    msg(r.ok ? '已掃描，請於上方確認。' : (body.error || '此 QRCode 已失效'));
    document.getElementById('ticket').value = ''; refresh();
  };
  refresh(); setInterval(() => refresh().catch(() => {}), 2000);
</script>
</body></html>
`;

// ---------------------------------------------------------------------------------------------
// Standalone

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8910' },
      host: { type: 'string', default: HOST },
      'sp-service-id': { type: 'string', default: process.env.MOI_FIDO_SP_SERVICE_ID ?? '' },
    },
  });
  const log = (msg) => console.log(`[moi-fido-sim] ${msg}`);
  startMoiFidoSimulator({
    port: Number(values.port),
    host: values.host,
    spServiceId: values['sp-service-id'],
    spKey: process.env.MOI_FIDO_SP_KEY ?? '',
    log,
  }).then(
    (sim) => {
      const shutdown = () => sim.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (err) => {
      console.error(`[moi-fido-sim] ${err.message}`);
      process.exit(1);
    },
  );
}
