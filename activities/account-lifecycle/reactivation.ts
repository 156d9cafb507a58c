import { adTelephoneNumber } from '../../domain/phone';
import type { PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AdClient } from '../../infra/ad/client';
import { adStep } from '../ad/ad-step';
import { organizationChain } from '../../infra/db/organization-chain';
import { openSecret } from '../../infra/db/secret-box';
import { AD_PASSWORD_BOX } from '../password-sync';
import type { ReactivationChanges } from '../../domain/requests/account-reactivation';
import { agencyOf, mailAddressOf } from './index';
import { createRoleSyncActivities } from './roles';

interface Deps {
  prisma: PrismaClient;
  ad: Pick<
    AdClient,
    | 'ensureOuPath'
    | 'moveUser'
    | 'updateUser'
    | 'setPassword'
    | 'enableUser'
    | 'findUser'
    | 'addGroupMember'
    | 'removeGroupMember'
    | 'listGroups'
    | 'createUser'
  >;
  dataKey: Buffer;
}

const fail = (type: string, message: string) => ApplicationFailure.nonRetryable(message, type);

/** The requested changes the API stored with the request (summary.changes). */
export function reactivationChangesOf(summary: unknown): ReactivationChanges | null {
  const changes = (summary as { changes?: ReactivationChanges } | null)?.changes;
  return changes?.organizationId ? changes : null;
}

/**
 * Side effects of 個人帳號復用. Inputs and results are ids, names and paths: the new password travels
 * as its SecretBox id and is opened only here, on its way to AD.
 */
export function createReactivationActivities({ prisma, ad, dataKey }: Deps) {
  async function user(userId: string) {
    const row = await prisma.user.findUnique({ where: { id: userId } });
    if (!row) throw fail('UserMissing', `找不到帳號 ${userId}`);
    return row;
  }

  async function changesOf(workflowId: string) {
    const request = await prisma.request.findUnique({ where: { workflowId }, select: { summary: true } });
    const changes = reactivationChangesOf(request?.summary);
    if (!changes) throw fail('RequestMissing', `找不到復用申請 ${workflowId}`);
    return changes;
  }

  /** An AD outage is retried by the workflow (the request shows …中); a refusal is not. */
  const adCall = <T>(userId: string, what: string, fn: () => Promise<T>) => adStep(prisma, userId, what, fn);
  const { syncAgencyAdminGroups } = createRoleSyncActivities({ prisma, ad });

  return {
    /** The applicant, where they were and where they asked to be; the new unit's agency decides. */
    async loadReactivation({ workflowId, userId }: { workflowId: string; userId: string }) {
      const u = await user(userId);
      const changes = await changesOf(workflowId);
      const from = await agencyOf(prisma, u.organizationId);
      const to = await agencyOf(prisma, changes.organizationId);
      return {
        account: u.account,
        name: u.name,
        // The backup e-mail first: it is the address the person just proved, and a disabled account's
        // official mailbox may not be read.
        mailTo: u.backupEmail ?? mailAddressOf(u),
        fromOrganizationPath: from.organizationPath,
        organizationPath: to.organizationPath,
        agencyId: to.agencyId,
        agencyCode: to.agencyCode,
        agencyName: to.agencyName,
        title: changes.title,
        changes,
      };
    },

    /**
     * Approval in the database: the new unit, 職稱 and 公務電話, and 待開通 without a password, so the
     * person must run 開通帳號 before logging in. 機關管理者 of any other agency ends, as with 機關異動: it
     * was granted for the agency the person left. Only a still-disabled account changes (idempotent).
     */
    async applyReactivation({ workflowId, userId }: { workflowId: string; userId: string }) {
      const changes = await changesOf(workflowId);
      const { agencyId } = await agencyOf(prisma, changes.organizationId);
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.user.updateMany({
          where: { id: userId, status: 'DISABLED' },
          data: {
            organizationId: changes.organizationId,
            title: changes.title,
            officePhone: changes.officePhone,
            officeExt: changes.officeExt,
            status: 'PENDING_ACTIVATION',
            passwordHash: null,
            failedLoginCount: 0,
            lockedUntil: null,
            disabledAt: null,
            disabledReason: null,
            adSyncStatus: 'PENDING',
          },
        });
        if (count === 0) return { applied: false };
        await tx.roleAssignment.deleteMany({
          where: { userId, role: 'AGENCY_ADMIN', organizationId: { not: agencyId } },
        });
        return { applied: true };
      });
    },

    /**
     * Moves the AD account into the new unit's OU (created when missing), writes 姓名 / 職稱 / 公務電話
     * and leaves the <agency>-admins groups of roles that ended at approval. No AD account at all: one
     * is created there, disabled.
     */
    async moveReactivatedAdAccount({ userId }: { userId: string }) {
      const u = await user(userId);
      const chain = await organizationChain(prisma, u.organizationId);
      if (chain.length === 0) throw fail('OrganizationMissing', `找不到機關單位 ${u.organizationId}`);
      const telephoneNumber = adTelephoneNumber(u.officePhone, u.officeExt);
      const moved = await adCall(userId, `move AD user ${u.account}`, async () => {
        const ouDn = await ad.ensureOuPath(chain.map((o) => ({ code: o.code, name: o.name })));
        const attributes = { displayName: u.name, title: u.title, telephoneNumber };
        // An account AD lost (or never had) is made again, disabled: 開通帳號 gives it a password.
        if (!(await ad.findUser(u.account))) {
          const { dn } = await ad.createUser({ account: u.account, ouDn, ...attributes });
          return { dn, created: true };
        }
        const { dn } = await ad.moveUser(u.account, ouDn);
        await ad.updateUser(u.account, attributes);
        return { dn, created: false };
      });
      await syncAgencyAdminGroups({ userId });
      return moved;
    },

    /**
     * 開通帳號 done: the account may log in at once (the SSO checks its own hash), AD follows. The idle
     * clock (閒置停用 counts from the last login, else the activation) restarts here: the last login
     * before the account was disabled would otherwise disable it again at the next daily run. The
     * login itself stays in 帳號登入紀錄.
     */
    async activateReactivatedUser({ userId }: { userId: string }) {
      await prisma.user.updateMany({
        where: { id: userId, status: 'PENDING_ACTIVATION' },
        data: { status: 'ACTIVE', activatedAt: new Date(), lastLoginAt: null },
      });
    },

    /** Writes the new password (from its SecretBox) to AD and enables the account; deletes the box. */
    async enableReactivatedAdAccount({ userId, passwordRef }: { userId: string; passwordRef: string }) {
      const u = await user(userId);
      const box = await prisma.secretBox.findUnique({ where: { id: passwordRef } });
      if (!box) {
        // An earlier attempt finished AD and deleted the box before the workflow heard of it.
        const existing = await adCall(userId, `find AD user ${u.account}`, () => ad.findUser(u.account));
        if (existing?.enabled) return { enabled: true };
        throw fail('PasswordExpired', '開通用的密碼已失效，請重新開通帳號');
      }
      const password = openSecret(box.cipher, dataKey, AD_PASSWORD_BOX);
      await adCall(userId, `enable AD user ${u.account}`, async () => {
        await ad.setPassword(u.account, password);
        await ad.enableUser(u.account);
      });
      await prisma.secretBox.deleteMany({ where: { id: passwordRef } });
      return { enabled: true };
    },
  };
}

export type ReactivationActivities = ReturnType<typeof createReactivationActivities>;
