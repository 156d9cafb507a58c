// The 自然人憑證 signing component on the user's own PC (中華電信 HiPKI「跨平台網頁元件」, installed
// with HiCOS; http://localhost:61161). The browser reads the card in the reader and, given the PIN,
// has the card sign the server's challenge. This is the one place the SPA calls fetch for something
// that is not our API: the component answers HTTP 200 with ret_code / last_error.
// In development and tests the same API is played by scripts/services/card-signer-sim.mjs.

/** ret_code values of the component (its published error table). */
export const RET = {
  OK: 0,
  NO_CARD: 0x76000006,
  UNTRUSTED_SITE: 0x76000031,
  NO_PIN: 0x76000998,
  CANCELLED: 0x76000999,
  LOGIN_FAILED: 0x76100006,
} as const;

/** last_error values (PKCS#11 CKR_* and HiCOS' "tries left"). */
export const LAST_ERROR = {
  PIN_INCORRECT: 0xa0,
  PIN_LEN_RANGE: 0xa2,
  PIN_LOCKED: 0xa4,
  ONE_LEFT: -2147483647,
  TWO_LEFT: -2147483646,
} as const;

export type SignerProblem = 'no-component' | 'untrusted' | 'no-card' | 'wrong-pin' | 'locked' | 'failed';

export class SignerError extends Error {
  constructor(
    readonly problem: SignerProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SignerError';
  }
}

export const SIGNER_MESSAGES = {
  'no-component': '偵測不到自然人憑證元件，請確認已安裝並啟動最新版本的 HiCOS 卡片管理工具（跨平台網頁元件）。',
  untrusted: '本網站尚未加入跨平台網頁元件的信任網站，請於元件中加入後再試。',
  'no-card': '請確認讀卡機已插入自然人憑證。',
  locked: 'PIN 碼錯誤次數過多，自然人憑證已鎖卡，請攜帶自然人憑證至戶政事務所辦理解鎖。',
  failed: '自然人憑證簽章失敗，請重新插入卡片後再試。',
} as const;

/** The user-facing reading of a component answer that is not OK. */
export function signerProblem(retCode: number, lastError = 0): SignerError {
  // Some builds report negative numbers for the 0x76… codes.
  const code = retCode < 0 ? retCode + 0x1_0000_0000 : retCode;
  if (code === RET.UNTRUSTED_SITE) return new SignerError('untrusted', SIGNER_MESSAGES.untrusted);
  if (code === RET.NO_CARD) return new SignerError('no-card', SIGNER_MESSAGES['no-card']);
  if (code === RET.NO_PIN) return new SignerError('wrong-pin', '請輸入 PIN 碼');
  if (lastError === LAST_ERROR.PIN_LOCKED) return new SignerError('locked', SIGNER_MESSAGES.locked);
  if (lastError === LAST_ERROR.TWO_LEFT) return new SignerError('wrong-pin', 'PIN 碼錯誤，剩餘兩次機會（連續錯誤 3 次將鎖卡）');
  if (lastError === LAST_ERROR.ONE_LEFT) return new SignerError('wrong-pin', 'PIN 碼錯誤，剩餘一次機會（再錯一次將鎖卡）');
  if (lastError === LAST_ERROR.PIN_INCORRECT || lastError === LAST_ERROR.PIN_LEN_RANGE) {
    return new SignerError('wrong-pin', 'PIN 碼錯誤，請重新輸入（連續錯誤 3 次將鎖卡）');
  }
  if (code === RET.CANCELLED) return new SignerError('failed', '已取消簽章');
  return new SignerError('failed', `${SIGNER_MESSAGES.failed}（錯誤代碼 0x${code.toString(16)}）`);
}

export interface InsertedCard {
  reader: string;
  /** The holder's name (CN of the signing certificate). */
  holder: string;
}

interface Pkcs11Info {
  ret_code: number;
  last_error?: number;
  slots?: {
    slotDescription?: string;
    token?: { certs?: { usage?: string; subjectDN?: string }[] };
  }[];
}

interface SignAnswer {
  ret_code: number;
  last_error?: number;
  signature?: string;
  certb64?: string;
}

const base = (url: string) => url.replace(/\/+$/, '');

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, cache: 'no-store', credentials: 'omit' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new SignerError('no-component', SIGNER_MESSAGES['no-component']);
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new SignerError('no-component', SIGNER_MESSAGES['no-component']);
  }
}

/** CN=… of a DN string such as "CN=陳志明,C=TW". */
export function commonName(dn: string | undefined): string {
  const match = /(?:^|,)\s*CN=([^,]+)/.exec(dn ?? '');
  return match?.[1]?.trim() ?? '';
}

/** The card in the reader (its signing certificate's holder), or a SignerError saying what is missing. */
export async function detectCard(signerUrl: string, signal?: AbortSignal): Promise<InsertedCard> {
  const info = await call<Pkcs11Info>(`${base(signerUrl)}/pkcs11info?withcert=true`, { signal });
  if (info.ret_code !== RET.OK) throw signerProblem(info.ret_code, info.last_error);
  for (const slot of info.slots ?? []) {
    const certs = slot.token?.certs ?? [];
    const signing = certs.find((cert) => cert.usage === 'digitalSignature') ?? certs[0];
    if (slot.token) return { reader: slot.slotDescription ?? '', holder: commonName(signing?.subjectDN) };
  }
  throw new SignerError('no-card', SIGNER_MESSAGES['no-card']);
}

const toBase64 = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/**
 * Has the card sign `tbs` (SHA-256, PKCS#1) with the PIN. Answers the signature and the signing
 * certificate (base64), as the server's /citizen-cert endpoints take them.
 */
export async function signWithCard(signerUrl: string, input: { tbs: string; pin: string }) {
  const tbsPackage = {
    func: 'MakeSignature',
    tbs: toBase64(input.tbs),
    tbsEncoding: 'base64',
    hashAlgorithm: 'SHA256',
    withCardSN: 'false',
    pin: encodeURIComponent(input.pin),
    signatureType: 'PKCS1',
  };
  // A form post is a "simple" cross-origin request (no preflight), as the component expects.
  const body = `tbsPackage=${JSON.stringify(tbsPackage).replace(/\+/g, '%2B')}`;
  const answer = await call<SignAnswer>(`${base(signerUrl)}/sign`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
  if (answer.ret_code !== RET.OK || !answer.signature || !answer.certb64) throw signerProblem(answer.ret_code, answer.last_error);
  return { signature: answer.signature, certificate: answer.certb64 };
}

/** A card PIN: 6 to 8 digits. Null when acceptable, else the message. */
export function pinError(pin: string): string | null {
  if (!pin) return '請輸入 PIN 碼';
  if (!/^\d{6,8}$/.test(pin)) return 'PIN 碼為 6 至 8 位數字';
  return null;
}
