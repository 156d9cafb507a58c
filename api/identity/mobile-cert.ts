import crypto from 'node:crypto';
import type { IdentityPurpose, MobileCertStatus, MobileCertTransaction, PrismaClient } from '@prisma/client';
import type { MobileCertPurpose, MobileCertView } from '../../domain/contracts/mobile-cert';
import { nationalIdError, normalizeNationalId } from '../../domain/national-id';
import { hashNationalId } from '../../infra/db/pii';
import { MoiFidoError, type MoiFidoClient } from '../../infra/moi/client';
import type { MoiTicket } from '../../infra/moi/types';
import { sameClient } from '../auth/client-binding';
import { fail, resendTooSoon } from '../errors';

/**
 * 行動自然人憑證 verification over MobileCertTransaction: a push (or QR code) through the MOI TW FidO
 * service, polled until the person approves, denies, or lets it expire; an approval is then spent
 * exactly once (a login, an identity proof). The ID number is used for the calls to MOI and kept
 * only as its HMAC (HASH_KEY): 重新發送推播 and QRCode 模式 take the number again from the browser
 * and check it against that hash.
 *
 * `moiTransactionId` holds "<transaction_id> <sp_ticket_id>" of the request in force: MOI needs both
 * to poll, and the frozen schema has one column for it.
 */

export type { MobileCertPurpose, MobileCertView };
export const MOBILE_CERT_PURPOSES = [
  'LOGIN',
  'ACTIVATE',
  'RESET_PASSWORD',
  'VERIFY',
] as const satisfies readonly MobileCertPurpose[];

/** Seconds the person has to answer in the APP (the MOI service accepts 30–600). */
export const MOBILE_CERT_TIME_LIMIT_S = 180;
/** MOI asks SPs to poll no more often than every 4 seconds. */
export const MOI_POLL_INTERVAL_MS = 4_000;
/** 重新發送推播 / QRCode 模式 no sooner than this after the previous request. */
export const RESEND_AFTER_MS = 15_000;
/** An approval must be used within this time after the request expired. */
export const APPROVAL_GRACE_MS = 10 * 60_000;
/** New verifications per ID number per window (each one pushes to a phone). */
export const STARTS_PER_ID = 5;
export const STARTS_WINDOW_MS = 10 * 60_000;

const HINTS: Record<MobileCertPurpose, string> = {
  LOGIN: '臺南市政府單一帳號認證平台 登入',
  ACTIVATE: '臺南市政府單一帳號認證平台 開通帳號',
  RESET_PASSWORD: '臺南市政府單一帳號認證平台 忘記密碼',
  VERIFY: '臺南市政府公務入口網 身分驗證',
};

/** What the person sees for each state (the web shows it as is). */
export const STATUS_MESSAGES: Record<MobileCertStatus, string> = {
  PENDING: '已發送推播至您的行動自然人憑證 APP，請於手機上完成驗證。',
  APPROVED: '行動自然人憑證驗證成功。',
  DENIED: '您已在行動自然人憑證 APP 拒絕此次驗證。如需繼續，請重新驗證。',
  EXPIRED: '驗證已逾時，請重新發送推播或重新驗證。',
  FAILED: '行動自然人憑證驗證失敗，請重新驗證。',
};

const UNAVAILABLE = '內政部行動自然人憑證服務暫時無法使用，請稍後再試或改用其他驗證方式';
const NOT_REGISTERED =
  '此身分證字號尚未註冊行動自然人憑證，請先下載「行動自然人憑證」APP 並至內政部行動自然人憑證網站（fido.moi.gov.tw）完成註冊綁定。';

const moiRef = (ticket: MoiTicket) => `${ticket.transactionId} ${ticket.spTicketId}`;
function parseRef(ref: string | null) {
  const [transactionId, spTicketId] = (ref ?? '').split(' ');
  return transactionId && spTicketId ? { transactionId, spTicketId } : null;
}

function view(row: MobileCertTransaction, extra: { qrCode?: string } = {}): MobileCertView {
  const sentAt = row.expiresAt.getTime() - MOBILE_CERT_TIME_LIMIT_S * 1000;
  return {
    id: row.id,
    purpose: row.purpose as MobileCertPurpose,
    status: row.status,
    mode: row.mode === 'QR' ? 'QR' : 'PUSH',
    expiresAt: row.expiresAt.toISOString(),
    message:
      row.status === 'PENDING' && row.mode === 'QR'
        ? '請開啟行動自然人憑證 APP，以「驗證」功能掃描 QRCode 並完成驗證。'
        : STATUS_MESSAGES[row.status],
    pollAfterMs: MOI_POLL_INTERVAL_MS,
    resendAfter: new Date(sentAt + RESEND_AFTER_MS).toISOString(),
    ...extra,
  };
}

/** The ID number checked and normalised, or a field error on `nationalId`. */
function readNationalId(raw: unknown): string {
  const value = typeof raw === 'string' ? normalizeNationalId(raw) : '';
  const error = nationalIdError(value);
  if (error) throw fail('VALIDATION_FAILED', error, { nationalId: error });
  return value;
}

/** MOI's refusals, as the person should read them; never carries the ID number. */
function moiFailure(error: unknown): never {
  if (error instanceof MoiFidoError) {
    if (error.kind === 'unregistered') throw fail('MOBILE_CERT_NOT_REGISTERED', NOT_REGISTERED, { nationalId: NOT_REGISTERED });
    if (error.kind === 'invalid-id')
      throw fail('VALIDATION_FAILED', '身分證字號格式錯誤，請確認輸入資訊。', {
        nationalId: '身分證字號格式錯誤，請確認輸入資訊。',
      });
    throw fail('DEPENDENCY_UNAVAILABLE', UNAVAILABLE);
  }
  throw error;
}

export function createMobileCert(deps: { prisma: PrismaClient; moi: MoiFidoClient; hashKey: Buffer; now?: () => number }) {
  const { prisma, moi } = deps;
  const now = deps.now ?? Date.now;
  /** Last time each transaction asked MOI (per replica; MOI's 4-second rule, not a security limit). */
  const lastAsked = new Map<string, number>();

  /** The transaction, only for the browser that started it (api/auth/client-binding.ts). */
  async function load(id: string, client: string | undefined) {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await prisma.mobileCertTransaction.findUnique({ where: { id } }) : null;
    if (!row || !sameClient(row.clientHash, client)) throw fail('NOT_FOUND', '找不到此行動自然人憑證驗證，請重新驗證');
    return row;
  }

  /** The number given again (resend, QR) must be the one the verification was started with. */
  function sameNationalId(row: MobileCertTransaction, raw: unknown) {
    const nationalId = readNationalId(raw);
    const given = Buffer.from(hashNationalId(nationalId, deps.hashKey), 'hex');
    const stored = Buffer.from(row.nationalIdHash, 'hex');
    if (given.length !== stored.length || !crypto.timingSafeEqual(given, stored)) {
      throw fail('VALIDATION_FAILED', '身分證字號與此次驗證不符，請重新驗證', { nationalId: '身分證字號與此次驗證不符' });
    }
    return nationalId;
  }

  async function ask(mode: 'PUSH' | 'QR', purpose: MobileCertPurpose, nationalId: string) {
    const request = {
      transactionId: crypto.randomUUID(),
      idNum: nationalId,
      hint: HINTS[purpose],
      timeLimit: MOBILE_CERT_TIME_LIMIT_S,
    };
    try {
      return mode === 'PUSH' ? await moi.requestPush(request) : await moi.requestQrCode(request);
    } catch (error) {
      moiFailure(error);
    }
  }

  /** 重新發送推播 and QRCode 模式: a new MOI request for the same verification. */
  async function reissue(id: string, rawNationalId: unknown, mode: 'PUSH' | 'QR', client: string | undefined) {
    const row = await load(id, client);
    const nationalId = sameNationalId(row, rawNationalId);
    if (row.consumedAt || row.status === 'APPROVED') throw fail('CONFLICT', '此驗證已完成，無需重新發送');
    if (row.status === 'FAILED') throw fail('CONFLICT', '此驗證已失效，請重新驗證');
    const sentAt = row.expiresAt.getTime() - MOBILE_CERT_TIME_LIMIT_S * 1000;
    const wait = sentAt + RESEND_AFTER_MS - now();
    if (wait > 0 && row.mode === mode) {
      throw resendTooSoon(
        new Date(sentAt + RESEND_AFTER_MS),
        mode === 'PUSH' ? { sent: '推播已送出', again: '重新發送推播' } : { sent: 'QRCode 已產生', again: '產生 QRCode' },
        now(),
      );
    }
    const ticket = await ask(mode, row.purpose as MobileCertPurpose, nationalId);
    const updated = await prisma.mobileCertTransaction.update({
      where: { id: row.id },
      data: { moiTransactionId: moiRef(ticket), mode, status: 'PENDING', resultDetail: null, expiresAt: ticket.expiresAt },
    });
    lastAsked.delete(row.id);
    return view(updated, mode === 'QR' ? { qrCode: ticket.spTicket } : {});
  }

  return {
    /** 登入 / 繼續: validates the ID number and pushes a request to the person's APP. */
    async start(
      purpose: MobileCertPurpose,
      rawNationalId: unknown,
      ip: string | undefined,
      client: string,
    ): Promise<MobileCertView> {
      const nationalId = readNationalId(rawNationalId);
      const nationalIdHash = hashNationalId(nationalId, deps.hashKey);
      const recent = await prisma.mobileCertTransaction.count({
        where: { nationalIdHash, createdAt: { gt: new Date(now() - STARTS_WINDOW_MS) } },
      });
      if (recent >= STARTS_PER_ID) {
        throw fail('RATE_LIMITED', '此身分證字號的驗證請求過於頻繁，請 10 分鐘後再試');
      }
      const ticket = await ask('PUSH', purpose, nationalId);
      const row = await prisma.mobileCertTransaction.create({
        data: {
          purpose,
          nationalIdHash,
          moiTransactionId: moiRef(ticket),
          mode: 'PUSH',
          status: 'PENDING',
          expiresAt: ticket.expiresAt,
          ip: ip?.slice(0, 64) ?? null,
          clientHash: client,
        },
      });
      return view(row);
    },

    /** The state of a verification; asks MOI while it is pending (at most every 4 seconds). */
    async poll(id: string, client: string | undefined): Promise<MobileCertView> {
      const row = await load(id, client);
      if (row.status !== 'PENDING') return view(row);
      const asked = lastAsked.get(row.id);
      if (asked !== undefined && now() - asked < MOI_POLL_INTERVAL_MS - 500) return view(row);
      lastAsked.set(row.id, now());
      if (lastAsked.size > 10_000) lastAsked.delete(lastAsked.keys().next().value!);

      const ref = parseRef(row.moiTransactionId);
      let next: { status: MobileCertStatus; detail: string } | null = null;
      if (!ref) next = { status: 'FAILED', detail: 'NO_MOI_REFERENCE' };
      else {
        const result = await moi.getResult(ref).catch((error: unknown) => {
          if (error instanceof MoiFidoError && error.retryable) return null; // try again at the next poll
          if (error instanceof MoiFidoError) return { status: 'FAILED' as const, code: error.code ?? error.kind, message: '' };
          throw error;
        });
        if (result === null) {
          if (row.expiresAt.getTime() <= now()) next = { status: 'EXPIRED', detail: 'MOI_UNREACHABLE' };
        } else if (result.status === 'APPROVED') next = { status: 'APPROVED', detail: 'APPROVED' };
        else if (result.status === 'PENDING') {
          if (row.expiresAt.getTime() <= now()) next = { status: 'EXPIRED', detail: 'TIMED_OUT' };
        } else if (result.status === 'DENIED') next = { status: 'DENIED', detail: result.code };
        else if (result.status === 'EXPIRED') next = { status: 'EXPIRED', detail: result.code };
        else if (result.status === 'REDEEMED') {
          // Another replica took the result and recorded it; read what it wrote.
          return view(await load(id, client));
        } else next = { status: 'FAILED', detail: result.code };
      }
      if (!next) return view(row);
      // Only a pending row moves, so two polls racing record one outcome.
      await prisma.mobileCertTransaction.updateMany({
        where: { id: row.id, status: 'PENDING', moiTransactionId: row.moiTransactionId },
        data: { status: next.status, resultDetail: next.detail.slice(0, 200) },
      });
      lastAsked.delete(row.id);
      return view(await load(id, client));
    },

    /** 重新發送推播: a new push for the same verification (the ID number is given again). */
    resend: (id: string, rawNationalId: unknown, client: string | undefined) => reissue(id, rawNationalId, 'PUSH', client),

    /** QRCode 模式登入: switches to a QR code the APP scans; answers the code's content. */
    qr: (id: string, rawNationalId: unknown, client: string | undefined) => reissue(id, rawNationalId, 'QR', client),
  };
}

export type MobileCert = ReturnType<typeof createMobileCert>;

/**
 * Spends an approval: once, for one of `purposes`, soon after it was given, from the browser that
 * started it. Needs only the database, so the login method and the proof route can use it without
 * the MOI client.
 */
export async function consumeApproved(
  prisma: PrismaClient,
  id: string,
  purposes: readonly MobileCertPurpose[],
  client: string | undefined,
): Promise<{ nationalIdHash: string; purpose: IdentityPurpose }> {
  const notApproved = () => fail('MOBILE_CERT_NOT_APPROVED', '行動自然人憑證驗證尚未完成或已使用，請重新驗證');
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id) || !client) throw notApproved();
  const spent = await prisma.mobileCertTransaction.updateMany({
    where: {
      id,
      // An HMAC of the browser's random cookie: equality in SQL leaks nothing usable.
      clientHash: client,
      status: 'APPROVED',
      consumedAt: null,
      purpose: { in: [...purposes] },
      expiresAt: { gt: new Date(Date.now() - APPROVAL_GRACE_MS) },
    },
    data: { consumedAt: new Date() },
  });
  if (spent.count !== 1) throw notApproved();
  const row = await prisma.mobileCertTransaction.findUniqueOrThrow({ where: { id } });
  return { nationalIdHash: row.nationalIdHash, purpose: row.purpose };
}
