import { db, mail, STEP } from './activity-options';
import { proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SelfServiceActivities } from '../activities/self-service';
import {
  ADMIN_ROLE_REQUEST_TYPE_LABEL,
  ADMIN_ROLE_STATUS_LABELS,
  decideAdminRoleUpdate,
  getAdminRoleRequestStateQuery,
  type AdminRoleRequestInput,
  type AdminRoleRequestState,
} from './admin-role-request.messages';
import { applicantMail } from './applicant-mail';
import { requestReview } from './request-review';
import { requestTimeline } from './request-timeline';
import { requestSearchAttributes } from './search-attributes';
import { mailPath } from '../domain/mail-links';

const self = proxyActivities<SelfServiceActivities>(STEP);
// AD may be down for a while: the request stays 權限設定中 until AD answers.
const ad = proxyActivities<SelfServiceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * 機關管理者申請 / 權限異動申請 (manual 圖 13): submitted → approved (role granted, AD group added;
 * effective at the next login) | rejected (with a comment) | expired (no decision within
 * request.expiryAfter; a reminder goes out after request.reminderAfter). The approvers are the
 * agency's admins, or the system admins when the agency has none.
 */
export async function adminRoleRequest({ userId, reason }: AdminRoleRequestInput): Promise<AdminRoleRequestState> {
  const { workflowId, startTime } = workflowInfo();
  const state: AdminRoleRequestState = { status: 'PENDING' };
  const { event } = requestTimeline({
    workflowId,
    labels: ADMIN_ROLE_STATUS_LABELS,
    state,
    appendRequestEvent: db.appendRequestEvent,
    decisions: true,
  });

  setHandler(getAdminRoleRequestStateQuery, () => state);
  const review = requestReview({
    update: decideAdminRoleUpdate,
    state,
    labels: ADMIN_ROLE_STATUS_LABELS,
    applicantUserId: userId,
  });

  const applicant = await self.loadAdminRoleApplicant({ userId });
  upsertSearchAttributes(
    requestSearchAttributes({
      requestType: 'ADMIN_ROLE',
      agencyCode: applicant.agencyCode,
      applicantAccount: applicant.account,
      status: 'PENDING',
    }),
  );
  const { requestId } = await db.recordRequest({
    workflowId,
    type: 'ADMIN_ROLE',
    status: 'PENDING',
    statusLabel: ADMIN_ROLE_STATUS_LABELS.PENDING,
    agencyId: applicant.agencyId,
    applicantUserId: userId,
    applicantAccount: applicant.account,
    applicantName: applicant.name,
    summary: { reason, organizationPath: applicant.organizationPath, agencyName: applicant.agencyName },
    createdAt: startTime.toISOString(),
  });
  await event('SUBMITTED', '已送出權限異動申請', {
    actorUserId: userId,
    actorName: applicant.name,
    comment: reason,
    status: 'PENDING',
  });
  const notify = (kind: 'submitted' | 'reminder') =>
    self.notifyAdminRoleApprovers({
      workflowId,
      agencyId: applicant.agencyId,
      agencyName: applicant.agencyName,
      applicantName: applicant.name,
      submittedAt: startTime.toISOString(),
      requestId,
      kind,
    });
  const toApplicant = applicantMail({
    workflowId,
    to: applicant.email,
    name: applicant.name,
    requestType: ADMIN_ROLE_REQUEST_TYPE_LABEL,
    statusUrl: mailPath('account'),
    sendMail: mail.sendMail,
    event,
  });
  await notify('submitted');
  await toApplicant('submitted');

  const d = await review.awaitDecision({
    getSystemParameters: db.getSystemParameters,
    remind: () => notify('reminder'),
    event,
  });
  if (!d) {
    await event('EXPIRED', '逾期未審核，申請已失效', { status: 'EXPIRED' });
    await toApplicant('expired');
    return state;
  }

  if (!d.approved) {
    await event('REJECTED', '申請已駁回', { ...d.by, status: 'REJECTED' });
    await toApplicant('rejected', { reason: d.reason });
    return state;
  }

  await event('APPROVED', '申請已核准', { ...d.by, status: 'GRANTING' });
  await self.grantAgencyAdmin({ userId, agencyId: applicant.agencyId, grantedById: d.by.actorUserId });
  await event('ROLE_GRANTED', `已設定為${applicant.agencyName}機關管理者（下次登入生效）`);
  const { groupDn } = await ad.addAgencyAdminGroup({ userId, agencyId: applicant.agencyId });
  await event('AD_GROUP_ADDED', '已加入 AD 機關管理者群組', { data: { groupDn }, status: 'GRANTED' });
  await toApplicant('approved', { note: `您已成為${applicant.agencyName}的機關管理者，請重新登入後使用管理主控台。` });
  return state;
}
