// Simulator of the 自然人憑證 signing component on the user's PC (中華電信 HiPKI LocalSignServer,
// 「跨平台網頁元件」, installed with HiCOS; it listens on http://localhost:61161), holding the test
// cards of card-pki.mjs in one simulated card reader. Development and tests only.
//
// The browser talks to it as it talks to the real component, with the real component's JSON:
//   GET  /pkcs11info?withcert=true
//        { func, ret_code: 0, last_error: 0, serverVersion, slots: [{ slotDescription, token?: {
//          label, serialNumber, certs: [{ certb64, usage, subjectDN, issuerDN, sn, notBeforeT, notAfterT }] } }] }
//        (no token = the reader is empty)
//   POST /sign   body `tbsPackage=<JSON>` (form) or the JSON itself:
//        { func: 'MakeSignature', tbs, tbsEncoding: 'NONE'|'base64', hashAlgorithm: 'SHA256', pin,
//          signatureType: 'PKCS1' }
//        → { func: 'sign', ret_code: 0, last_error: 0, signature: <base64 RSASSA-PKCS1-v1_5 SHA-256>,
//            certb64: <the signing certificate, base64 DER>, cardSN }
//   Errors keep HTTP 200 and set ret_code / last_error as the component does:
//     ret_code 0x76000006 未插入IC卡 · 0x76100006 IC卡登入失敗 with last_error
//     0x80000002 (PIN碼錯誤，剩餘兩次機會), 0x80000001 (剩餘一次), 0xA4 已鎖卡 (the third wrong PIN
//     locks the card, as a real card does; a locked card refuses even the right PIN) ·
//     0x76000998 未輸入PIN碼 · 0x7600000B JSON格式錯誤 · 0x7600000C 參數錯誤 ·
//     0x76000031 在未授權的網站執行元件 (an Origin that is not trusted).
//   CORS: a browser page may call it only from a trusted origin (--origins, like the component's
//   「加入信任網站」 list). Requests without an Origin (tests, curl) are allowed.
//
// The 「MOICA 測試」 CA's certificate revocation list, re-signed on each request (nextUpdate one day):
//   GET  /crl/moica-test.crl   (DER, application/pkix-crl) — the value of CITIZEN_CERT_CRL_URL
//
// Operator API for tests and developers (not the component's):
//   GET  /sim/state            { inserted, cards: [{ id, holder, serial, revoked, expired, locked, wrongPins }] }
//   POST /sim/insert {card}    put card <id> in the reader (null = take it out)
//   POST /sim/reset            unlock every card, clear wrong-PIN counts, insert the default card
//   GET  /                     a page to choose the inserted card
//
//   node scripts/services/card-signer-sim.mjs --port 61160 --pki .data/pki --origins http://127.0.0.1:5173

import http from 'node:http';
import path from 'node:path';
import { pathToFileURL, URLSearchParams } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureTestPki, issueCrl, pemToBase64, signWithCard } from './card-pki.mjs';

const HOST = '127.0.0.1';
const SERVER_VERSION = '1.3.4.103339';
const SLOT = 'HiPKI Simulated Reader 0';
const MAX_BODY_BYTES = 256 * 1024;
export const RET = {
  OK: 0,
  JSON_ERROR: 0x7600000b,
  PARAM_ERROR: 0x7600000c,
  NO_CARD: 0x76000006,
  UNTRUSTED_SITE: 0x76000031,
  NO_PIN: 0x76000998,
  LOGIN_FAILED: 0x76100006,
};
export const LAST_ERROR = { PIN_LOCKED: 0xa4, ONE_LEFT: -2147483647, TWO_LEFT: -2147483646 };
const MAX_WRONG_PINS = 3;

/** Starts the simulator; resolves to { port, url, crlUrl, rootCaFile, stop() }. */
export async function startCardSignerSimulator({
  port,
  pkiDir,
  origins = [],
  defaultCard = 'sdcuser1',
  host = HOST,
  log = () => {},
}) {
  const url = `http://${host}:${port}`;
  const crlUrl = `${url}/crl/moica-test.crl`;
  const { pki, rootCaFile } = await ensureTestPki(pkiDir, { crlUrl });
  const trusted = new Set(origins.map((o) => o.replace(/\/+$/, '')));
  const cards = new Map(pki.cards.map((c) => [c.id, { ...c, wrongPins: 0 }]));
  let inserted = cards.has(defaultCard) ? defaultCard : null;

  const certInfo = (pem, usage) => ({ certb64: pemToBase64(pem), usage });
  const cardView = (c) => ({
    id: c.id,
    holder: c.holder,
    serial: c.serial,
    revoked: c.revoked,
    expired: c.expired,
    locked: c.wrongPins >= MAX_WRONG_PINS,
    wrongPins: c.wrongPins,
  });

  function pkcs11info() {
    const card = inserted ? cards.get(inserted) : null;
    return {
      func: 'pkcs11info',
      ret_code: RET.OK,
      last_error: 0,
      serverVersion: SERVER_VERSION,
      slots: [
        {
          slotDescription: SLOT,
          ...(card
            ? {
                token: {
                  label: 'HiCOS PKI Smart Card',
                  serialNumber: `TP${card.serial.slice(0, 14).toUpperCase()}`,
                  certs: [
                    { ...certInfo(card.signCertPem, 'digitalSignature'), subjectDN: `CN=${card.holder},C=TW`, sn: card.serial },
                    { ...certInfo(card.encCertPem, 'keyEncipherment'), subjectDN: `CN=${card.holder},C=TW` },
                  ],
                },
              }
            : {}),
        },
      ],
    };
  }

  function sign(pkg) {
    const fail = (ret_code, last_error = 0) => ({ func: 'sign', ret_code, last_error });
    if (!pkg || typeof pkg !== 'object') return fail(RET.JSON_ERROR);
    if (typeof pkg.tbs !== 'string' || pkg.tbs === '') return fail(RET.PARAM_ERROR);
    const card = inserted ? cards.get(inserted) : null;
    if (!card) return fail(RET.NO_CARD);
    const pin = typeof pkg.pin === 'string' ? decodeURIComponent(pkg.pin) : '';
    if (!pin) return fail(RET.NO_PIN);
    if (card.wrongPins >= MAX_WRONG_PINS) return fail(RET.LOGIN_FAILED, LAST_ERROR.PIN_LOCKED);
    if (pin !== card.pin) {
      card.wrongPins += 1;
      const left = MAX_WRONG_PINS - card.wrongPins;
      return fail(RET.LOGIN_FAILED, left === 0 ? LAST_ERROR.PIN_LOCKED : left === 1 ? LAST_ERROR.ONE_LEFT : LAST_ERROR.TWO_LEFT);
    }
    card.wrongPins = 0;
    const data = pkg.tbsEncoding === 'base64' ? Buffer.from(pkg.tbs, 'base64') : Buffer.from(pkg.tbs, 'utf8');
    return {
      func: 'sign',
      ret_code: RET.OK,
      last_error: 0,
      signature: signWithCard(card, data).toString('base64'),
      certb64: pemToBase64(card.signCertPem),
      cardSN: `TP${card.serial.slice(0, 14).toUpperCase()}`,
    };
  }

  async function readBody(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw new Error('body too large');
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  function parseSignBody(text) {
    const trimmed = text.trim();
    let json = trimmed;
    if (trimmed.startsWith('tbsPackage=')) {
      // The component's own page posts tbsPackage=<JSON> with '+' escaped as %2B.
      json = trimmed.slice('tbsPackage='.length).replace(/%2B/gi, '+');
    }
    try {
      return JSON.parse(json);
    } catch {
      return null;
    }
  }

  const page = () => `<!doctype html><html lang="zh-Hant-TW"><meta charset="utf-8"><title>自然人憑證讀卡機模擬器</title>
<style>body{font-family:system-ui,"Noto Sans CJK TC",sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;text-align:left}</style>
<h1>自然人憑證讀卡機模擬器（開發與測試用）</h1>
<p>所有測試卡片的 PIN 碼為 <code>${pki.cards[0]?.pin ?? ''}</code>，連續輸入錯誤 3 次即鎖卡。目前插入：<strong>${inserted ? `${cards.get(inserted).holder}（${inserted}）` : '無'}</strong></p>
<table><tr><th>卡片</th><th>持有人</th><th>憑證序號</th><th>狀態</th><th></th></tr>
${[...cards.values()]
  .map(
    (c) =>
      `<tr><td>${c.id}</td><td>${c.holder}</td><td><code>${c.serial}</code></td><td>${[c.revoked ? '已廢止' : '', c.expired ? '已逾期' : '', c.wrongPins >= MAX_WRONG_PINS ? '已鎖卡' : ''].filter(Boolean).join('、') || '正常'}</td>` +
      `<td><form method="post" action="/sim/insert"><input type="hidden" name="card" value="${c.id}"><button>插入</button></form></td></tr>`,
  )
  .join('\n')}
</table>
<p><form method="post" action="/sim/insert" style="display:inline"><input type="hidden" name="card" value=""><button>取出卡片</button></form>
<form method="post" action="/sim/reset" style="display:inline"><button>全部重設（解鎖）</button></form></p>
<p>憑證廢止清冊：<a href="/crl/moica-test.crl">/crl/moica-test.crl</a></p></html>`;

  const server = http.createServer(async (req, res) => {
    const reqUrl = new URL(req.url ?? '/', url);
    const origin = req.headers.origin;
    const send = (status, body, type = 'application/json; charset=utf-8') => {
      const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}),
      });
      res.end(payload);
    };
    try {
      // The component's own API: trusted sites only.
      if (reqUrl.pathname === '/pkcs11info' || reqUrl.pathname === '/sign') {
        if (req.method === 'OPTIONS') {
          res.writeHead(204, {
            ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}),
            'access-control-allow-methods': 'GET, POST',
            'access-control-allow-headers': 'content-type',
            'access-control-max-age': '600',
          });
          return void res.end();
        }
        if (origin && !trusted.has(origin)) {
          log(`untrusted origin ${origin}`);
          return send(200, { func: reqUrl.pathname.slice(1), ret_code: RET.UNTRUSTED_SITE, last_error: 0 });
        }
        if (reqUrl.pathname === '/pkcs11info' && req.method === 'GET') return send(200, pkcs11info());
        if (reqUrl.pathname === '/sign' && req.method === 'POST') {
          const result = sign(parseSignBody(await readBody(req)));
          log(`sign ${inserted ?? '(no card)'} → ret_code ${result.ret_code.toString(16)} last_error ${result.last_error}`);
          return send(200, result);
        }
        return send(405, { ret_code: RET.PARAM_ERROR });
      }
      if (reqUrl.pathname === '/crl/moica-test.crl' && req.method === 'GET') {
        return send(200, await issueCrl(pki), 'application/pkix-crl');
      }
      if (reqUrl.pathname === '/healthz') return send(200, { ok: true });
      if (reqUrl.pathname === '/sim/state' && req.method === 'GET') {
        return send(200, { inserted, cards: [...cards.values()].map(cardView) });
      }
      if (reqUrl.pathname === '/sim/insert' && req.method === 'POST') {
        const text = await readBody(req);
        const isForm = String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
        const id = isForm ? new URLSearchParams(text).get('card') || null : (JSON.parse(text || '{}').card ?? null);
        if (id !== null && !cards.has(id)) return send(404, { error: `沒有卡片 ${id}` });
        inserted = id;
        log(`inserted ${id ?? '(none)'}`);
        if (isForm) return void res.writeHead(303, { location: '/' }).end();
        return send(200, { inserted });
      }
      if (reqUrl.pathname === '/sim/reset' && req.method === 'POST') {
        for (const card of cards.values()) card.wrongPins = 0;
        inserted = cards.has(defaultCard) ? defaultCard : null;
        if (String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
          return void res.writeHead(303, { location: '/' }).end();
        }
        return send(200, { inserted });
      }
      if (reqUrl.pathname === '/' && req.method === 'GET') return send(200, page(), 'text/html; charset=utf-8');
      send(404, { error: 'not found' });
    } catch (error) {
      log(`error ${error?.message}`);
      send(400, { ret_code: RET.JSON_ERROR, error: String(error?.message ?? error) });
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port,
    url,
    crlUrl,
    rootCaFile,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '61160' },
      pki: { type: 'string', default: '.data/pki' },
      origins: { type: 'string', default: '' },
      card: { type: 'string', default: 'sdcuser1' },
    },
  });
  const sim = await startCardSignerSimulator({
    port: Number(values.port),
    pkiDir: path.resolve(values.pki),
    origins: values.origins.split(',').filter(Boolean),
    defaultCard: values.card,
    log: (m) => console.log(`[card-signer-sim] ${m}`),
  });
  console.log(`[card-signer-sim] listening on ${sim.url} (CRL ${sim.crlUrl}, root CA ${sim.rootCaFile})`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void sim.stop().then(() => process.exit(0)));
}
