import type { PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AdClient } from '../../infra/ad/client';
import { adStep } from '../ad/ad-step';
import { revokeUserSessionsOps } from '../../infra/db/revoke-sessions';

interface Deps {
  prisma: PrismaClient;
  ad: Pick<AdClient, 'enableUser' | 'disableUser'>;
}

/**
 * Side effects of 帳號管理 › 啟用 and › 重設為待開通. The database changes at once; AD follows and is
 * retried by the workflow while AD is down (the account shows 同步中 with the last error).
 */
export function createAccountEnableActivities({ prisma, ad }: Deps) {
  async function user(userId: string) {
    const row = await prisma.user.findUnique({ where: { id: userId } });
    if (!row) throw ApplicationFailure.nonRetryable(`找不到帳號 ${userId}`, 'UserMissing');
    return row;
  }

  return {
    /** 啟用: DISABLED → ACTIVE with the password it had (idempotent). */
    async markAccountEnabled({ userId }: { userId: string }) {
      await prisma.user.updateMany({
        where: { id: userId, status: 'DISABLED' },
        data: {
          status: 'ACTIVE',
          disabledAt: null,
          disabledReason: null,
          failedLoginCount: 0,
          lockedUntil: null,
          adSyncStatus: 'PENDING',
        },
      });
    },

    async enableAdAccount({ userId }: { userId: string }) {
      const u = await user(userId);
      return adStep(prisma, userId, `enable AD user ${u.account}`, () => ad.enableUser(u.account));
    },

    /**
     * 重設為待開通: the password is forgotten and every session ends, in one transaction; the user
     * sets a new password with 開通帳號 (which hands it to this request's workflow for AD).
     */
    async resetAccountToActivation({ userId }: { userId: string }) {
      const u = await user(userId);
      if (u.status === 'PENDING_ACTIVATION' && u.passwordHash === null) return { reset: false, portalSessions: 0, ssoTokens: 0 };
      const [sessions, tokens] = await prisma.$transaction([
        ...revokeUserSessionsOps(prisma, userId),
        prisma.user.update({
          where: { id: userId },
          data: {
            status: 'PENDING_ACTIVATION',
            passwordHash: null,
            passwordChangedAt: null,
            passwordChangedBy: null,
            passwordChangeNote: null,
            failedLoginCount: 0,
            lockedUntil: null,
            disabledAt: null,
            disabledReason: null,
            activatedAt: null,
            adSyncStatus: 'PENDING',
          },
        }),
      ]);
      return { reset: true, portalSessions: sessions.count, ssoTokens: tokens.count };
    },

    /** Until 開通帳號, the AD account is disabled too (no one can use the old password there). */
    async disableAdUntilActivation({ userId }: { userId: string }) {
      const u = await user(userId);
      try {
        return await adStep(prisma, userId, `disable AD user ${u.account}`, () => ad.disableUser(u.account));
      } catch (error) {
        // No AD account: 開通帳號 cannot enable one either — the request says so (AD 同步管理作業 repairs it).
        if ((error as { type?: string }).type === 'AdError.NOT_FOUND') return { dn: null, changed: false };
        throw error;
      }
    },
  };
}

export type AccountEnableActivities = ReturnType<typeof createAccountEnableActivities>;
