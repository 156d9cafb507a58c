import { AD_STEP, db, mail, STEP } from './activity-options';
import { proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { createAccountLifecycleActivities } from '../activities/account-lifecycle';
import { precheckMessage } from '../domain/account-prechecks';
import {
  DISABLE_KIND_LABEL,
  DISABLE_STATUS_LABELS,
  getDisableStateQuery,
  REQUEST_TYPE_OF,
  type AccountDisableInput,
  type AccountDisableState,
} from './account-disable.messages';
import { requestTimeline } from './request-timeline';
import { requestSearchAttributes } from './search-attributes';
import { mailPath } from '../domain/mail-links';

type Life = ReturnType<typeof createAccountLifecycleActivities>;

const life = proxyActivities<Life>(STEP);
// AD may be down for a while: keep trying (the request shows 已停用（AD 停用中）) until it answers.
const ad = proxyActivities<Life>(AD_STEP);

/**
 * 停用 (手動停用, 手冊 圖 10) and one account's 閒置停用 (圖 11): pre-checks → every session and token
 * revoked at once → DISABLED in the database → AD disabled (waits for AD, however long) → mail to the
 * user. A failed pre-check ends the request as BLOCKED with what must be handed over, and to whom.
 */
export async function accountDisable(input: AccountDisableInput): Promise<AccountDisableState> {
  const { workflowId } = workflowInfo();
  const state: AccountDisableState = { status: 'CHECKING', problems: [] };
  setHandler(getDisableStateQuery, () => state);
  const type = REQUEST_TYPE_OF[input.kind];
  const { event } = requestTimeline({
    workflowId,
    labels: DISABLE_STATUS_LABELS,
    state,
    appendRequestEvent: db.appendRequestEvent,
  });

  const account = await life.loadAccount({ userId: input.userId });
  upsertSearchAttributes(
    requestSearchAttributes({
      requestType: type,
      agencyCode: account.agencyCode,
      applicantAccount: account.account,
      status: 'CHECKING',
    }),
  );
  await db.recordRequest({
    workflowId,
    type,
    status: 'CHECKING',
    statusLabel: DISABLE_STATUS_LABELS.CHECKING,
    agencyId: account.agencyId,
    applicantUserId: account.userId,
    applicantAccount: account.account,
    applicantName: account.name,
    summary: { userId: account.userId, kind: input.kind, reason: input.reason, organizationPath: account.organizationPath },
  });
  await event(
    'REQUESTED',
    input.actor ? `${input.actor.name} 申請${DISABLE_KIND_LABEL[input.kind]}` : `系統${DISABLE_KIND_LABEL[input.kind]}`,
    { actorUserId: input.actor?.userId, actorName: input.actor?.name ?? '系統', comment: input.reason },
  );

  const checks = await life.checkAccountLeave({ userId: input.userId });
  if (!checks.ok) {
    state.problems = checks.problems;
    await event('BLOCKED', '未通過停用前檢查，帳號未停用', {
      status: 'BLOCKED',
      comment: precheckMessage(checks),
      data: { problems: checks.problems.map((p) => p.code) },
    });
    return state;
  }
  await event('PRECHECKED', '停用前檢查通過（非唯一機關管理者、無保管中的郵件帳號）');

  // Session revocation does not wait for AD.
  const revoked = await life.revokeAccountSessions({ userId: input.userId });
  await event('SESSIONS_REVOKED', `已登出所有工作階段（入口網 ${revoked.portalSessions} 個、單一登入 ${revoked.ssoTokens} 筆）`, {
    data: revoked,
  });
  const { disabledAt } = await life.markAccountDisabled({ userId: input.userId, reason: input.reason });
  await event('DISABLED', '帳號已停用，無法再登入', { status: 'DISABLING_AD' });
  const { dn } = await ad.disableAdAccount({ userId: input.userId });
  await event('AD_DISABLED', dn ? 'AD 帳號已停用' : 'AD 無此帳號，無需停用', { status: 'DISABLED', data: { dn } });

  if (account.mailTo) {
    await mail.sendMail({
      key: `${workflowId}:disabled`,
      to: account.mailTo,
      template: 'accountDisabled',
      data: {
        name: account.name,
        account: account.account,
        kind: input.kind,
        reason: input.reason,
        disabledAt,
        reactivateUrl: mailPath('reactivation'),
      },
    });
    await event('NOTIFIED', '已寄送停用通知給使用者');
  }
  return state;
}
