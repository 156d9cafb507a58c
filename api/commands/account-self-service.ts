import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { OLD_PASSWORD_REQUIRED_MESSAGE } from '../../domain/password-policy';
import { adminRoleRequestSchema, profileSchema } from '../../domain/schemas/profile';
import type { UsageAction } from '../../domain/usage-actions';
import { adminRoleRequest } from '../../workflows/admin-role-request';
import {
  adminRoleRequestWorkflowId,
  ADMIN_ROLE_STATUS_LABELS,
  decideAdminRoleUpdate,
  type AdminRoleDecideInput,
} from '../../workflows/admin-role-request.messages';
import { profileSync, profileSyncWorkflowId } from '../../workflows/profile-sync';
import { requestSearchAttributes } from '../../workflows/search-attributes';
import { verifyPassword } from '../../infra/password-hash';
import { fail } from '../errors';
import { sniffImage } from '../image-upload';
import type { Actor } from '../policies';
import type { Temporal } from '../temporal';
import { setPassword, type SetPasswordDeps } from './set-password';
import { recordUsage } from './usage';
import { updateRefusal } from './update-refusal';

export interface SelfServiceDeps extends SetPasswordDeps {
  prisma: PrismaClient;
  temporal: Temporal;
}

interface Ctx {
  actor: Actor;
  ip?: string;
  userAgent?: string;
}

const usage = (prisma: PrismaClient, ctx: Ctx, action: UsageAction, detail: Record<string, unknown>, target?: string) =>
  recordUsage(prisma, { userId: ctx.actor.id, action, detail: detail as object, ip: ctx.ip ?? null, target: target ?? null });

/**
 * 密碼修改 (§3.5.3): the old password must verify against the stored argon2id hash, then the one
 * setPassword path (rules, history, AD via passwordSync, records, notice). The current session stays.
 * A wrong old password changes nothing.
 */
export async function changeOwnPassword(deps: SelfServiceDeps, ctx: Ctx & { sessionId?: string }, body: unknown) {
  const input = (body ?? {}) as { oldPassword?: unknown; password?: unknown; confirmPassword?: unknown };
  const oldPassword = typeof input.oldPassword === 'string' ? input.oldPassword : '';
  if (oldPassword === '')
    throw fail('VALIDATION_FAILED', OLD_PASSWORD_REQUIRED_MESSAGE, { oldPassword: OLD_PASSWORD_REQUIRED_MESSAGE });
  const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { passwordHash: true } });
  if (!user.passwordHash || oldPassword.length > 128 || !(await verifyPassword(user.passwordHash, oldPassword))) {
    await usage(deps.prisma, ctx, 'password.change', { result: 'FAILURE', reason: '舊密碼錯誤' });
    throw fail('OLD_PASSWORD_WRONG', undefined, { oldPassword: '舊密碼錯誤，請重新輸入' });
  }
  return setPassword(deps, {
    userId: ctx.actor.id,
    password: input.password,
    confirmPassword: input.confirmPassword,
    note: '密碼修改',
    method: 'PASSWORD',
    actor: ctx.actor.account,
    request: { ip: ctx.ip, userAgent: ctx.userAgent },
    keepSessionId: ctx.sessionId,
  });
}

const PROFILE_FIELDS = ['title', 'officePhone', 'officeExt', 'name', 'birthday', 'residenceAddress', 'workAddress'] as const;

/**
 * 公務資料、個人資料 › 儲存: validated, written at once (the page shows it), recorded, and handed to
 * a profileSync workflow that writes 姓名/職稱/公務電話 to AD (the request never calls AD).
 */
export async function updateProfile(deps: SelfServiceDeps, ctx: Ctx, body: unknown) {
  const input = profileSchema().parse(body);
  const { prisma } = deps;
  const before = await prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.id } });
  const current = { ...before, birthday: before.birthday?.toISOString().slice(0, 10) ?? null };
  const changed = PROFILE_FIELDS.filter((k) => (current[k] ?? null) !== input[k]);
  if (changed.length === 0) return { changed };
  const adChanged = changed.some((k) => k === 'name' || k === 'title' || k === 'officePhone' || k === 'officeExt');
  await prisma.$transaction([
    prisma.user.update({
      where: { id: ctx.actor.id },
      data: {
        ...input,
        name: input.name ?? before.name,
        birthday: input.birthday ? new Date(`${input.birthday}T00:00:00Z`) : null,
        ...(adChanged ? { adSyncStatus: 'PENDING' as const } : {}),
      },
    }),
    // Field names only: the values (birthday, addresses) are personal data.
    usage(prisma, ctx, 'profile.update', { fields: changed }),
  ]);
  if (adChanged) {
    try {
      await deps.temporal.client.workflow.start(profileSync, {
        taskQueue: deps.temporal.settings.taskQueue,
        workflowId: profileSyncWorkflowId(ctx.actor.id, Date.now()),
        args: [{ userId: ctx.actor.id }],
      });
    } catch (error) {
      await prisma.user.update({
        where: { id: ctx.actor.id },
        data: { adLastError: `無法啟動 AD 資料同步：${error instanceof Error ? error.message : String(error)}`.slice(0, 500) },
      });
      throw fail('DEPENDENCY_UNAVAILABLE', '資料已儲存，但同步至 AD 的作業暫時無法啟動，請稍後再儲存一次或聯絡系統管理員');
    }
  }
  return { changed };
}

export const AVATAR_MAX_BYTES = 1024 * 1024;

/** 個人圖像 › 存檔. */
export async function setAvatar(deps: Pick<SelfServiceDeps, 'prisma'>, ctx: Ctx, data: Buffer) {
  if (data.length === 0) throw fail('AVATAR_INVALID', '請選擇要上傳的圖片檔案');
  if (data.length > AVATAR_MAX_BYTES) throw fail('AVATAR_TOO_LARGE');
  const mimeType = sniffImage(data);
  if (!mimeType) throw fail('AVATAR_INVALID');
  await deps.prisma.$transaction([
    deps.prisma.userAvatar.upsert({
      where: { userId: ctx.actor.id },
      create: { userId: ctx.actor.id, mimeType, data: new Uint8Array(data) },
      update: { mimeType, data: new Uint8Array(data) },
    }),
    usage(deps.prisma, ctx, 'avatar.update', { change: 'upload', mimeType, bytes: data.length }),
  ]);
  return { mimeType };
}

/** 個人圖像 › 移除 (after the page's confirm). */
export async function removeAvatar(deps: Pick<SelfServiceDeps, 'prisma'>, ctx: Ctx) {
  const { count } = await deps.prisma.userAvatar.deleteMany({ where: { userId: ctx.actor.id } });
  if (count) await usage(deps.prisma, ctx, 'avatar.update', { change: 'remove' });
  return { removed: count > 0 };
}

/** The requester's open 權限異動申請, if any. */
export function openAdminRoleRequest(prisma: PrismaClient, userId: string) {
  return prisma.request.findFirst({
    where: { type: 'ADMIN_ROLE', applicantUserId: userId, status: { in: ['PENDING', 'GRANTING'] } },
    orderBy: { createdAt: 'desc' },
  });
}

/**
 * 權限異動申請 › 送出: one open request per user (a second one is refused with a link to the first,
 * under an advisory lock so two clicks cannot both pass), then the adminRoleRequest workflow.
 */
export async function requestAdminRole(deps: SelfServiceDeps, ctx: Ctx, body: unknown) {
  const { reason } = adminRoleRequestSchema.parse(body);
  const { prisma } = deps;
  const workflowId = adminRoleRequestWorkflowId(crypto.randomUUID());
  const agency = await prisma.organization.findUniqueOrThrow({ where: { id: ctx.actor.agencyId }, select: { code: true } });
  const request = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`admin-role-request:${ctx.actor.id}`}))`;
    const open = await openAdminRoleRequest(tx as unknown as PrismaClient, ctx.actor.id);
    if (open) {
      throw fail('REQUEST_OPEN', '您已有一件審核中的權限異動申請，請待審核完成後再提出', undefined, {
        openRequest: { id: open.id, url: `/account/admin-role-requests/${open.id}` },
      });
    }
    return tx.request.create({
      data: {
        workflowId,
        type: 'ADMIN_ROLE',
        status: 'PENDING',
        statusLabel: ADMIN_ROLE_STATUS_LABELS.PENDING,
        agencyId: ctx.actor.agencyId,
        applicantUserId: ctx.actor.id,
        applicantAccount: ctx.actor.account,
        applicantName: ctx.actor.name,
        summary: { reason },
      },
    });
  });
  try {
    await deps.temporal.client.workflow.start(adminRoleRequest, {
      taskQueue: deps.temporal.settings.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'FAIL',
      args: [{ userId: ctx.actor.id, reason }],
      typedSearchAttributes: requestSearchAttributes({
        requestType: 'ADMIN_ROLE',
        agencyCode: agency.code,
        applicantAccount: ctx.actor.account,
        status: 'PENDING',
      }),
    });
  } catch (error) {
    await prisma.request.delete({ where: { id: request.id } });
    throw error instanceof Error && 'code' in error ? error : fail('DEPENDENCY_UNAVAILABLE', '申請暫時無法送出，請稍後再試');
  }
  await usage(prisma, ctx, 'permission.change', { requestId: request.id }, '機關管理者');
  return { id: request.id, status: request.status, statusLabel: request.statusLabel };
}

/** The approver's decision, applied by the workflow (it answers with the state it led to). */
export async function decideAdminRole(deps: Pick<SelfServiceDeps, 'temporal'>, workflowId: string, input: AdminRoleDecideInput) {
  const handle = deps.temporal.client.workflow.getHandle(workflowId);
  return handle.executeUpdate(decideAdminRoleUpdate, { args: [input] }).catch(updateRefusal());
}
