import { AD_STEP, db, mail, STEP } from './activity-options';
import { condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { ReactivationActivities } from '../activities/account-lifecycle/reactivation';
import type { SelfServiceActivities } from '../activities/self-service';
import { activatedSignal, type ActivatedInput } from './account-application.messages';
import {
  decideReactivationUpdate,
  getReactivationStateQuery,
  REACTIVATION_REQUEST_TYPE_LABEL,
  REACTIVATION_STATUS_LABELS,
  type AccountReactivationInput,
  type ReactivationState,
} from './account-reactivation.messages';
import { applicantMail } from './applicant-mail';
import { requestReview } from './request-review';
import { requestTimeline } from './request-timeline';
import { requestSearchAttributes } from './search-attributes';
import { mailPath } from '../domain/mail-links';

const react = proxyActivities<ReactivationActivities>(STEP);
const self = proxyActivities<SelfServiceActivities>(STEP);
// AD may be down for a while: the request stays AD 帳號移轉中 / AD 帳號啟用中 until AD answers.
const ad = proxyActivities<ReactivationActivities>(AD_STEP);

/**
 * 個人帳號復用 (manual 圖 12): submitted → approved | rejected | expired (reminder, then expiry, as
 * system parameters). Approved → the new unit/職稱 applied and the account 待開通 (no password) →
 * the AD account moved to the new unit's OU, while the person may already run 開通帳號 → 開通帳號 →
 * active at once in the SSO, then the new password written to AD and the AD account enabled.
 * The agency of the requested unit decides (its admins, or the system admins when it has none).
 */
export async function accountReactivation({ userId }: AccountReactivationInput): Promise<ReactivationState> {
  const { workflowId, startTime } = workflowInfo();
  const state: ReactivationState = { status: 'PENDING' };
  let activation: ActivatedInput | undefined;
  const { event } = requestTimeline({
    workflowId,
    labels: REACTIVATION_STATUS_LABELS,
    state,
    appendRequestEvent: db.appendRequestEvent,
    decisions: true,
  });

  setHandler(getReactivationStateQuery, () => state);
  const review = requestReview({
    update: decideReactivationUpdate,
    state,
    labels: REACTIVATION_STATUS_LABELS,
    applicantUserId: userId,
  });
  setHandler(activatedSignal, (input) => {
    if (input.userId === userId) activation ??= input;
  });

  const applicant = await react.loadReactivation({ workflowId, userId });
  upsertSearchAttributes(
    requestSearchAttributes({
      requestType: 'ACCOUNT_REACTIVATION',
      agencyCode: applicant.agencyCode,
      applicantAccount: applicant.account,
      status: 'PENDING',
    }),
  );
  const { requestId } = await db.recordRequest({
    workflowId,
    type: 'ACCOUNT_REACTIVATION',
    status: 'PENDING',
    statusLabel: REACTIVATION_STATUS_LABELS.PENDING,
    agencyId: applicant.agencyId,
    applicantUserId: userId,
    applicantAccount: applicant.account,
    applicantName: applicant.name,
    summary: {
      // The changes the API stored are kept: approval applies them from this row.
      changes: { ...applicant.changes },
      organizationPath: applicant.organizationPath,
      fromOrganizationPath: applicant.fromOrganizationPath,
      agencyName: applicant.agencyName,
      title: applicant.title,
    },
    createdAt: startTime.toISOString(),
  });
  await event('SUBMITTED', '已送出帳號復用申請', { actorUserId: userId, actorName: applicant.name, status: 'PENDING' });

  const notify = (kind: 'submitted' | 'reminder') =>
    self.notifyAdminRoleApprovers({
      workflowId,
      agencyId: applicant.agencyId,
      agencyName: applicant.agencyName,
      applicantName: applicant.name,
      submittedAt: startTime.toISOString(),
      requestId,
      kind,
      requestType: REACTIVATION_REQUEST_TYPE_LABEL,
      inboxUrl: mailPath('reactivationReview', requestId),
    });
  const toApplicant = applicantMail({
    workflowId,
    to: applicant.mailTo,
    name: applicant.name,
    requestType: REACTIVATION_REQUEST_TYPE_LABEL,
    statusUrl: mailPath('reactivation'),
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
    await event('EXPIRED', '逾期未審核，申請已失效（帳號維持停用）', { status: 'EXPIRED' });
    await toApplicant('expired');
    return state;
  }

  if (!d.approved) {
    await event('REJECTED', '申請已駁回（帳號維持停用）', { ...d.by, status: 'REJECTED' });
    await toApplicant('rejected', { reason: d.reason });
    return state;
  }

  // The request leaves PENDING before the account becomes 待開通, so 開通帳號 always finds this workflow.
  await event('APPROVED', '申請已核准', {
    ...d.by,
    data: { organizationPath: applicant.organizationPath },
    status: 'MOVING_AD',
  });
  await react.applyReactivation({ workflowId, userId });
  await event('ACCOUNT_UPDATED', `已更新單位為「${applicant.organizationPath}」、職稱為「${applicant.title}」，帳號待開通`);
  await toApplicant('approved', {
    note: `帳號 ${applicant.account} 已核准復用。請至單一帳號認證平台使用「開通帳號」功能設定新密碼後，方可使用公務入口網。`,
    activationUrl: mailPath('activation'),
  });

  // The AD move runs while the person may already be activating: the SSO does not wait for AD.
  // Its failure is kept and rethrown below, not left as an unhandled rejection.
  let moveFailure: unknown;
  const move = (async () => {
    const { dn, created } = await ad.moveReactivatedAdAccount({ userId });
    await event('AD_MOVED', created ? 'AD 無此帳號，已於新單位重新建立（開通後啟用）' : 'AD 帳號已移至新單位', {
      data: { dn, created },
      status: activation === undefined && state.status === 'MOVING_AD' ? 'AWAITING_ACTIVATION' : undefined,
    });
  })().catch((error: unknown) => {
    moveFailure = error;
  });

  await condition(() => activation !== undefined);
  const { passwordRef } = activation!;
  await react.activateReactivatedUser({ userId });
  await event('ACTIVATED', '帳號已開通', { actorUserId: userId, actorName: applicant.name, status: 'ENABLING_AD' });
  await move;
  if (moveFailure) throw moveFailure;
  await ad.enableReactivatedAdAccount({ userId, passwordRef });
  await event('AD_ENABLED', 'AD 帳號已啟用', { status: 'ACTIVE' });
  return state;
}
