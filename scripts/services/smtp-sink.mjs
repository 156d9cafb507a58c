// Local SMTP sink for development and tests (docs/dev-contract.md: "SMTP sink").
//
// Production sends through the city's SMTP relay; here nodemailer talks real SMTP over TCP to this
// sink, which keeps every message (one JSON file each, so a restart loses nothing) and shows them on a
// dev mailbox page and a small JSON API that tests and e2e suites read codes and links from.
//
// Runs after `npm install` (it uses smtp-server and mailparser), unlike the setup scripts.
//
//   node scripts/services/smtp-sink.mjs --smtp 1025 --http 1080 --store .data/mail
//
// HTTP API:
//   GET    /healthz                  → { ok: true, messages }
//   GET    /messages?to=ADDR&limit=N → stored messages, newest first (`to` matched case-insensitively
//                                      against envelope recipients and To/Cc headers)
//   GET    /messages/:id             → one message
//   GET    /messages/:id/html        → its HTML body (for the page's sandboxed iframe)
//   GET    /messages/:id/raw         → its RFC 5322 source (to check encodings by eye)
//   DELETE /messages                 → clear (tests)
//   GET    /                         → dev mailbox page

import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const HOST = '127.0.0.1';
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
// Headers worth keeping for debugging deliverability and threading; the rest stay in the .eml file.
const KEPT_HEADERS = [
  'message-id',
  'date',
  'from',
  'to',
  'cc',
  'reply-to',
  'subject',
  'content-type',
  'mime-version',
  'auto-submitted',
  'x-mailer',
  'x-auto-response-suppress',
  'list-unsubscribe',
];

/**
 * @param {{ smtpPort: number, httpPort: number, storeDir: string, host?: string,
 *           log?: (msg: string) => void }} options
 *   Port 0 picks a free port (tests); the chosen ports are returned.
 */
export async function startSmtpSink({ smtpPort, httpPort, storeDir, host = HOST, log = () => {} }) {
  const dir = path.resolve(storeDir);
  await mkdir(dir, { recursive: true });
  const store = await openStore(dir, log);

  const smtp = new SMTPServer({
    name: 'smtp-sink.local',
    banner: 'Tainan portal dev SMTP sink',
    // Accept any sender and recipient, with or without AUTH: the sink must not be stricter than the
    // relay it stands in for, whatever SMTP_* settings a developer has. No TLS on loopback.
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, cb) => cb(null, { user: auth.username ?? 'anonymous' }),
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    // Idle pooled client connections must not hold `stop()` for the default 30 s.
    closeTimeout: 1000,
    onData(stream, session, cb) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('error', cb);
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          const err = Object.assign(new Error('Message exceeds fixed maximum message size'), { responseCode: 552 });
          return cb(err);
        }
        const raw = Buffer.concat(chunks);
        store
          .add(raw, session.envelope)
          .then((msg) => {
            log(`mail ${msg.id} → ${msg.to.join(', ')}: ${msg.subject}`);
            cb(null, `Message queued as ${msg.id}`);
          })
          .catch((err) => {
            log(`mail store failed: ${err.message}`);
            cb(Object.assign(new Error('Local error in processing'), { responseCode: 451 }));
          });
      });
    },
  });
  // smtp-server re-emits listen errors too; listen() below reports those with the port's name.
  let listening = false;
  smtp.on('error', (err) => {
    if (listening) log(`smtp error: ${err.message}`);
  });

  const web = http.createServer((req, res) => {
    handleHttp(store, req, res).catch((err) => {
      log(`http error: ${err.stack ?? err}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });

  const boundSmtp = await listen(smtp.server, smtpPort, host, 'SMTP sink (SMTP)');
  listening = true;
  let boundHttp;
  try {
    boundHttp = await listen(web, httpPort, host, 'SMTP sink (HTTP)');
  } catch (err) {
    await new Promise((resolve) => smtp.close(resolve));
    throw err;
  }
  log(`SMTP sink: smtp://${host}:${boundSmtp}, mailbox http://${host}:${boundHttp}/, store ${dir}`);

  let stopped = false;
  return {
    smtpPort: boundSmtp,
    httpPort: boundHttp,
    url: `http://${host}:${boundHttp}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      web.closeAllConnections?.();
      await Promise.all([
        new Promise((resolve) => smtp.close(resolve)),
        new Promise((resolve) => web.close(() => resolve(undefined))),
      ]);
      await store.idle();
    },
  };
}

/** Listens and turns EADDRINUSE & co. into an error that names the port. */
function listen(server, port, host, what) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      server.off('listening', onListening);
      const reason = err.code === 'EADDRINUSE' ? 'is already in use' : `cannot be opened (${err.code ?? err.message})`;
      reject(Object.assign(new Error(`${what}: port ${port} on ${host} ${reason}`), { code: err.code, port }));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

// ---------------------------------------------------------------------------------------------
// Store: one `<time>-<id>.json` (+ `.eml` source) per message, mirrored in memory for queries.

async function openStore(dir, log) {
  /** @type {Map<string, any>} */
  const messages = new Map();
  let pending = Promise.resolve();

  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    try {
      const msg = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
      if (msg && typeof msg.id === 'string') messages.set(msg.id, { ...msg, file: name });
    } catch (err) {
      // A file cut short by a crash must not stop the sink from starting; leave it for inspection.
      log(`skipping unreadable ${name}: ${err.message}`);
    }
  }

  // Serialise writes so DELETE cannot interleave with a half-written message.
  const serial = (fn) => {
    const next = pending.then(fn, fn);
    pending = next.catch(() => {});
    return next;
  };

  return {
    list() {
      return [...messages.values()].sort(newestFirst);
    },
    get(id) {
      return messages.get(id);
    },
    count() {
      return messages.size;
    },
    add(raw, envelope) {
      return serial(async () => {
        const receivedAt = new Date();
        const id = `${receivedAt.getTime().toString(36)}${randomBytes(5).toString('hex')}`;
        const base = `${stamp(receivedAt)}-${id}`;
        const msg = { id, ...(await describe(raw, envelope, receivedAt)), file: `${base}.json`, rawFile: `${base}.eml` };
        // Write-then-rename: a crash leaves either the whole message or a temp file, never half a JSON.
        await writeFile(path.join(dir, `${base}.eml`), raw);
        const tmp = path.join(dir, `.${base}.json.tmp`);
        await writeFile(tmp, JSON.stringify(withoutFile(msg), null, 2));
        await rename(tmp, path.join(dir, `${base}.json`));
        messages.set(id, msg);
        return msg;
      });
    },
    async raw(id) {
      const msg = messages.get(id);
      return msg ? readFile(path.join(dir, msg.rawFile ?? msg.file.replace(/\.json$/, '.eml'))).catch(() => null) : null;
    },
    clear() {
      return serial(async () => {
        messages.clear();
        for (const name of await readdir(dir)) {
          if (/\.(json|eml|tmp)$/.test(name)) await rm(path.join(dir, name), { force: true });
        }
      });
    },
    idle() {
      return pending;
    },
  };
}

async function describe(raw, envelope, receivedAt) {
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  const addresses = (field) =>
    (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) => f.value.map((a) => a.address ?? '')).filter(Boolean);
  const headers = {};
  for (const name of KEPT_HEADERS) {
    const line = parsed.headerLines.find((h) => h.key === name);
    // Unfold continuation lines so the JSON shows one readable value per header.
    if (line)
      headers[name] = line.line
        .slice(line.line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim();
  }
  return {
    from: parsed.from?.value[0]?.address ?? envelope.mailFrom?.address ?? '',
    fromName: parsed.from?.value[0]?.name ?? '',
    // The envelope is who actually receives the message (Bcc included); headers are what is shown.
    to: envelope.rcptTo.map((r) => r.address),
    headerTo: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html || '',
    date: (parsed.date ?? receivedAt).toISOString(),
    receivedAt: receivedAt.toISOString(),
    messageId: parsed.messageId ?? '',
    headers,
    envelope: { mailFrom: envelope.mailFrom ? envelope.mailFrom.address : '', rcptTo: envelope.rcptTo.map((r) => r.address) },
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, size: a.size })),
    size: raw.length,
  };
}

function newestFirst(a, b) {
  return a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : a.id < b.id ? 1 : -1;
}

function stamp(date) {
  // 20250102T030405123Z: sorts by time in a directory listing and is safe in any file system.
  return date.toISOString().replace(/[-:.]/g, '');
}

function withoutFile({ file: _file, ...rest }) {
  return rest;
}

function matchesRecipient(msg, to) {
  const wanted = to.trim().toLowerCase();
  return [...msg.to, ...(msg.headerTo ?? []), ...(msg.cc ?? [])].some((a) => a.toLowerCase() === wanted);
}

// ---------------------------------------------------------------------------------------------
// HTTP

async function handleHttp(store, req, res) {
  const url = new URL(req.url ?? '/', 'http://sink');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const method = req.method ?? 'GET';

  if (method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, { ok: true, messages: store.count() });

  if (method === 'GET' && url.pathname === '/') {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; frame-src 'self'",
      'cache-control': 'no-store',
    });
    return res.end(MAILBOX_PAGE);
  }

  if (parts[0] === 'messages') {
    if (parts.length === 1 && method === 'GET') {
      const to = url.searchParams.get('to');
      const limit = Number(url.searchParams.get('limit') ?? '0');
      let list = store.list();
      if (to) list = list.filter((m) => matchesRecipient(m, to));
      if (limit > 0) list = list.slice(0, limit);
      return sendJson(res, 200, list.map(publicView));
    }
    if (parts.length === 1 && method === 'DELETE') {
      await store.clear();
      return sendJson(res, 200, { ok: true });
    }
    const msg = parts[1] ? store.get(parts[1]) : undefined;
    if (parts.length >= 2 && method === 'GET' && !msg) return sendJson(res, 404, { error: 'message not found' });
    if (parts.length === 2 && method === 'GET') return sendJson(res, 200, publicView(msg));
    if (parts.length === 3 && parts[2] === 'html' && method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        // Mail HTML is untrusted: no scripts, no network except images, even if opened outside the iframe.
        'content-security-policy': "default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline'; sandbox",
        'x-content-type-options': 'nosniff',
      });
      return res.end(msg.html || `<pre>${escapeHtml(msg.text)}</pre>`);
    }
    if (parts.length === 3 && parts[2] === 'raw' && method === 'GET') {
      const raw = await store.raw(msg.id);
      if (!raw) return sendJson(res, 404, { error: 'raw source not found' });
      res.writeHead(200, { 'content-type': 'message/rfc822', 'x-content-type-options': 'nosniff' });
      return res.end(raw);
    }
  }

  return sendJson(res, 404, { error: 'not found' });
}

function publicView(msg) {
  const { file: _f, rawFile: _r, ...rest } = msg;
  return rest;
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// The dev mailbox page: a list (time, recipient, subject) and the selected message's HTML in a
// sandboxed iframe (no allow-scripts, no allow-same-origin: mail content cannot run code here).
const MAILBOX_PAGE = `<!doctype html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>開發用信箱 – 臺南市政府公務入口網</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, "Noto Sans TC", "Microsoft JhengHei", sans-serif; }
  body { margin: 0; display: grid; grid-template-columns: minmax(320px, 40%) 1fr; height: 100vh; }
  header { grid-column: 1 / -1; display: flex; gap: 1rem; align-items: center; padding: .5rem 1rem; border-bottom: 1px solid #8884; }
  h1 { font-size: 1.1rem; margin: 0; flex: 1; }
  #list { overflow: auto; border-right: 1px solid #8884; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #8882; vertical-align: top; }
  tbody tr { cursor: pointer; }
  tbody tr:hover, tbody tr[aria-selected="true"] { background: #4a90e222; }
  time { white-space: nowrap; font-variant-numeric: tabular-nums; }
  #detail { display: flex; flex-direction: column; min-height: 0; }
  #meta { padding: .5rem 1rem; font-size: .9rem; border-bottom: 1px solid #8884; }
  #meta dl { display: grid; grid-template-columns: auto 1fr; gap: .2rem .8rem; margin: 0; }
  #meta dt { font-weight: 600; }
  iframe { flex: 1; border: 0; width: 100%; background: #fff; }
  .empty { padding: 1rem; color: #888; }
</style>
</head>
<body>
<header>
  <h1>開發用信箱（SMTP sink）</h1>
  <label><input type="checkbox" id="auto" checked> 自動更新</label>
  <button type="button" id="clear">清除全部</button>
</header>
<section id="list" aria-label="信件列表">
  <table>
    <thead><tr><th scope="col">時間</th><th scope="col">收件者</th><th scope="col">主旨</th></tr></thead>
    <tbody id="rows"></tbody>
  </table>
  <p class="empty" id="empty" hidden>尚無信件</p>
</section>
<section id="detail" aria-label="信件內容">
  <div id="meta"><p class="empty">點選左側信件以檢視內容</p></div>
  <iframe id="body" title="信件 HTML 內容" sandbox></iframe>
</section>
<script>
  const rows = document.getElementById('rows');
  let selected = null;
  let lastIds = '';
  const fmt = (iso) => {
    const d = new Date(iso);
    const p = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return p.format(d);
  };
  const cell = (text, tag = 'td') => { const el = document.createElement(tag); el.textContent = text; return el; };
  function show(m) {
    selected = m.id;
    for (const tr of rows.children) tr.setAttribute('aria-selected', String(tr.dataset.id === m.id));
    const meta = document.getElementById('meta');
    meta.replaceChildren();
    const dl = document.createElement('dl');
    for (const [k, v] of [['寄件者', m.from], ['收件者', m.to.join(', ')], ['主旨', m.subject], ['時間', fmt(m.receivedAt)], ['Message-ID', m.messageId]]) {
      dl.append(cell(k, 'dt'), cell(v, 'dd'));
    }
    const raw = document.createElement('a');
    raw.href = '/messages/' + encodeURIComponent(m.id) + '/raw';
    raw.textContent = '原始信件';
    meta.append(dl, raw);
    document.getElementById('body').src = '/messages/' + encodeURIComponent(m.id) + '/html';
  }
  async function refresh() {
    const list = await (await fetch('/messages')).json();
    const ids = list.map((m) => m.id).join();
    if (ids === lastIds) return;
    lastIds = ids;
    rows.replaceChildren(...list.map((m) => {
      const tr = document.createElement('tr');
      tr.dataset.id = m.id;
      tr.tabIndex = 0;
      tr.setAttribute('aria-selected', String(m.id === selected));
      const t = document.createElement('td');
      const time = document.createElement('time');
      time.dateTime = m.receivedAt;
      time.textContent = fmt(m.receivedAt);
      t.append(time);
      tr.append(t, cell(m.to.join(', ')), cell(m.subject));
      tr.addEventListener('click', () => show(m));
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(m); } });
      return tr;
    }));
    document.getElementById('empty').hidden = list.length > 0;
  }
  document.getElementById('clear').addEventListener('click', async () => {
    if (!confirm('確定清除所有信件？')) return;
    await fetch('/messages', { method: 'DELETE' });
    selected = null;
    document.getElementById('body').removeAttribute('src');
    await refresh();
  });
  setInterval(() => { if (document.getElementById('auto').checked) refresh().catch(() => {}); }, 2000);
  refresh();
</script>
</body>
</html>
`;

// ---------------------------------------------------------------------------------------------
// Standalone

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      smtp: { type: 'string', default: process.env.SMTP_SINK_SMTP_PORT ?? '1025' },
      http: { type: 'string', default: process.env.SMTP_SINK_HTTP_PORT ?? '1080' },
      store: { type: 'string', default: '.data/mail' },
      host: { type: 'string', default: HOST },
    },
  });
  const log = (msg) => console.log(`[smtp-sink] ${msg}`);
  startSmtpSink({
    smtpPort: Number(values.smtp),
    httpPort: Number(values.http),
    storeDir: values.store,
    host: values.host,
    log,
  }).then(
    (sink) => {
      const shutdown = () => sink.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (err) => {
      console.error(`[smtp-sink] ${err.message}`);
      process.exit(1);
    },
  );
}
