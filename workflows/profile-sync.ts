import { proxyActivities } from '@temporalio/workflow';
import type { SelfServiceActivities } from '../activities/self-service';

// AD may be down for a while: keep trying until it answers (the user's AD status shows PENDING).
const ad = proxyActivities<SelfServiceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export const profileSyncWorkflowId = (userId: string, at: number) => `profile-sync-${userId}-${at}`;

/**
 * 公務資料、個人資料修改 → AD: displayName, title and telephoneNumber from the database row (read when
 * the activity runs, so an older run never overwrites a newer edit with stale values).
 */
export async function profileSync({ userId }: { userId: string }): Promise<{ changed: boolean }> {
  return ad.syncAdProfile({ userId });
}
