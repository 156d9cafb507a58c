/**
 * Adapter for Mitake's (三竹資訊) SMS HTTP API — the production code; in development and tests it
 * talks to scripts/services/mitake-sim.mjs, which speaks the same protocol.
 *
 *   POST {url}/api/mtk/SmSend?CharsetURL=UTF-8   username, password, dstaddr, smbody, clientid …
 *   POST {url}/api/mtk/SmQuery                   username, password → AccountPoint=<n>
 *   POST {url}/api/mtk/SmQuery                   username, password, msgid=a,b → `msgid\tstatuscode\tstatustime` lines
 *
 * Credentials travel in the form body, never in the URL, so no access log records them.
 * Replies are `key=value` lines, CRLF-separated, per message under `[1]`; Mitake answers in Big5.
 */

export const MITAKE_STATUS_TEXT: Record<string, string> = {
  '*': '系統發生錯誤，請聯絡三竹資訊窗口人員',
  a: '簡訊發送功能暫時停止服務，請稍候再試',
  b: '簡訊發送功能暫時停止服務，請稍候再試',
  c: '請輸入帳號',
  d: '請輸入密碼',
  e: '帳號、密碼錯誤',
  f: '帳號已過期',
  h: '帳號已被停用',
  k: '無效的連線位址',
  m: '必須變更密碼，在變更密碼前，無法使用簡訊發送服務',
  n: '密碼已逾期，在變更密碼前，將無法使用簡訊發送服務',
  p: '沒有權限使用外部Http程式',
  r: '系統暫停服務，請稍後再試',
  s: '帳務處理失敗，無法發送簡訊',
  t: '簡訊已過期',
  u: '簡訊內容不得為空白',
  v: '無效的手機號碼',
  '0': '預約傳送中',
  '1': '已送達業者',
  '2': '已送達業者',
  '3': '已送達業者',
  '4': '已送達手機',
  '5': '內容有錯誤',
  '6': '門號有錯誤',
  '7': '簡訊已停用',
  '8': '逾時無送達',
  '9': '預約已取消',
};

/**
 * What went wrong, by what it takes to fix it:
 *   auth        — credentials or account state (c d e f h m n p) or source IP not whitelisted (k):
 *                 someone must act, retrying cannot help
 *   account     — no points left / accounting failure (s): someone must top up
 *   rejected    — this message is invalid (t u v, 5–9): retrying the same message cannot help
 *   unavailable — Mitake paused or failing (a b r *), HTTP 5xx/408/429, network error, timeout: retry
 *   protocol    — a reply we cannot interpret, or an HTTP 4xx (wrong URL): retry only if not 4xx
 */
export type MitakeErrorKind = 'auth' | 'account' | 'rejected' | 'unavailable' | 'protocol';

export class MitakeError extends Error {
  override name = 'MitakeError';
  constructor(
    message: string,
    readonly kind: MitakeErrorKind,
    readonly retryable: boolean,
    readonly statuscode?: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

const SUCCESS_CODES = new Set(['0', '1', '2', '3', '4']);

function errorForStatus(code: string, serverText?: string): MitakeError {
  const text = serverText || MITAKE_STATUS_TEXT[code] || '未知的狀態碼';
  const message = `三竹簡訊回應 statuscode=${code}：${text}`;
  if ('cdefhkmnp'.includes(code)) return new MitakeError(message, 'auth', false, code);
  if (code === 's') return new MitakeError(message, 'account', false, code);
  if ('tuv56789'.includes(code)) return new MitakeError(message, 'rejected', false, code);
  if ('abr*'.includes(code)) return new MitakeError(message, 'unavailable', true, code);
  // Unknown code: we cannot tell whether it was sent; a retry with the same clientid is safe.
  return new MitakeError(message, 'protocol', true, code);
}

export interface MitakeReply {
  /** key=value lines before the first `[n]` section (account-level errors, SmQuery balance). */
  fields: Record<string, string>;
  /** One entry per `[n]` section: msgid, statuscode, AccountPoint, Duplicate, Error … */
  sections: Record<string, string>[];
}

/** Parses Mitake's reply lines. Tolerates CRLF/LF/CR and values containing "=". */
export function parseMitakeReply(text: string): MitakeReply {
  const reply: MitakeReply = { fields: {}, sections: [] };
  let current = reply.fields;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (/^\[[^\]]*\]$/.test(line)) {
      current = {};
      reply.sections.push(current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) current[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return reply;
}

/** Decodes a reply body: the declared charset if any, else UTF-8 if it is valid UTF-8, else Big5. */
export function decodeMitakeBody(bytes: Uint8Array, contentType: string | null): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // Unknown label: fall through to detection.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('big5').decode(bytes);
  }
}

const field = (rec: Record<string, string> | undefined, name: string) =>
  rec ? Object.entries(rec).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] : undefined;

export interface MitakeSendInput {
  /** 09xxxxxxxx */
  to: string;
  body: string;
  /** Mitake keeps it 12 hours and will not send a second message with the same one. ≤ 36 characters. */
  clientId: string;
  /** Recipient name, for Mitake's reports. */
  destName?: string;
}

export interface MitakeSendResult {
  msgid: string;
  statuscode: string;
  accountPoint: number | null;
  /** Mitake recognised the clientid and did not send again (`Duplicate=Y`). */
  duplicate: boolean;
}

/** Reads a SmSend reply: the first section's statuscode decides; account-level errors have no section. */
export function interpretSendReply(reply: MitakeReply): MitakeSendResult {
  const section = reply.sections[0];
  const code = field(section, 'statuscode') ?? field(reply.fields, 'statuscode');
  if (!code) throw new MitakeError('三竹簡訊回應格式無法辨識（缺少 statuscode）', 'protocol', true);
  if (!SUCCESS_CODES.has(code)) throw errorForStatus(code, field(section, 'Error') ?? field(reply.fields, 'Error'));
  const msgid = field(section, 'msgid') ?? field(reply.fields, 'msgid');
  if (!msgid) throw new MitakeError('三竹簡訊回應格式無法辨識（缺少 msgid）', 'protocol', true, code);
  const points = field(section, 'AccountPoint') ?? field(reply.fields, 'AccountPoint');
  const duplicate = (field(section, 'Duplicate') ?? field(reply.fields, 'Duplicate'))?.toUpperCase() === 'Y';
  return {
    msgid,
    statuscode: code,
    accountPoint: points !== undefined && /^-?\d+$/.test(points) ? Number(points) : null,
    duplicate,
  };
}

export interface MitakeClientOptions {
  /** Base URL, e.g. https://smsapi.mitake.com.tw (a trailing /api/mtk is accepted too). */
  url: string;
  username: string;
  password: string;
  timeoutMs?: number;
}

/** One message's delivery state from SmQuery: statuscode 0–9 (MITAKE_STATUS_TEXT), or `*` when Mitake does not know the msgid. */
export interface MitakeMessageStatus {
  msgid: string;
  statuscode: string;
  /** When the state was reached (Mitake's YYYYMMDDHHmmss, Asia/Taipei), if given. */
  statusTime: Date | null;
}

/** Reads SmQuery's per-message lines `msgid<TAB>statuscode<TAB>statustime`. */
export function parseStatusLines(text: string): MitakeMessageStatus[] {
  const out: MitakeMessageStatus[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const [msgid, statuscode, time] = raw.trim().split('\t');
    if (!msgid || statuscode === undefined || msgid.includes('=')) continue;
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(time?.trim() ?? '');
    const statusTime = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]! - 8, +m[5]!, +m[6]!)) : null;
    out.push({ msgid: msgid.trim(), statuscode: statuscode.trim(), statusTime });
  }
  return out;
}

export interface MitakeClient {
  send(input: MitakeSendInput): Promise<MitakeSendResult>;
  /** Delivery states of sent messages, by Mitake's msgid (SmQuery with msgid). */
  status(msgids: readonly string[]): Promise<MitakeMessageStatus[]>;
  /** The account's point balance; throws MitakeError when Mitake is unreachable or refuses the account. */
  ping(): Promise<{ accountPoint: number }>;
}

/** Mitake's line break inside smbody is ASCII 6 (ACK). */
const toSmbody = (body: string) => body.replace(/\r\n|\r|\n/g, '\x06');

// encodeURIComponent rather than URLSearchParams: spaces as %20, not "+", which Mitake's
// GET-style parameter handling is not documented to decode.
const formEncode = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

export function createMitakeClient(options: MitakeClientOptions): MitakeClient {
  const base = options.url.replace(/\/+$/, '').replace(/\/api\/mtk$/i, '');
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(endpoint: 'SmSend' | 'SmQuery', params: Record<string, string>): Promise<string> {
    const url = `${base}/api/mtk/${endpoint}?CharsetURL=UTF-8`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: formEncode({ username: options.username, password: options.password, ...params }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
      const what =
        e.name === 'TimeoutError'
          ? `${timeoutMs / 1000} 秒內沒有回應`
          : (e.cause?.code ?? e.cause?.message ?? e.message ?? String(error));
      // A timeout after the request left may still have sent the SMS: the retry reuses the clientid.
      throw new MitakeError(`無法連線至三竹簡訊（${endpoint}）：${what}`, 'unavailable', true);
    }
    const bytes = new Uint8Array(await response.arrayBuffer().catch(() => new ArrayBuffer(0)));
    if (!response.ok) {
      const status = response.status;
      const retryable = status >= 500 || status === 408 || status === 429;
      throw new MitakeError(
        `三竹簡訊回應 HTTP ${status}（${endpoint}）`,
        retryable ? 'unavailable' : 'protocol',
        retryable,
        undefined,
        status,
      );
    }
    return decodeMitakeBody(bytes, response.headers.get('content-type'));
  }

  return {
    async send({ to, body, clientId, destName }) {
      const params: Record<string, string> = { dstaddr: to, smbody: toSmbody(body), clientid: clientId };
      if (destName) params.destname = destName;
      return interpretSendReply(parseMitakeReply(await call('SmSend', params)));
    },
    async status(msgids) {
      if (msgids.length === 0) return [];
      const text = await call('SmQuery', { msgid: msgids.join(',') });
      // An account-level refusal (statuscode=e …) comes as key=value lines instead.
      const reply = parseMitakeReply(text);
      const code = field(reply.fields, 'statuscode');
      if (code) throw errorForStatus(code, field(reply.fields, 'Error'));
      return parseStatusLines(text);
    },
    async ping() {
      const reply = parseMitakeReply(await call('SmQuery', {}));
      const points = field(reply.fields, 'AccountPoint') ?? field(reply.sections[0], 'AccountPoint');
      if (points !== undefined && /^-?\d+$/.test(points)) return { accountPoint: Number(points) };
      const code = field(reply.fields, 'statuscode') ?? field(reply.sections[0], 'statuscode');
      if (code) throw errorForStatus(code, field(reply.fields, 'Error') ?? field(reply.sections[0], 'Error'));
      throw new MitakeError('三竹簡訊回應格式無法辨識（缺少 AccountPoint）', 'protocol', true);
    },
  };
}
