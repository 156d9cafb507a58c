import { db, DB_STEP } from './activity-options';
import { proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { createOrganizationActivities } from '../activities/organization';
import {
  ORGANIZATION_CHANGE_LABELS,
  ORGANIZATION_CHANGE_STATUS_LABELS,
  getOrganizationChangeStateQuery,
  type OrganizationChangeInput,
  type OrganizationChangeState,
} from './organization-change.messages';
import { requestTimeline } from './request-timeline';
import { requestSearchAttributes } from './search-attributes';

type Org = ReturnType<typeof createOrganizationActivities>;

const org = proxyActivities<Org>(DB_STEP);
// AD may be down for a while: keep trying (the request shows 套用至 AD 中) until it answers.
const ad = proxyActivities<Org>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['OrganizationMissing'],
  },
});

/**
 * 組織管理: a change of the organisation tree, already made in the database by the API, applied
 * to AD's OUs (created, described, moved with everything in them, marked 已裁撤). Waits for AD
 * however long it is down; the request row shows 套用至 AD 中 meanwhile.
 */
export async function organizationChange(input: OrganizationChangeInput): Promise<OrganizationChangeState> {
  const { workflowId } = workflowInfo();
  const state: OrganizationChangeState = { status: 'APPLYING_AD', applied: 0 };
  setHandler(getOrganizationChangeStateQuery, () => state);
  const { event } = requestTimeline({
    workflowId,
    labels: ORGANIZATION_CHANGE_STATUS_LABELS,
    state,
    appendRequestEvent: db.appendRequestEvent,
  });

  const unit = await org.loadOrganizationUnit({ organizationId: input.organizationId });
  upsertSearchAttributes(
    requestSearchAttributes({
      requestType: 'ORGANIZATION_CHANGE',
      agencyCode: unit.agencyCode,
      applicantAccount: input.actor.account,
      status: 'APPLYING_AD',
    }),
  );
  await db.recordRequest({
    workflowId,
    type: 'ORGANIZATION_CHANGE',
    status: 'APPLYING_AD',
    statusLabel: ORGANIZATION_CHANGE_STATUS_LABELS.APPLYING_AD,
    agencyId: unit.agencyId,
    applicantUserId: input.actor.userId,
    applicantAccount: input.actor.account,
    applicantName: input.actor.name,
    summary: { organizationId: unit.id, code: unit.code, change: input.kind, description: input.description },
  });
  await event('REQUESTED', `${input.actor.name} ${ORGANIZATION_CHANGE_LABELS[input.kind]}：${input.description}`, {
    status: 'APPLYING_AD',
    actorUserId: input.actor.userId,
    actorName: input.actor.name,
  });

  const dns: string[] = [];
  for (const organizationId of input.applyIds) {
    const placed = await ad.applyOrganizationToAd({ organizationId });
    dns.push(placed.dn);
    state.applied++;
  }
  await event('AD_APPLIED', input.applyIds.length > 1 ? `已套用至 AD（${input.applyIds.length} 個組織單位）` : '已套用至 AD', {
    status: 'DONE',
    data: { dns: dns.slice(0, 50) },
  });
  return state;
}
