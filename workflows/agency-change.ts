import { AD_STEP, db, mail, STEP } from './activity-options';
import { proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { AccountLifecycleActivities } from '../activities/account-lifecycle';
import type { AgencyChangeActivities } from '../activities/account-lifecycle/agency-change';
import { precheckMessage } from '../domain/account-prechecks';
import {
  AGENCY_CHANGE_DISABLED_REASON,
  AGENCY_CHANGE_STATUS_LABELS,
  AGENCY_CHANGE_TYPE_LABEL,
  decideAgencyChangeUpdate,
  getAgencyChangeStateQuery,
  PENDING_AD_DISABLING_LABEL,
  type AgencyChangeInput,
  type AgencyChangeState,
} from './agency-change.messages';
import { applicantMail } from './applicant-mail';
import { requestReview } from './request-review';
import { requestTimeline } from './request-timeline';
import { requestSearchAttributes } from './search-attributes';
import { mailPath } from '../domain/mail-links';

type Steps = AccountLifecycleActivities & AgencyChangeActivities;

const steps = proxyActivities<Steps>(STEP);
// AD may be down for a while: keep trying (the request shows …中) until it answers; nothing is lost.
const ad = proxyActivities<Steps>(AD_STEP);

/** Where the user follows up: they can log in again once the request is decided. */

/**
 * 機關(單位)異動 (手冊 圖 14): pre-checks (as for 停用) → every session and token revoked at once →
 * DISABLED until the NEW agency's admin decides (AD disabled alongside, without holding up the
 * decision) → 核准: the user moves to the new unit (database, then AD `modifyDN` into its OU),
 * loses 機關管理者 of the old agency, and is enabled again | 駁回 / 逾期: the old unit stays and the
 * account is enabled again. Both outcomes are mailed.
 */
export async function agencyChange(input: AgencyChangeInput): Promise<AgencyChangeState> {
  const { userId, organizationId } = input;
  const { workflowId, startTime } = workflowInfo();
  const state: AgencyChangeState = { status: 'CHECKING', problems: [] };
  const { event } = requestTimeline({
    workflowId,
    labels: AGENCY_CHANGE_STATUS_LABELS,
    state,
    appendRequestEvent: db.appendRequestEvent,
    decisions: true,
  });

  setHandler(getAgencyChangeStateQuery, () => state);
  const review = requestReview({
    update: decideAgencyChangeUpdate,
    state,
    labels: AGENCY_CHANGE_STATUS_LABELS,
    applicantUserId: userId,
  });

  const c = await steps.loadAgencyChange({ userId, organizationId });
  upsertSearchAttributes(
    requestSearchAttributes({
      requestType: 'AGENCY_CHANGE',
      agencyCode: c.to.agencyCode,
      applicantAccount: c.account,
      status: 'CHECKING',
    }),
  );
  const { requestId } = await db.recordRequest({
    workflowId,
    type: 'AGENCY_CHANGE',
    status: 'CHECKING',
    statusLabel: AGENCY_CHANGE_STATUS_LABELS.CHECKING,
    agencyId: c.to.agencyId,
    applicantUserId: userId,
    applicantAccount: c.account,
    applicantName: c.name,
    summary: {
      reason: input.reason ?? '',
      fromOrganizationId: c.from.organizationId,
      fromOrganizationPath: c.from.organizationPath,
      fromAgencyId: c.from.agencyId,
      fromAgencyName: c.from.agencyName,
      toOrganizationId: c.to.organizationId,
      toOrganizationPath: c.to.organizationPath,
      toAgencyName: c.to.agencyName,
    },
    createdAt: startTime.toISOString(),
  });
  await event('SUBMITTED', `已送出機關(單位)異動申請：${c.from.organizationPath} → ${c.to.organizationPath}`, {
    actorUserId: userId,
    actorName: c.name,
    comment: input.reason || undefined,
  });

  const checks = await steps.checkAccountLeave({ userId });
  if (!checks.ok) {
    state.problems = checks.problems;
    await event('BLOCKED', '未通過停用前檢查，帳號未停用、單位未異動', {
      comment: precheckMessage(checks),
      data: { problems: checks.problems.map((p) => p.code) },
      status: 'BLOCKED',
    });
    return state;
  }
  await event('PRECHECKED', '停用前檢查通過（非唯一機關管理者、無保管中的郵件帳號）');

  // Session revocation does not wait for AD.
  const revoked = await steps.revokeAccountSessions({ userId });
  await event('SESSIONS_REVOKED', `已登出所有工作階段（入口網 ${revoked.portalSessions} 個、單一登入 ${revoked.ssoTokens} 筆）`, {
    data: revoked,
  });
  await steps.markAccountDisabled({ userId, reason: AGENCY_CHANGE_DISABLED_REASON });
  await event('DISABLED', '帳號已強制停用，待新機關管理者審核', {
    status: 'PENDING',
    statusLabel: PENDING_AD_DISABLING_LABEL,
  });

  // AD is disabled alongside the review: the approver need not wait for it, but the outcome's AD
  // steps (move, enable) do, so AD ends in the right state whatever the order of events.
  const adDisabled = ad.disableAdAccount({ userId }).then(
    ({ dn }) =>
      event('AD_DISABLED', dn ? 'AD 帳號已停用' : 'AD 無此帳號，無需停用', {
        data: { dn },
        status: state.status === 'PENDING' && !review.decided() ? 'PENDING' : undefined,
      }),
    (error: unknown) =>
      event('AD_DISABLE_FAILED', 'AD 帳號停用失敗，請由系統管理者確認', {
        comment: error instanceof Error ? error.message : String(error),
      }),
  );

  const notify = (kind: 'submitted' | 'reminder') =>
    steps.notifyAgencyChangeApprovers({
      workflowId,
      agencyId: c.to.agencyId,
      agencyName: c.to.agencyName,
      applicantName: c.name,
      submittedAt: startTime.toISOString(),
      requestId,
      kind,
    });
  const toApplicant = applicantMail({
    workflowId,
    to: c.mailTo,
    name: c.name,
    requestType: AGENCY_CHANGE_TYPE_LABEL,
    statusUrl: mailPath('account'),
    sendMail: mail.sendMail,
    event,
    namesStep: false,
  });
  await notify('submitted');
  await event('NOTIFIED', `已通知${c.to.agencyName}的機關管理者審核`);

  const d = await review.awaitDecision({
    getSystemParameters: db.getSystemParameters,
    remind: () => notify('reminder'),
    event,
  });

  /** 駁回 or 逾期: nothing moves; the account may log in again in its old unit. */
  async function restore(final: 'REJECTED' | 'EXPIRED') {
    await adDisabled;
    await steps.reactivateAfterAgencyChange({ userId });
    await event('REACTIVATED', `帳號已恢復啟用，維持原單位（${c.from.organizationPath}）`);
    const { dn } = await ad.enableAdAfterAgencyChange({ userId });
    await event('AD_ENABLED', dn ? 'AD 帳號已啟用' : 'AD 無此帳號，無需啟用', { data: { dn }, status: final });
  }

  if (!d) {
    await event('EXPIRED', '逾期未審核，申請已失效', { status: 'RESTORING' });
    await restore('EXPIRED');
    await toApplicant('expired');
    return state;
  }

  if (!d.approved) {
    await event('REJECTED', '申請已駁回', { ...d.by, status: 'RESTORING' });
    await restore('REJECTED');
    await toApplicant('rejected', { reason: d.reason });
    return state;
  }

  await event('APPROVED', '申請已核准', { ...d.by, status: 'MOVING' });
  const { droppedAdminRole } = await steps.moveUserToNewUnit({ userId, organizationId, oldAgencyId: c.from.agencyId });
  await event(
    'MOVED',
    `已異動至 ${c.to.organizationPath}` + (droppedAdminRole ? `，並取消${c.from.agencyName}機關管理者權限` : ''),
    { data: { droppedAdminRole } },
  );
  await steps.reactivateAfterAgencyChange({ userId });
  await event('REACTIVATED', '帳號已恢復啟用，可重新登入');
  await adDisabled;
  const moved = await ad.moveAdUserToNewUnit({ userId, organizationId });
  await event('AD_MOVED', moved.dn ? 'AD 帳號已移至新單位' : 'AD 無此帳號，無需移轉', { data: moved });
  if (droppedAdminRole) {
    await ad.leaveOldAgencyAdminGroup({ userId, agencyId: c.from.agencyId });
    await event('AD_GROUP_REMOVED', `已移出 AD ${c.from.agencyName}機關管理者群組`);
  }
  const { dn } = await ad.enableAdAfterAgencyChange({ userId });
  await event('AD_ENABLED', dn ? 'AD 帳號已啟用' : 'AD 無此帳號，無需啟用', { data: { dn }, status: 'APPROVED' });
  await toApplicant('approved', { note: `您的帳號已異動至「${c.to.organizationPath}」，可重新登入使用。` });
  return state;
}
