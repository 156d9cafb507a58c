import crypto from 'node:crypto';
import type { LoginAction, LoginMethod, PrismaClient } from '@prisma/client';
import {
  confirmPasswordError,
  PASSWORD_REQUIRED_MESSAGE,
  PASSWORD_REUSED_MESSAGE,
  passwordViolations,
} from '../../domain/password-policy';
import type { UsageAction } from '../../domain/usage-actions';
import { AD_PASSWORD_BOX } from '../../infra/db/secret-box';
import { revokeUserSessionsOps } from '../../infra/db/revoke-sessions';
import { sealSecret } from '../../infra/db/secret-box';
import { resolveSystemParameters } from '../../domain/system-parameters';
import { passwordSync } from '../../workflows/password-sync';
import { passwordChangedSignal, passwordSyncWorkflowId } from '../../workflows/password-sync.messages';
import { hashPassword, verifyPassword } from '../../infra/password-hash';
import { fail } from '../errors';
import type { Temporal } from '../temporal';
import { queueMail } from './queue-mail';
import { recordUsage } from './usage';

export type PasswordChangeNote = '開通帳號' | '忘記密碼' | '密碼逾期變更' | '密碼修改';

const ACTION: Record<PasswordChangeNote, LoginAction> = {
  開通帳號: 'ACTIVATE',
  忘記密碼: 'FORGOT_PASSWORD',
  密碼逾期變更: 'CHANGE_PASSWORD',
  密碼修改: 'CHANGE_PASSWORD',
};
const USAGE: Record<PasswordChangeNote, UsageAction> = {
  開通帳號: 'account.activate',
  忘記密碼: 'password.reset',
  密碼逾期變更: 'password.forcedChange',
  密碼修改: 'password.change',
};
export const METHOD_LABELS: Record<LoginMethod, string> = {
  MOBILE_CERT: '行動自然人憑證',
  CITIZEN_CERT: '自然人憑證',
  OTP: '動態驗證碼',
  TEMP_PASSWORD: '臨時密碼',
  PASSWORD: '帳號密碼',
  BACKUP_EMAIL: '備用信箱',
  SMS: '手機簡訊',
};
/** How long a password waits in its SecretBox for AD (an outage longer than this needs a new change). */
const AD_BOX_TTL_MS = 7 * 86_400_000;

export interface SetPasswordDeps {
  prisma: PrismaClient;
  temporal: Temporal;
  webUrl: string;
  dataKey: Buffer;
}

export interface SetPasswordInput {
  userId: string;
  password: unknown;
  confirmPassword: unknown;
  note: PasswordChangeNote;
  /** How the person proved who they are (for 帳號登入紀錄 and the notice). */
  method: LoginMethod;
  /** Who set it: the user's own account, or 系統. */
  actor: string;
  request: { ip?: string; userAgent?: string };
  /** Names of the two fields in error answers (the activation form calls the first newPassword). */
  fields?: { password: string; confirm: string };
  /** The portal session to keep (密碼修改 by a logged-in user); every other one is revoked. */
  keepSessionId?: string;
  /** Runs after every check passed, before anything is written (e.g. spending an identity proof). */
  beforeWrite?: () => Promise<unknown>;
  /**
   * Who takes the new password to AD, given its SecretBox id. Default: the passwordSync workflow.
   * 開通帳號 passes it to the account application's workflow, which also enables the AD account.
   */
  handToAd?: (boxId: string, changedAt: Date) => Promise<void>;
}

async function historyCount(prisma: PrismaClient) {
  const rows = await prisma.systemParameter.findMany({ where: { key: 'password.historyCount' } });
  return resolveSystemParameters(rows, ['password.historyCount'])['password.historyCount'];
}

/**
 * Checks a new password against 密碼規則 and the password history, naming every broken rule:
 * PASSWORD_POLICY with fields[password] = every violation (；-joined) and details.violations = codes,
 * or PASSWORD_REUSED. Nothing is written.
 */
export async function checkNewPassword(
  prisma: PrismaClient,
  user: { id: string; account: string; passwordHash: string | null },
  input: { password: unknown; confirmPassword: unknown },
  names = { password: 'password', confirm: 'confirmPassword' },
): Promise<string> {
  const password = typeof input.password === 'string' ? input.password : '';
  const fields: Record<string, string> = {};
  const violations = password === '' ? [] : passwordViolations(password, { account: user.account });
  if (password === '') fields[names.password] = PASSWORD_REQUIRED_MESSAGE;
  else if (violations.length) fields[names.password] = violations.map((v) => v.message).join('；');
  const mismatch = confirmPasswordError(password, typeof input.confirmPassword === 'string' ? input.confirmPassword : null);
  if (mismatch) fields[names.confirm] = mismatch;
  if (Object.keys(fields).length) {
    throw fail(fields[names.password] ? 'PASSWORD_POLICY' : 'VALIDATION_FAILED', undefined, fields, {
      violations: violations.map((v) => v.code),
    });
  }

  const n = await historyCount(prisma);
  if (n > 0) {
    const history = await prisma.passwordHistory.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: 'desc' },
      take: n,
      select: { hash: true },
    });
    const hashes = new Set(history.map((h) => h.hash));
    // The current password counts even when it predates the history (e.g. seeded accounts).
    if (user.passwordHash) hashes.add(user.passwordHash);
    for (const hash of hashes) {
      if (await verifyPassword(hash, password)) {
        const message = PASSWORD_REUSED_MESSAGE(n);
        throw fail('PASSWORD_REUSED', message, { [names.password]: message });
      }
    }
  }
  return password;
}

/**
 * Sets a user's password — the one implementation behind 開通帳號, 忘記密碼, 密碼逾期變更 and 密碼修改:
 * checks 密碼規則 and the history, hashes with argon2id, and in one transaction writes the hash,
 * the history row, who/why/when, clears the lockout, revokes the user's other sessions (portal and
 * SSO), writes 帳號登入紀錄 and 帳號使用紀錄 and seals the password for AD. Then it hands the sealed
 * password's id to AD's workflow and mails the user a notice. Logins use the new hash at once,
 * whether or not AD has it yet.
 */
export async function setPassword(deps: SetPasswordDeps, input: SetPasswordInput) {
  const { prisma } = deps;
  const user = await prisma.user.findUnique({ where: { id: input.userId } });
  if (!user) throw fail('VERIFICATION_REQUIRED', '身分驗證已逾時或無效，請重新驗證');
  const names = input.fields ?? { password: 'password', confirm: 'confirmPassword' };
  const password = await checkNewPassword(prisma, user, input, names);
  const hash = await hashPassword(password);
  await input.beforeWrite?.();

  const changedAt = new Date();
  const boxId = crypto.randomUUID();
  // A password set before the history existed (seeded, imported) joins it as it is replaced.
  const currentUnrecorded =
    user.passwordHash !== null &&
    (await prisma.passwordHistory.count({ where: { userId: user.id, hash: user.passwordHash } })) === 0;
  const ip = input.request.ip ?? null;
  const userAgent = input.request.userAgent?.slice(0, 512) ?? null;
  await prisma.$transaction([
    prisma.user.update({
      where: { id: user.id },
      data: {
        passwordHash: hash,
        passwordChangedAt: changedAt,
        passwordChangedBy: input.actor.slice(0, 64),
        passwordChangeNote: input.note,
        failedLoginCount: 0,
        lockedUntil: null,
        // 開通帳號's workflow reports its own AD state; otherwise AD is behind until passwordSync runs.
        ...(input.handToAd ? {} : { adSyncStatus: 'PENDING' as const }),
      },
    }),
    ...(currentUnrecorded
      ? [
          prisma.passwordHistory.create({
            data: {
              userId: user.id,
              hash: user.passwordHash!,
              createdAt: user.passwordChangedAt ?? new Date(changedAt.getTime() - 1),
            },
          }),
        ]
      : []),
    prisma.passwordHistory.create({ data: { userId: user.id, hash } }),
    // LoginKit's lockout counter for this account (rate-limiter-flexible key "lock:<account>").
    prisma.rateLimit.deleteMany({ where: { key: `lock:${user.account}` } }),
    ...revokeUserSessionsOps(prisma, user.id, { at: changedAt, keepSessionId: input.keepSessionId }),
    prisma.loginRecord.create({
      data: {
        userId: user.id,
        account: user.account,
        method: input.method,
        action: ACTION[input.note],
        result: 'SUCCESS',
        ip,
        userAgent,
      },
    }),
    recordUsage(prisma, { userId: user.id, action: USAGE[input.note], detail: { method: input.method, note: input.note }, ip }),
    prisma.secretBox.create({
      data: {
        id: boxId,
        purpose: AD_PASSWORD_BOX,
        cipher: sealSecret(password, deps.dataKey, AD_PASSWORD_BOX),
        expiresAt: new Date(changedAt.getTime() + AD_BOX_TTL_MS),
      },
    }),
  ]);

  try {
    if (input.handToAd) await input.handToAd(boxId, changedAt);
    else await startPasswordSync(deps, { id: user.id, account: user.account }, boxId, changedAt);
  } catch (error) {
    // The SSO already uses the new password; AD catches up when the change is handed over again.
    await prisma.user.update({
      where: { id: user.id },
      data: { adLastError: `無法交付 AD 密碼同步：${error instanceof Error ? error.message : String(error)}`.slice(0, 500) },
    });
    throw fail('DEPENDENCY_UNAVAILABLE', '密碼已變更，但同步至 AD 的作業暫時無法啟動，請稍後再試或聯絡系統管理員');
  }

  const to = user.backupEmail ?? (user.officialMail ? `${user.account}@mail.tainan.gov.tw` : null);
  if (to) {
    await queueMail(deps, {
      key: `password-changed:${user.id}:${changedAt.getTime()}`,
      to,
      template: 'passwordChanged',
      data: {
        name: user.name,
        account: user.account,
        reason: input.note,
        method: METHOD_LABELS[input.method],
        changedAt,
        ...(ip ? { ip } : {}),
      },
    });
  }
  return { account: user.account, changedAt };
}

/** Signal-with-start of the user's passwordSync: a running one takes the newer box; else a new run starts. */
export async function startPasswordSync(
  deps: Pick<SetPasswordDeps, 'temporal'>,
  user: { id: string; account: string },
  boxId: string,
  changedAt: Date,
) {
  await deps.temporal.client.workflow.signalWithStart(passwordSync, {
    taskQueue: deps.temporal.settings.taskQueue,
    workflowId: passwordSyncWorkflowId(user.id),
    args: [{ userId: user.id, account: user.account }],
    signal: passwordChangedSignal,
    signalArgs: [{ boxId, changedAt: changedAt.toISOString() }],
  });
}
