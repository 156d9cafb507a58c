import { DB_STEP } from './activity-options';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type { createOrganizationActivities } from '../activities/organization';
import { organizationChange } from './organization-change';

type Org = ReturnType<typeof createOrganizationActivities>;

const org = proxyActivities<Org>(DB_STEP);

const BATCH = 100;

/**
 * Run by the `organization-change-resume` schedule: every 組織管理 change saved while Temporal was
 * unreachable gets its own `organizationChange` run, under the workflow id the API gave it, left
 * running on its own (a change already running under that id is left as it is).
 */
export async function organizationChangeResume(): Promise<{ started: number }> {
  const changes = await org.listUnstartedOrganizationChanges({ limit: BATCH });
  let started = 0;
  for (const { workflowId, input } of changes) {
    try {
      await startChild(organizationChange, {
        workflowId,
        args: [input],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      started++;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  return { started };
}
