import type { PrismaClient, RequestType, User } from '@prisma/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { z } from 'zod';
import { agencyOf, mailAddressOf } from '../../infra/db/accounts';
import { profileSchema } from '../../domain/schemas/profile';
import type { UsageAction } from '../../domain/usage-actions';
import { accountEnable } from '../../workflows/account-enable';
import {
  accountEnableWorkflowId,
  ENABLE_KIND_LABEL,
  OPEN_ENABLE_STATUSES,
  type EnableKind,
} from '../../workflows/account-enable.messages';
import { OPEN_DISABLE_STATUSES } from '../../workflows/account-disable.messages';
import { OPEN_REACTIVATION_STATUSES } from '../../workflows/account-reactivation.messages';
import { OPEN_AGENCY_CHANGE_STATUSES } from '../../workflows/agency-change.messages';
import { adminGroupSync, adminGroupSyncWorkflowId } from '../../workflows/admin-group-sync';
import { profileSync, profileSyncWorkflowId } from '../../workflows/profile-sync';
import { requestSearchAttributes } from '../../workflows/search-attributes';
import { disableRequestUrl } from './account-disable';
import { fail } from '../errors';
import { authorize, can, type Action, type Actor } from '../policies';
import type { Temporal } from '../temporal';
import { personTarget, recordUsage } from './usage';

export interface ConsoleAccountDeps {
  prisma: PrismaClient;
  temporal: Temporal;
}

interface Ctx {
  actor: Actor | undefined;
  ip?: string;
}

/** 帳號管理 › 編輯: the fields an admin may correct (the user keeps 生日 and addresses to themselves). */
export const editSchema = () => profileSchema().pick({ name: true, title: true, officePhone: true, officeExt: true });
export const reasonSchema = z.object({
  reason: z.string({ error: '請填寫原因' }).trim().min(1, '請填寫原因').max(500, '原因最多 500 字'),
});

/** Requests that own an account's state while open: 啟用 / 重設 waits for them (and they for it). */
const OPEN_REQUESTS: {
  type: RequestType;
  statuses: string[];
  label: string;
  url: (r: { id: string; workflowId: string }) => string;
}[] = [
  {
    type: 'ACCOUNT_DISABLE',
    statuses: OPEN_DISABLE_STATUSES,
    label: '停用作業',
    url: (r) => disableRequestUrl(r.workflowId),
  },
  {
    type: 'IDLE_DISABLE',
    statuses: OPEN_DISABLE_STATUSES,
    label: '閒置停用作業',
    url: (r) => disableRequestUrl(r.workflowId),
  },
  {
    type: 'ACCOUNT_ENABLE',
    statuses: OPEN_ENABLE_STATUSES,
    label: '啟用／重設作業',
    url: (r) => disableRequestUrl(r.workflowId),
  },
  {
    type: 'ACCOUNT_REACTIVATION',
    statuses: OPEN_REACTIVATION_STATUSES,
    label: '個人帳號復用申請',
    url: (r) => `/console/accounts/reactivation-requests/${r.id}`,
  },
  {
    type: 'AGENCY_CHANGE',
    statuses: OPEN_AGENCY_CHANGE_STATUSES,
    label: '機關(單位)異動申請',
    url: (r) => `/console/accounts/agency-change-requests/${r.id}`,
  },
];

async function openRequestOf(prisma: PrismaClient, userId: string) {
  const rows = await prisma.request.findMany({
    where: { applicantUserId: userId, OR: OPEN_REQUESTS.map((o) => ({ type: o.type, status: { in: o.statuses } })) },
    orderBy: { createdAt: 'desc' },
    take: 1,
  });
  const row = rows[0];
  if (!row) return null;
  const kind = OPEN_REQUESTS.find((o) => o.type === row.type)!;
  return {
    id: row.id,
    workflowId: row.workflowId,
    type: row.type,
    label: kind.label,
    statusLabel: row.statusLabel,
    url: kind.url(row),
  };
}

async function loadTarget(prisma: PrismaClient, id: string) {
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user) throw fail('NOT_FOUND', '找不到此帳號。');
  return { user, ...(await agencyOf(prisma, user.organizationId)) };
}

/** One 帳號使用紀錄 of the acting admin about `target` (inside a transaction when given one). */
const usage = (
  prisma: Pick<PrismaClient, 'usageRecord'>,
  actor: Actor,
  action: UsageAction,
  target: User,
  detail: Record<string, unknown>,
  ip?: string,
) =>
  recordUsage(prisma, {
    userId: actor.id,
    action,
    target: personTarget(target),
    detail: { userId: target.id, ...detail },
    ip: ip ?? null,
  });

/** What an admin may do with an account, in the order the detail page offers them. */
function accountActions(
  actor: Actor,
  user: User,
  agencyId: string,
  roles: readonly { role: string; organizationId: string | null }[],
) {
  const scope = { agencyId };
  const self = user.id === actor.id;
  const isAgencyAdmin = roles.some((r) => r.role === 'AGENCY_ADMIN' && r.organizationId === agencyId);
  const isSystemAdmin = roles.some((r) => r.role === 'SYSTEM_ADMIN');
  const allowed: [string, boolean][] = [
    ['edit', can(actor, 'consoleAccount.update', scope)],
    ['disable', !self && user.status !== 'DISABLED' && can(actor, 'consoleAccount.disable', scope)],
    ['enable', !self && user.status === 'DISABLED' && can(actor, 'consoleAccount.enable', scope)],
    ['resetActivation', !self && can(actor, 'consoleAccount.resetActivation', scope)],
    ['grantAgencyAdmin', !isAgencyAdmin && user.status !== 'DISABLED' && can(actor, 'consoleAccount.agencyAdmin', scope)],
    ['revokeAgencyAdmin', isAgencyAdmin && can(actor, 'consoleAccount.agencyAdmin', scope)],
    ['grantSystemAdmin', !isSystemAdmin && user.status !== 'DISABLED' && can(actor, 'consoleAccount.systemAdmin', scope)],
    ['revokeSystemAdmin', isSystemAdmin && !self && can(actor, 'consoleAccount.systemAdmin', scope)],
  ];
  return allowed.filter(([, ok]) => ok).map(([name]) => name);
}

/** 帳號管理 › 詳細: the account, its roles, its open request and recent requests; never an ID number or hash. */
export async function accountDetail({ prisma, temporal }: ConsoleAccountDeps, ctx: Ctx, id: string) {
  const { user, agencyId, agencyName, organizationPath } = await loadTarget(prisma, id);
  authorize(ctx.actor, 'consoleAccount.read', { agencyId });
  const [roles, requests, open, application] = await Promise.all([
    prisma.roleAssignment.findMany({
      where: { userId: user.id },
      include: { organization: { select: { name: true } }, grantedBy: { select: { name: true, account: true } } },
      orderBy: { grantedAt: 'asc' },
    }),
    prisma.request.findMany({ where: { applicantUserId: user.id }, orderBy: { createdAt: 'desc' }, take: 20 }),
    openRequestOf(prisma, user.id),
    prisma.accountApplication.findUnique({ where: { userId: user.id }, select: { createdAt: true } }),
  ]);
  return {
    id: user.id,
    account: user.account,
    name: user.name,
    title: user.title,
    officePhone: user.officePhone,
    officeExt: user.officeExt,
    organizationPath,
    agencyName,
    status: user.status,
    backupEmail: user.backupEmail,
    mailTo: mailAddressOf(user),
    officialMail: user.officialMail,
    appliedAt: (application?.createdAt ?? user.createdAt).toISOString(),
    activatedAt: user.activatedAt?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    loginCount: user.loginCount,
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
    passwordChangedBy: user.passwordChangedBy,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    disabledReason: user.disabledReason,
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
    bindings: {
      mobile: Boolean(user.mobile),
      otp: Boolean(user.otpEnabledAt),
      citizenCert: Boolean(user.citizenCertSerial),
    },
    ad: { status: user.adSyncStatus, syncedAt: user.adSyncedAt?.toISOString() ?? null, lastError: user.adLastError },
    roles: roles.map((r) => ({
      role: r.role,
      label: r.role === 'SYSTEM_ADMIN' ? '系統管理者' : `機關管理者（${r.organization?.name ?? ''}）`,
      grantedAt: r.grantedAt.toISOString(),
      grantedBy: r.grantedBy ? `${r.grantedBy.name}（${r.grantedBy.account}）` : null,
    })),
    openRequest: open,
    requests: requests.map((r) => ({
      id: r.id,
      workflowId: r.workflowId,
      type: r.type,
      statusLabel: r.statusLabel,
      createdAt: r.createdAt.toISOString(),
      temporalUrl: temporal.workflowUrl(r.workflowId),
    })),
    allowedActions: accountActions(ctx.actor!, user, agencyId, roles),
  };
}

/**
 * 帳號管理 › 編輯: 姓名 / 職稱 / 公務電話 / 分機, validated like the user's own page, written at once
 * and recorded; AD follows through profileSync (the request never calls AD).
 */
export async function updateAccount({ prisma, temporal }: ConsoleAccountDeps, ctx: Ctx, id: string, body: unknown) {
  const { user, agencyId } = await loadTarget(prisma, id);
  authorize(ctx.actor, 'consoleAccount.update', { agencyId });
  const input = editSchema().parse(body);
  const changed = (['name', 'title', 'officePhone', 'officeExt'] as const).filter((k) => (user[k] ?? null) !== input[k]);
  if (changed.length === 0) return { changed };
  await prisma.$transaction([
    prisma.user.update({ where: { id }, data: { ...input, name: input.name ?? user.name, adSyncStatus: 'PENDING' } }),
    usage(prisma, ctx.actor, 'console.account.update', user, { fields: changed }, ctx.ip),
  ]);
  await temporal.client.workflow
    .start(profileSync, {
      taskQueue: temporal.settings.taskQueue,
      workflowId: profileSyncWorkflowId(id, Date.now()),
      args: [{ userId: id }],
    })
    .catch(async (error: unknown) => {
      await prisma.user.update({
        where: { id },
        data: { adLastError: `無法啟動 AD 資料同步：${error instanceof Error ? error.message : String(error)}`.slice(0, 500) },
      });
      throw fail(
        'DEPENDENCY_UNAVAILABLE',
        '資料已儲存，但同步至 AD 的作業暫時無法啟動，請稍後再儲存一次或至 AD 同步管理作業重新同步',
      );
    });
  return { changed };
}

/** 帳號管理 › 啟用 (a DISABLED account) or › 重設為待開通 (any account but one's own), by the accountEnable workflow. */
export async function startAccountEnable(deps: ConsoleAccountDeps, ctx: Ctx, id: string, kind: EnableKind, body: unknown) {
  const { prisma, temporal } = deps;
  const { user, agencyId, agencyCode } = await loadTarget(prisma, id);
  const action: Action = kind === 'ENABLE' ? 'consoleAccount.enable' : 'consoleAccount.resetActivation';
  authorize(ctx.actor, action, { agencyId });
  const actor = ctx.actor;
  if (user.id === actor.id) throw fail('FORBIDDEN', `不可${ENABLE_KIND_LABEL[kind]}自己的帳號，請由其他管理者辦理`);
  const { reason } = reasonSchema.parse(body);
  if (kind === 'ENABLE' && user.status !== 'DISABLED') throw fail('CONFLICT', '此帳號未停用，無需啟用');
  const open = await openRequestOf(prisma, user.id);
  if (open) {
    throw fail('REQUEST_OPEN', `此帳號有進行中的${open.label}（${open.statusLabel}），請待其完成後再辦理`, undefined, {
      openRequest: open,
    });
  }
  const workflowId = accountEnableWorkflowId(kind, user.id, Date.now().toString(36));
  try {
    await temporal.client.workflow.start(accountEnable, {
      taskQueue: temporal.settings.taskQueue,
      workflowId,
      args: [{ userId: user.id, kind, reason, actor: { userId: actor.id, account: actor.account, name: actor.name } }],
      typedSearchAttributes: requestSearchAttributes({
        requestType: 'ACCOUNT_ENABLE',
        agencyCode,
        applicantAccount: user.account,
        status: kind === 'ENABLE' ? 'ENABLING_AD' : 'RESETTING_AD',
      }),
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError))
      throw fail('DEPENDENCY_UNAVAILABLE', `${ENABLE_KIND_LABEL[kind]}作業暫時無法啟動，請稍後再試`);
  }
  await usage(
    prisma,
    actor,
    kind === 'ENABLE' ? 'console.account.enable' : 'console.account.reset',
    user,
    { workflowId },
    ctx.ip,
  );
  return { workflowId, requestUrl: disableRequestUrl(workflowId), temporalUrl: temporal.workflowUrl(workflowId) };
}

async function syncAdminGroups(temporal: Temporal, userId: string) {
  await temporal.client.workflow.start(adminGroupSync, {
    taskQueue: temporal.settings.taskQueue,
    workflowId: adminGroupSyncWorkflowId(userId, Date.now()),
    args: [{ userId }],
  });
}

/**
 * 帳號管理 › 權限: 機關管理者 of the account's agency granted or removed directly (agency admins in
 * their agency, system admins anywhere). An agency keeps at least one admin. Effective at the next
 * login (sessions carry the roles they started with); the AD group follows by adminGroupSync.
 */
export async function setAgencyAdmin({ prisma, temporal }: ConsoleAccountDeps, ctx: Ctx, id: string, grant: boolean) {
  const { user, agencyId, agencyName } = await loadTarget(prisma, id);
  authorize(ctx.actor, 'consoleAccount.agencyAdmin', { agencyId });
  const actor = ctx.actor;
  await prisma.$transaction(
    async (tx) => {
      // One writer per agency at a time, so two admins removing each other cannot leave none.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`agency-admins:${agencyId}`}))`;
      const held = await tx.roleAssignment.findFirst({ where: { userId: id, role: 'AGENCY_ADMIN', organizationId: agencyId } });
      if (grant) {
        if (held) throw fail('CONFLICT', `${user.name} 已是${agencyName}的機關管理者`);
        if (user.status === 'DISABLED') throw fail('CONFLICT', '已停用的帳號不可設為機關管理者');
        await tx.roleAssignment.create({
          data: { userId: id, role: 'AGENCY_ADMIN', organizationId: agencyId, grantedById: actor.id },
        });
      } else {
        if (!held) throw fail('CONFLICT', `${user.name} 不是${agencyName}的機關管理者`);
        const others = await tx.roleAssignment.count({
          where: { role: 'AGENCY_ADMIN', organizationId: agencyId, userId: { not: id }, user: { status: 'ACTIVE' } },
        });
        if (others === 0)
          throw fail('CONFLICT', `${user.name} 是${agencyName}唯一的機關管理者，請先指定其他同仁為機關管理者再移除`);
        await tx.roleAssignment.delete({ where: { id: held.id } });
      }
      await usage(
        tx,
        actor,
        grant ? 'console.role.grant' : 'console.role.revoke',
        user,
        { role: 'AGENCY_ADMIN', agencyId },
        ctx.ip,
      );
      await tx.user.update({ where: { id }, data: { adSyncStatus: 'PENDING' } });
    },
    { timeout: 15_000 },
  );
  await syncAdminGroups(temporal, id).catch(() => {
    throw fail('DEPENDENCY_UNAVAILABLE', '權限已異動，但同步至 AD 群組的作業暫時無法啟動，請至 AD 同步管理作業重新同步');
  });
  // A grant applies from the next login; a removal at once (sessions re-read the roles they hold).
  return { role: 'AGENCY_ADMIN', granted: grant, effective: grant ? '下次登入生效' : '立即生效' };
}

/** System admins designate or remove system admins directly (recorded). The last one, or oneself, cannot be removed. */
export async function setSystemAdmin({ prisma }: ConsoleAccountDeps, ctx: Ctx, id: string, grant: boolean) {
  const { user, agencyId } = await loadTarget(prisma, id);
  authorize(ctx.actor, 'consoleAccount.systemAdmin', { agencyId });
  const actor = ctx.actor;
  if (!grant && id === actor.id) throw fail('FORBIDDEN', '不可移除自己的系統管理者權限，請由其他系統管理者辦理');
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('system-admins'))`;
      const held = await tx.roleAssignment.findFirst({ where: { userId: id, role: 'SYSTEM_ADMIN' } });
      if (grant) {
        if (held) throw fail('CONFLICT', `${user.name} 已是系統管理者`);
        if (user.status === 'DISABLED') throw fail('CONFLICT', '已停用的帳號不可設為系統管理者');
        await tx.roleAssignment.create({ data: { userId: id, role: 'SYSTEM_ADMIN', grantedById: actor.id } });
      } else {
        if (!held) throw fail('CONFLICT', `${user.name} 不是系統管理者`);
        const others = await tx.roleAssignment.count({
          where: { role: 'SYSTEM_ADMIN', userId: { not: id }, user: { status: 'ACTIVE' } },
        });
        if (others === 0) throw fail('CONFLICT', '系統須至少保留一位系統管理者');
        await tx.roleAssignment.delete({ where: { id: held.id } });
      }
      await usage(tx, actor, grant ? 'console.role.grant' : 'console.role.revoke', user, { role: 'SYSTEM_ADMIN' }, ctx.ip);
    },
    { timeout: 15_000 },
  );
  return { role: 'SYSTEM_ADMIN', granted: grant, effective: '立即生效' };
}

/** The 重設為待開通 request whose workflow waits for the account's 開通帳號 (it gets the new password). */
export function resetAwaitingActivation(prisma: PrismaClient, userId: string) {
  return prisma.request.findFirst({
    where: { applicantUserId: userId, type: 'ACCOUNT_ENABLE', status: 'AWAITING_ACTIVATION' },
    orderBy: { createdAt: 'desc' },
    select: { workflowId: true },
  });
}
