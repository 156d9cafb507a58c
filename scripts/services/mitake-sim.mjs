// Mitake (三竹資訊) SMS HTTP API simulator for development and tests (docs/dev-contract.md).
//
// Only the network boundary is simulated: infra/sms/mitake.ts is the production adapter and
// talks to this server exactly as it talks to https://smsapi.mitake.com.tw. What is reproduced,
// from Mitake's published HTTP API and the behaviour of its public client libraries:
//
//   POST|GET /api/mtk/SmSend?CharsetURL=UTF-8
//     fields (query string and/or x-www-form-urlencoded body): username, password, dstaddr, smbody,
//     destname, dlvtime, vldtime, response, clientid (objectID, smsPointFlag accepted and ignored)
//     - CharsetURL names the charset of the percent-encoded smbody/destname; without it Mitake
//       reads them as Big5, so a client that forgets it gets garbled Chinese here too.
//     - smbody line breaks are ASCII 6 (ACK); stored with "\n".
//     - success:   [1]\r\nmsgid=1000000001\r\nstatuscode=1\r\nAccountPoint=9999\r\n
//                  (statuscode 0 = 預約傳送中 when dlvtime is in the future)
//     - clientid:  Mitake keeps a clientid for 12 hours; a second send with the same clientid is not
//                  sent again, the first reply is returned with an extra `Duplicate=Y` line.
//                  (Only accepted messages are remembered; a rejected send can be retried.)
//     - errors:    account-level: `statuscode=<c>\r\nError=<text>\r\n` (no [1] section)
//                    c 請輸入帳號, d 請輸入密碼, e 帳號、密碼錯誤, k 無效的連線位址 (IP not whitelisted)
//                  message-level: `[1]\r\nstatuscode=<c>\r\nError=<text>\r\n`
//                    u 簡訊內容不得為空白, v 無效的手機號碼, s 帳務處理失敗 (not enough points),
//                    t 簡訊已過期 (vldtime already past)
//                  Not produced: a/b/r/* (service paused / system error) — use failMode down5xx for
//                  "Mitake unavailable"; f/h/m/n/p (account expired/disabled/password change) behave
//                  like `e` for a client and are not worth separate switches.
//     - the reply body is Big5-encoded (Content-Type: text/plain; charset=big5), as Mitake's is.
//   POST|GET /api/mtk/SmQuery
//     - without msgid: `AccountPoint=<n>\r\n` (the credit balance; the adapter's health ping)
//     - msgid=a,b: one line per id `msgid\tstatuscode\tstatustime` (4 = 已送達手機 after ~1 s)
//   Delivery receipts: when `response` is an http(s) URL, a GET with msgid, dstaddr, dlvtime,
//   donetime, statusstr=DELIVRD, statuscode=4, StatusFlag=4 is sent to it (best effort).
//
// Dev/test endpoints (not Mitake's):
//   GET /healthz · GET /messages?to=09xxxxxxxx (newest first) · DELETE /messages
//   GET|POST /__control { failMode: 'none'|'auth'|'ipBlocked'|'down5xx'|'timeout', accountPoint? }
//     auth → every API call answers statuscode=e; ipBlocked → statuscode=k;
//     down5xx → HTTP 503; timeout → the API never answers (until failMode changes or stop()).
//   GET / → a small page listing the messages
//
//   MITAKE_PASSWORD=p node scripts/services/mitake-sim.mjs --port 8900 --store .data/sms [--username u]
//   The password comes from the environment only: a command line is readable by every user (ps).

import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL, URLSearchParams } from 'node:url';
import { parseArgs, TextDecoder } from 'node:util';

const HOST = '127.0.0.1';
const DEDUPE_WINDOW_MS = 12 * 60 * 60 * 1000;
const MAX_BODY_BYTES = 64 * 1024;
const FAIL_MODES = new Set(['none', 'auth', 'ipBlocked', 'down5xx', 'timeout']);
const STATUS_TEXT = {
  c: '請輸入帳號',
  d: '請輸入密碼',
  e: '帳號、密碼錯誤',
  k: '無效的連線位址',
  s: '帳務處理失敗，無法發送簡訊',
  t: '簡訊已過期',
  u: '簡訊內容不得為空白',
  v: '無效的手機號碼',
};

/**
 * @param {{ port: number, storeDir: string, username?: string, password?: string, host?: string,
 *           accountPoint?: number, log?: (msg: string) => void }} options
 *   Port 0 picks a free port (tests); the chosen port is returned.
 */
export async function startMitakeSimulator({
  port,
  storeDir,
  username = 'portal',
  password = 'portal-sms',
  host = HOST,
  accountPoint = 10000,
  log = () => {},
}) {
  const dir = path.resolve(storeDir);
  await mkdir(dir, { recursive: true });
  const store = await openStore(dir, log);
  const state = { failMode: 'none', initialPoints: accountPoint };
  const held = new Set(); // responses parked by failMode 'timeout'

  const points = () => state.initialPoints - store.list().reduce((sum, m) => sum + (m.points ?? 1), 0);
  const releaseHeld = () => {
    for (const res of held) res.destroy();
    held.clear();
  };

  const ctx = { store, state, username, password, points, held, log };
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
      reject(Object.assign(new Error(`Mitake simulator: port ${port} on ${host} ${reason}`), { code: err.code, port }));
    });
    server.listen(port, host, () => resolve(server.address().port));
  });
  log(`Mitake simulator: http://${host}:${bound}/api/mtk/SmSend, store ${dir}`);

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
      await store.idle();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Request handling

async function handle(ctx, req, res) {
  const url = new URL(req.url ?? '/', 'http://sim');
  const method = req.method ?? 'GET';

  if (url.pathname === '/healthz' && method === 'GET') return sendJson(res, 200, { ok: true, failMode: ctx.state.failMode });

  if (url.pathname === '/__control') {
    if (method === 'POST') {
      const raw = (await readBody(req)).toString('utf8');
      let body;
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        return sendJson(res, 400, { error: 'invalid JSON' });
      }
      if (body.failMode !== undefined) {
        if (!FAIL_MODES.has(body.failMode))
          return sendJson(res, 400, { error: `failMode must be one of ${[...FAIL_MODES].join(', ')}` });
        ctx.setFailMode(body.failMode);
      }
      if (body.accountPoint !== undefined) {
        if (!Number.isInteger(body.accountPoint)) return sendJson(res, 400, { error: 'accountPoint must be an integer' });
        // Stored as the starting balance so the spent points still count against it.
        ctx.state.initialPoints = body.accountPoint + (ctx.state.initialPoints - ctx.points());
      }
      ctx.log(`control: failMode=${ctx.state.failMode}`);
    }
    if (method === 'POST' || method === 'GET')
      return sendJson(res, 200, { failMode: ctx.state.failMode, accountPoint: ctx.points() });
  }

  if (url.pathname === '/messages') {
    if (method === 'GET') {
      const to = url.searchParams.get('to');
      const list = ctx.store.list().filter((m) => !to || m.to === normaliseMobile(to.trim()) || m.to === to.trim());
      return sendJson(res, 200, list.map(publicView));
    }
    if (method === 'DELETE') {
      await ctx.store.clear();
      return sendJson(res, 200, { ok: true });
    }
  }

  if (url.pathname === '/' && method === 'GET') {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
    });
    return res.end(PAGE);
  }

  const api = /^\/api\/mtk\/(SmSend|SmQuery)$/i.exec(url.pathname);
  if (api && (method === 'GET' || method === 'POST')) {
    const body = method === 'POST' ? await readBody(req) : Buffer.alloc(0);
    const { failMode } = ctx.state;
    if (failMode === 'down5xx') {
      res.writeHead(503, { 'content-type': 'text/html' });
      return res.end('<html><body><h1>503 Service Unavailable</h1></body></html>');
    }
    if (failMode === 'timeout') {
      ctx.held.add(res);
      res.on('close', () => ctx.held.delete(res));
      return;
    }
    const params = parseParams(url.search.slice(1), body.toString('latin1'));
    const op = api[1].toLowerCase() === 'smsend' ? smSend : smQuery;
    return sendMitake(res, await op(ctx, params));
  }

  return sendJson(res, 404, { error: 'not found' });
}

function accountError(ctx, params) {
  if (ctx.state.failMode === 'ipBlocked') return 'k';
  if (!params.username) return 'c';
  if (!params.password) return 'd';
  if (ctx.state.failMode === 'auth' || params.username !== ctx.username || params.password !== ctx.password) return 'e';
  return null;
}

async function smSend(ctx, p) {
  const denied = accountError(ctx, p);
  if (denied) return errorLines(denied);

  const now = new Date();
  const clientid = p.clientid ?? '';
  const to = normaliseMobile(p.dstaddr ?? '');
  const body = (p.smbody ?? '').replaceAll('\x06', '\n');
  const vld = parseMitakeTime(p.vldtime);
  const dlv = parseMitakeTime(p.dlvtime);
  const cost = segments(body);

  // The clientid look-up, the balance check and the insert happen in one serial section, so two
  // concurrent requests with the same clientid cannot both be sent, nor both spend the last point.
  const outcome = await ctx.store.exclusive(async (tx) => {
    if (clientid) {
      const previous = tx.findClientId(p.username, clientid, now.getTime() - DEDUPE_WINDOW_MS);
      if (previous) {
        ctx.log(`SmSend duplicate clientid ${clientid} → msgid ${previous.id}`);
        return { lines: [...previous.reply, 'Duplicate=Y'] };
      }
    }
    if (!to) return { lines: ['[1]', ...errorLines('v')] };
    if (!body.trim()) return { lines: ['[1]', ...errorLines('u')] };
    if (vld && vld.getTime() < now.getTime()) return { lines: ['[1]', ...errorLines('t')] };
    const balance = ctx.points();
    if (balance < cost) return { lines: ['[1]', ...errorLines('s')] };

    const id = tx.nextId();
    const statuscode = dlv && dlv.getTime() > now.getTime() ? '0' : '1';
    const msg = await tx.insert({
      id,
      to,
      body,
      time: now.toISOString(),
      clientid,
      destname: p.destname ?? '',
      dlvtime: p.dlvtime ?? '',
      vldtime: p.vldtime ?? '',
      response: p.response ?? '',
      username: p.username,
      statuscode,
      points: cost,
      reply: ['[1]', `msgid=${id}`, `statuscode=${statuscode}`, `AccountPoint=${balance - cost}`],
    });
    ctx.log(`SmSend ${id} → ${to} (${cost} point${cost > 1 ? 's' : ''})`);
    return { lines: msg.reply, msg };
  });
  if (outcome.msg?.statuscode === '1' && /^https?:\/\//i.test(outcome.msg.response)) deliveryReceipt(ctx, outcome.msg);
  return outcome.lines;
}

async function smQuery(ctx, p) {
  const denied = accountError(ctx, p);
  if (denied) return errorLines(denied);
  if (!p.msgid) return [`AccountPoint=${ctx.points()}`];
  return p.msgid
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .map((id) => {
      const m = ctx.store.get(id);
      if (!m || m.username !== p.username) return `${id}\t*\t`;
      const { code, at } = currentStatus(m);
      return `${id}\t${code}\t${mitakeTime(at)}`;
    });
}

function currentStatus(m) {
  const sent = new Date(m.time);
  if (m.statuscode === '0') {
    const dlv = parseMitakeTime(m.dlvtime);
    if (dlv && dlv.getTime() > Date.now()) return { code: '0', at: sent };
    return { code: '4', at: dlv ?? sent };
  }
  // A simulated handset receives the message a second after the carrier got it.
  return Date.now() - sent.getTime() > 1000 ? { code: '4', at: new Date(sent.getTime() + 1000) } : { code: '1', at: sent };
}

function deliveryReceipt(ctx, msg) {
  const q = new URLSearchParams({
    msgid: msg.id,
    dstaddr: msg.to,
    dlvtime: mitakeTime(new Date(msg.time)),
    donetime: mitakeTime(new Date()),
    statusstr: 'DELIVRD',
    statuscode: '4',
    StatusFlag: '4',
  });
  const target = new URL(msg.response);
  for (const [k, v] of q) target.searchParams.set(k, v);
  fetch(target, { signal: AbortSignal.timeout(5000) }).catch((err) =>
    ctx.log(`receipt to ${target.origin} failed: ${err.message}`),
  );
}

function errorLines(code) {
  return [`statuscode=${code}`, `Error=${STATUS_TEXT[code] ?? ''}`];
}

function sendMitake(res, lines) {
  res.writeHead(200, { 'content-type': 'text/plain; charset=big5', 'cache-control': 'no-store' });
  res.end(encodeBig5(lines.map((l) => `${l}\r\n`).join('')));
}

// ---------------------------------------------------------------------------------------------
// Parameters: Mitake decodes the percent-encoded bytes with the charset named by CharsetURL
// (default Big5), so decode bytes ourselves instead of URLSearchParams (which assumes UTF-8).

function parseParams(query, body) {
  const pairs = [...splitPairs(query), ...splitPairs(body)];
  const charsetRaw = pairs.find(([k]) => k.toLowerCase() === 'charseturl')?.[1] ?? '';
  const charset = /^utf-?8$/i.test(percentDecode(charsetRaw).toString('latin1')) ? 'utf-8' : 'big5';
  const decoder = new TextDecoder(charset);
  const out = {};
  for (const [k, v] of pairs) {
    // Mitake field names are case-insensitive in practice (ClientID / clientid both appear in clients).
    out[percentDecode(k).toString('latin1').toLowerCase()] = decoder.decode(percentDecode(v));
  }
  return out;
}

function splitPairs(s) {
  if (!s) return [];
  return s
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=');
      return i < 0 ? [pair, ''] : [pair.slice(0, i), pair.slice(i + 1)];
    });
}

function percentDecode(s) {
  const bytes = [];
  const src = Buffer.from(s.replaceAll('+', ' '), 'latin1');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === 0x25 && i + 2 < src.length && /^[0-9a-f]{2}$/i.test(String.fromCharCode(src[i + 1], src[i + 2]))) {
      bytes.push(parseInt(String.fromCharCode(src[i + 1], src[i + 2]), 16));
      i += 2;
    } else bytes.push(c);
  }
  return Buffer.from(bytes);
}

// Node decodes Big5 but cannot encode it; the reply only needs the few characters of the error
// texts, so build the reverse table once from the decoder instead of adding a dependency.
let big5Table;
function encodeBig5(text) {
  if (!big5Table) {
    big5Table = new Map();
    const dec = new TextDecoder('big5');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail > 0x7e && trail < 0xa1) continue;
        const ch = dec.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== '\ufffd' && !big5Table.has(ch)) big5Table.set(ch, [lead, trail]);
      }
    }
  }
  const out = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0x3f;
    if (code < 0x80) out.push(code);
    else out.push(...(big5Table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}

function readBody(req) {
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
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** 09xxxxxxxx, or +886/886 9xxxxxxxx rewritten to it; anything else is "無效的手機號碼". */
function normaliseMobile(s) {
  const t = s.replace(/[\s-]/g, '');
  if (/^09\d{8}$/.test(t)) return t;
  const intl = /^\+?8869(\d{8})$/.exec(t);
  return intl ? `09${intl[1]}` : null;
}

/** Points charged: 1 per segment; 160 GSM chars or 70 UCS-2 chars for one, 153/67 per part beyond. */
function segments(body) {
  const ascii = /^[\x20-\x7e\n\r]*$/.test(body);
  const [single, multi] = ascii ? [160, 153] : [70, 67];
  const len = [...body].length;
  return len <= single ? 1 : Math.ceil(len / multi);
}

/** YYYYMMDDHHmmss in Asia/Taipei (UTC+8, no DST), Mitake's time format. */
function parseMitakeTime(s) {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s ?? '');
  if (!m) return null;
  const [, y, mo, d, h, mi, se] = m.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h - 8, mi, se));
}

function mitakeTime(date) {
  return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function publicView(m) {
  const { reply: _reply, file: _file, ...rest } = m;
  return { ...rest, statuscode: currentStatus(m).code };
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

// ---------------------------------------------------------------------------------------------
// Store: one `<time>-<msgid>.json` per accepted message; the clientid index and the balance are
// rebuilt from them at start, so a restart keeps both the messages and the 12-hour de-duplication.

async function openStore(dir, log) {
  const messages = new Map();
  let pending = Promise.resolve();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    try {
      const m = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
      if (m && typeof m.id === 'string') messages.set(m.id, { ...m, file: name });
    } catch (err) {
      log(`skipping unreadable ${name}: ${err.message}`);
    }
  }
  let seq = Math.max(1000000000, ...[...messages.keys()].map(Number).filter(Number.isFinite));
  const serial = (fn) => {
    const next = pending.then(fn, fn);
    pending = next.catch(() => {});
    return next;
  };

  return {
    list: () => [...messages.values()].sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : Number(b.id) - Number(a.id))),
    get: (id) => messages.get(id),
    /** Runs `fn` alone: no other write (send or clear) interleaves with it. */
    exclusive(fn) {
      return serial(() =>
        fn({
          findClientId(username, clientid, since) {
            for (const m of messages.values()) {
              if (m.clientid === clientid && m.username === username && Date.parse(m.time) >= since) return m;
            }
            return undefined;
          },
          nextId: () => String(++seq),
          async insert(m) {
            const file = `${m.time.replace(/[-:.]/g, '')}-${m.id}.json`;
            const tmp = path.join(dir, `.${file}.tmp`);
            await writeFile(tmp, JSON.stringify(m, null, 2));
            await rename(tmp, path.join(dir, file)); // whole file or none, even on a crash
            const stored = { ...m, file };
            messages.set(m.id, stored);
            return stored;
          },
        }),
      );
    },
    clear() {
      return serial(async () => {
        messages.clear();
        for (const name of await readdir(dir)) {
          if (/\.(json|tmp)$/.test(name)) await rm(path.join(dir, name), { force: true });
        }
      });
    },
    idle: () => pending,
  };
}

const PAGE = `<!doctype html>
<html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>三竹簡訊模擬器</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, "Noto Sans TC", sans-serif; }
  body { margin: 1rem; } table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #8884; vertical-align: top; }
  td.body { white-space: pre-wrap; }
</style></head>
<body>
<h1>三竹簡訊模擬器（開發用）</h1>
<table><thead><tr><th scope="col">時間</th><th scope="col">手機</th><th scope="col">內容</th><th scope="col">msgid</th><th scope="col">clientid</th></tr></thead>
<tbody id="rows"></tbody></table>
<script>
  const fmt = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Taipei', dateStyle: 'short', timeStyle: 'medium' });
  async function refresh() {
    const list = await (await fetch('/messages')).json();
    document.getElementById('rows').replaceChildren(...list.map((m) => {
      const tr = document.createElement('tr');
      for (const [v, cls] of [[fmt.format(new Date(m.time))], [m.to], [m.body, 'body'], [m.id], [m.clientid]]) {
        const td = document.createElement('td'); td.textContent = v; if (cls) td.className = cls; tr.append(td);
      }
      return tr;
    }));
  }
  refresh(); setInterval(() => refresh().catch(() => {}), 2000);
</script>
</body></html>
`;

// ---------------------------------------------------------------------------------------------
// Standalone

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8900' },
      store: { type: 'string', default: '.data/sms' },
      username: { type: 'string', default: process.env.MITAKE_USERNAME ?? 'portal' },
      host: { type: 'string', default: HOST },
    },
  });
  const log = (msg) => console.log(`[mitake-sim] ${msg}`);
  startMitakeSimulator({
    port: Number(values.port),
    storeDir: values.store,
    username: values.username,
    password: process.env.MITAKE_PASSWORD ?? 'portal-sms',
    host: values.host,
    log,
  }).then(
    (sim) => {
      const shutdown = () => sim.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (err) => {
      console.error(`[mitake-sim] ${err.message}`);
      process.exit(1);
    },
  );
}
