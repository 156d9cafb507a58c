import { ApplicationFailure } from '@temporalio/common';
import type { PrismaClient } from '@prisma/client';
import type { AdClient } from '../../infra/ad/client';
import { adStep } from '../ad/ad-step';
import { revokeUserSessions } from '../../infra/db/revoke-sessions';
import { accountLeavePrechecks } from '../../infra/db/account-prechecks';
import { agencyOf, claimDisableRequest, mailAddressOf, systemAdminAddresses } from '../../infra/db/accounts';

export { accountLeavePrechecks } from '../../infra/db/account-prechecks';
export { agencyOf, claimDisableRequest, mailAddressOf, type ClaimResult } from '../../infra/db/accounts';

const fail = (type: string, message: string) => ApplicationFailure.nonRetryable(message, type);

/** Side effects of 停用 and 閒置停用. Results carry no ID number, password or token. */
export function createAccountLifecycleActivities({ prisma, ad }: { prisma: PrismaClient; ad: AdClient }) {
  async function user(userId: string) {
    const row = await prisma.user.findUnique({ where: { id: userId } });
    if (!row) throw fail('UserMissing', `找不到帳號 ${userId}`);
    return row;
  }

  return {
    async loadAccount({ userId }: { userId: string }) {
      const u = await user(userId);
      return {
        userId: u.id,
        account: u.account,
        name: u.name,
        status: u.status,
        mailTo: mailAddressOf(u),
        ...(await agencyOf(prisma, u.organizationId)),
      };
    },

    /** 停用前檢查 (唯一機關管理者; 郵件帳號保管人). */
    async checkAccountLeave({ userId }: { userId: string }) {
      return accountLeavePrechecks(prisma, userId);
    },

    async claimDisable(input: Parameters<typeof claimDisableRequest>[1]) {
      return claimDisableRequest(prisma, input);
    },

    /** Every portal session and SSO session/token of the user, at once (does not wait for AD). */
    async revokeAccountSessions({ userId }: { userId: string }) {
      return revokeUserSessions(prisma, userId);
    },

    async markAccountDisabled({ userId, reason }: { userId: string; reason: string }) {
      const u = await user(userId);
      if (u.status === 'DISABLED') return { disabledAt: (u.disabledAt ?? new Date()).toISOString() };
      const disabledAt = new Date();
      await prisma.user.update({
        where: { id: userId },
        data: { status: 'DISABLED', disabledAt, disabledReason: reason.slice(0, 500), adSyncStatus: 'PENDING' },
      });
      return { disabledAt: disabledAt.toISOString() };
    },

    /** AD disable; retried by the workflow while AD is down (the user row shows the last error). */
    async disableAdAccount({ userId }: { userId: string }) {
      const u = await user(userId);
      const disabled = await adStep(prisma, userId, `disable AD user ${u.account}`, () => ad.disableUser(u.account), {
        // No AD account (never provisioned, or removed by hand): nothing to disable there.
        absent: (error) => error.code === 'NOT_FOUND',
        retryingStatus: 'FAILED',
      });
      return { dn: disabled?.dn ?? null };
    },

    /**
     * 閒置停用 candidates: ACTIVE users whose last activity (last login; before the first login, the
     * activation) is older than idleAfter − warningBefore (to warn) or idleAfter (to disable).
     */
    async findIdleAccounts({
      idleAfterSeconds,
      warningBeforeSeconds,
    }: {
      idleAfterSeconds: number;
      warningBeforeSeconds: number;
    }) {
      const now = Date.now();
      const warnBefore = new Date(now - Math.max(idleAfterSeconds - warningBeforeSeconds, 0) * 1000);
      const rows = await prisma.user.findMany({
        where: {
          status: 'ACTIVE',
          OR: [
            { lastLoginAt: { lt: warnBefore } },
            { lastLoginAt: null, activatedAt: { lt: warnBefore } },
            { lastLoginAt: null, activatedAt: null, createdAt: { lt: warnBefore } },
          ],
        },
        select: {
          id: true,
          account: true,
          name: true,
          lastLoginAt: true,
          activatedAt: true,
          createdAt: true,
          officialMail: true,
          backupEmail: true,
        },
        orderBy: { account: 'asc' },
      });
      const warn = [];
      const disable = [];
      for (const r of rows) {
        const lastActiveAt = r.lastLoginAt ?? r.activatedAt ?? r.createdAt;
        const disableAt = new Date(lastActiveAt.getTime() + idleAfterSeconds * 1000);
        const item = {
          userId: r.id,
          account: r.account,
          name: r.name,
          mailTo: mailAddressOf(r),
          lastActiveAt: lastActiveAt.toISOString(),
          disableAt: disableAt.toISOString(),
        };
        if (disableAt.getTime() <= now) disable.push(item);
        else warn.push(item);
      }
      return { warn, disable };
    },

    /** Mail addresses of the active system admins. */
    async systemAdminAddresses() {
      return systemAdminAddresses(prisma);
    },
  };
}

export type AccountLifecycleActivities = ReturnType<typeof createAccountLifecycleActivities>;
