// The log scan `npm test` ends with: every secret the run issued or typed, searched for in every log
// file the run wrote. Node built-ins only (runs from scripts/test.mjs).
//
// Collected values:
//   - what the suites recorded (tests/support/issued.ts → ISSUED_SECRETS_FILE): tokens, proofs, change
//     tokens, captcha / verification / transaction ids from API answers; passwords and codes sent;
//   - what the run's SMTP sink and Mitake simulator received after the run started: 驗證碼, 臨時密碼,
//     the key of every 查詢案件進度 link — every code the system sent, whoever read it;
//   - fixed ones the caller adds (the demo password).
// Matching: a value made of URL-safe characters (all tokens, ids, codes, temporary passwords) counts
// when a whole run of such characters in the log equals it, so a 6-digit code does not match inside a
// timestamp; any other value (a typed password) counts wherever its text appears.
import fs from 'node:fs';
import path from 'node:path';

const URL_SAFE = /^[A-Za-z0-9_-]+$/;
const RUNS = /[A-Za-z0-9_-]+/g;
const MIN_LENGTH = 6;

/** The size of every file under `dir` now, so the scan reads only what this run appended. */
export function logOffsets(dir) {
  const offsets = new Map();
  for (const file of listFiles(dir)) offsets.set(file, fs.statSync(file).size);
  return offsets;
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : entry.isFile() ? [full] : [];
  });
}

/** Codes, temporary passwords and status-link keys in the mails and SMS a run's simulators stored. */
export function secretsInMessages({ mailDir, smsDir, since }) {
  const found = [];
  const recent = (dir) => listFiles(dir).filter((f) => f.endsWith('.json') && fs.statSync(f).mtimeMs >= since);
  for (const file of recent(mailDir)) {
    const mail = readJson(file);
    if (!mail) continue;
    const text = `${mail.text ?? ''}\n${mail.html ?? ''}`;
    if (String(mail.subject ?? '').includes('驗證碼')) {
      for (const [, code] of text.matchAll(/(?<![0-9])(\d{6})(?![0-9])/g)) found.push({ kind: 'mailed code', value: code });
    }
    for (const [, password] of text.matchAll(/臨時密碼為：\s*(?:<[^>]*>\s*)*([A-Za-z0-9]{12})/g))
      found.push({ kind: 'mailed temporary password', value: password });
    for (const [, key] of text.matchAll(/[?&](?:amp;)?key=([A-Za-z0-9_-]+)/g))
      found.push({ kind: 'mailed status key', value: key });
  }
  for (const file of recent(smsDir)) {
    const sms = readJson(file);
    for (const [, code] of String(sms?.body ?? '').matchAll(/驗證碼為\s*(\d{6})/g)) found.push({ kind: 'SMS code', value: code });
  }
  return found;
}

/** The values the suites recorded (one JSON line each; a line cut by a crash is skipped). */
export function recordedSecrets(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Searches what each log file gained since `offsets` (files that are new count from their start)
 * for every value. Returns the figures and each hit (file, kind, how often, the value masked).
 */
export function scanLogs({ logsDir, offsets = new Map(), secrets }) {
  const byValue = new Map();
  for (const { kind, value } of secrets) {
    if (typeof value !== 'string' || value.length < MIN_LENGTH) continue;
    if (!byValue.has(value)) byValue.set(value, kind);
  }
  const runValues = new Set([...byValue.keys()].filter((v) => URL_SAFE.test(v)));
  const textValues = [...byValue.keys()].filter((v) => !URL_SAFE.test(v));
  const hits = [];
  let bytes = 0;
  const files = listFiles(logsDir);
  for (const file of files) {
    const text = readFrom(file, offsets.get(file) ?? 0);
    bytes += Buffer.byteLength(text);
    const counts = new Map();
    for (const [run] of text.matchAll(RUNS)) if (runValues.has(run)) counts.set(run, (counts.get(run) ?? 0) + 1);
    for (const value of textValues) {
      let count = 0;
      for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) count++;
      if (count) counts.set(value, count);
    }
    for (const [value, count] of counts)
      hits.push({ file, kind: byValue.get(value), count, value: `${value.slice(0, 3)}…(${value.length})` });
  }
  return { values: byValue.size, files: files.length, bytes, hits };
}

function readFrom(file, offset) {
  const size = fs.statSync(file).size;
  const start = offset <= size ? offset : 0; // a file rotated or truncated since: read it whole
  if (size === start) return '';
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size - start);
    fs.readSync(fd, buffer, 0, buffer.length, start);
    return buffer.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** The lines `npm test` prints: the figures always, every hit when there are any. */
export function describeScan(result, secretsByKind) {
  const kinds = [...secretsByKind].map(([kind, n]) => `${kind} ${n}`).join('、');
  const lines = [
    `日誌機敏值掃描：${result.values} 個值（${kinds || '無'}），${result.files} 個日誌檔，${result.bytes} 位元組，命中 ${result.hits.length} 處`,
  ];
  for (const hit of result.hits) lines.push(`  ✗ ${hit.kind} ${hit.value} 出現在 ${hit.file}（${hit.count} 次）`);
  return lines;
}
