import { db, mail } from './activity-options';
import { condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { AccountLifecycleActivities } from '../activities/account-lifecycle';
import type { AccountEnableActivities } from '../activities/account-lifecycle/enable';
import type { ReactivationActivities } from '../activities/account-lifecycle/reactivation';
import { activatedSignal, type ActivatedInput } from './account-application.messages';
import {
  ACTIVATION_WAIT,
  ENABLE_KIND_LABEL,
  ENABLE_STATUS_LABELS,
  getEnableStateQuery,
  type AccountEnableInput,
  type AccountEnableState,
  type EnableStatus,
} from './account-enable.messages';
import { requestTimeline } from './request-timeline';
import { requestSearchAttributes } from './search-attributes';
import { mailPath } from '../domain/mail-links';

const life = proxyActivities<AccountEnableActivities & ReactivationActivities & AccountLifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});
// AD may be down for a while: keep trying (the request shows …（AD …中）) until it answers.
const ad = proxyActivities<AccountEnableActivities & ReactivationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * 啟用: DISABLED → ACTIVE → AD enabled → mail. 重設為待開通: sessions end and the password is
 * forgotten at once → AD disabled → mail with the 開通帳號 link → waits for 開通帳號, which hands
 * the new password over by reference (activatedSignal) → ACTIVE → AD password set and enabled.
 */
export async function accountEnable(input: AccountEnableInput): Promise<AccountEnableState> {
  const { workflowId, startTime } = workflowInfo();
  const initial: EnableStatus = input.kind === 'ENABLE' ? 'ENABLING_AD' : 'RESETTING_AD';
  const state: AccountEnableState = { status: initial };
  let activation: ActivatedInput | undefined;
  setHandler(getEnableStateQuery, () => state);
  setHandler(activatedSignal, (signal) => {
    activation ??= signal;
  });
  const { event } = requestTimeline({
    workflowId,
    labels: ENABLE_STATUS_LABELS,
    state,
    appendRequestEvent: db.appendRequestEvent,
  });

  const account = await life.loadAccount({ userId: input.userId });
  upsertSearchAttributes(
    requestSearchAttributes({
      requestType: 'ACCOUNT_ENABLE',
      agencyCode: account.agencyCode,
      applicantAccount: account.account,
      status: initial,
    }),
  );
  await db.recordRequest({
    workflowId,
    type: 'ACCOUNT_ENABLE',
    status: initial,
    statusLabel: ENABLE_STATUS_LABELS[initial],
    agencyId: account.agencyId,
    applicantUserId: account.userId,
    applicantAccount: account.account,
    applicantName: account.name,
    summary: { userId: account.userId, kind: input.kind, reason: input.reason, organizationPath: account.organizationPath },
    createdAt: startTime.toISOString(),
  });
  await event('REQUESTED', `${input.actor.name} 辦理${ENABLE_KIND_LABEL[input.kind]}`, {
    actorUserId: input.actor.userId,
    actorName: input.actor.name,
    comment: input.reason,
  });
  const notify = (key: string, data: { kind: 'ENABLED' | 'RESET' }) =>
    account.mailTo
      ? mail
          .sendMail({
            key: `${workflowId}:${key}`,
            to: account.mailTo,
            template: 'accountEnabled',
            data: {
              name: account.name,
              account: account.account,
              kind: data.kind,
              reason: input.reason,
              activationUrl: mailPath('activation'),
              loginUrl: mailPath('login'),
            },
          })
          .then(() => event('NOTIFIED', '已寄送通知給使用者'))
      : event('NO_MAIL', '未寄送通知：使用者沒有可用的電子郵件');

  if (input.kind === 'ENABLE') {
    await life.markAccountEnabled({ userId: input.userId });
    await event('ENABLED', '帳號已啟用，可使用原密碼登入');
    const { dn } = await ad.enableAdAccount({ userId: input.userId });
    await event('AD_ENABLED', 'AD 帳號已啟用', { status: 'ENABLED', data: { dn } });
    await notify('enabled', { kind: 'ENABLED' });
    return state;
  }

  const reset = await life.resetAccountToActivation({ userId: input.userId });
  await event(
    'RESET',
    `帳號已重設為待開通，原密碼失效（已登出入口網 ${reset.portalSessions} 個、單一登入 ${reset.ssoTokens} 筆工作階段）`,
    { data: reset },
  );
  const { dn } = await ad.disableAdUntilActivation({ userId: input.userId });
  await event('AD_DISABLED', dn ? 'AD 帳號已停用，待使用者開通帳號' : 'AD 無此帳號（請至 AD 同步管理作業處理）', {
    status: 'AWAITING_ACTIVATION',
    data: { dn },
  });
  await notify('reset', { kind: 'RESET' });

  if (!(await condition(() => activation !== undefined, ACTIVATION_WAIT))) {
    await event('EXPIRED', '逾期未開通，本次重設作業結束；帳號仍為待開通', { status: 'EXPIRED' });
    return state;
  }
  await life.activateReactivatedUser({ userId: input.userId });
  await event('ACTIVATED', '使用者已開通帳號，可登入', {
    status: 'ACTIVATING_AD',
    actorUserId: input.userId,
    actorName: account.name,
  });
  await ad.enableReactivatedAdAccount({ userId: input.userId, passwordRef: activation!.passwordRef });
  await event('AD_ENABLED', 'AD 帳號已設定新密碼並啟用', { status: 'ACTIVATED' });
  return state;
}
