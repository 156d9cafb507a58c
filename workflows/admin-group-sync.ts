import { proxyActivities } from '@temporalio/workflow';
import type { RoleSyncActivities } from '../activities/account-lifecycle/roles';

// AD may be down for a while: keep trying until it answers (the account's AD status shows PENDING).
const ad = proxyActivities<RoleSyncActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export const adminGroupSyncWorkflowId = (userId: string, at: number) => `admin-group-sync-${userId}-${at}`;

/**
 * 帳號管理 › 權限異動 → AD: the user's 機關管理者 groups made equal to the database's roles (read
 * when the activity runs, under a per-user lock, so an older run never undoes a newer change).
 */
export async function adminGroupSync({ userId }: { userId: string }): Promise<{ added: string[]; removed: string[] }> {
  return ad.syncAgencyAdminGroups({ userId });
}
