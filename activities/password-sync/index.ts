import type { PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AdClient } from '../../infra/ad/client';
import { AdError, toAdError } from '../../infra/ad/errors';
import { AD_PASSWORD_BOX, openSecret } from '../../infra/db/secret-box';

interface Deps {
  prisma: PrismaClient;
  ad: Pick<AdClient, 'setPassword'>;
  dataKey: Buffer;
}

/** The SecretBox purpose of a password on its way to AD (also used by 開通帳號). */
export { AD_PASSWORD_BOX };

const short = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * Side effects of passwordSync. Inputs and results are ids and flags only: the password is read
 * from its SecretBox here and never returned.
 */
export function createPasswordSyncActivities({ prisma, ad, dataKey }: Deps) {
  return {
    /**
     * Sets unicodePwd from the box, deletes the box and marks the user SYNCED. Idempotent: a box
     * already gone means an earlier attempt finished. AD refusing the password or not knowing the
     * account is PasswordSyncRefused (not retried); an outage is retried.
     */
    async syncPasswordToAd({ userId, boxId }: { userId: string; boxId: string }): Promise<{ synced: boolean }> {
      const box = await prisma.secretBox.findUnique({ where: { id: boxId } });
      if (!box) return { synced: false };
      const user = await prisma.user.findUnique({ where: { id: userId }, select: { account: true } });
      if (!user) {
        await prisma.secretBox.deleteMany({ where: { id: boxId } });
        throw ApplicationFailure.nonRetryable(`找不到使用者 ${userId}`, 'PasswordSyncRefused');
      }
      try {
        await ad.setPassword(user.account, openSecret(box.cipher, dataKey, AD_PASSWORD_BOX));
      } catch (raw) {
        const error = raw instanceof AdError ? raw : toAdError(raw, `set password of AD user ${user.account}`);
        if (error.retryable) {
          await prisma.user.update({ where: { id: userId }, data: { adSyncStatus: 'PENDING', adLastError: short(error) } });
          throw ApplicationFailure.retryable(error.message, `AdError.${error.code}`);
        }
        await prisma.secretBox.deleteMany({ where: { id: boxId } });
        await prisma.user.update({ where: { id: userId }, data: { adSyncStatus: 'FAILED', adLastError: short(error) } });
        throw ApplicationFailure.nonRetryable(`AD 拒絕設定密碼：${error.message}`, 'PasswordSyncRefused');
      }
      await prisma.$transaction([
        prisma.secretBox.deleteMany({ where: { id: boxId } }),
        prisma.user.update({
          where: { id: userId },
          data: { adSyncStatus: 'SYNCED', adSyncedAt: new Date(), adLastError: null },
        }),
      ]);
      return { synced: true };
    },

    /** A newer password replaced this one before AD got it: its box is deleted unused. */
    async discardPasswordBox({ boxId }: { boxId: string }): Promise<void> {
      await prisma.secretBox.deleteMany({ where: { id: boxId } });
    },
  };
}
