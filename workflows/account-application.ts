import { AD_STEP, db, mail, STEP } from './activity-options';
import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  patched,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { createAccountApplicationActivities } from '../activities/account-application';
import {
  activatedSignal,
  amendUpdate,
  APPLICATION_STATUS_LABELS,
  decideUpdate,
  getApplicationStateQuery,
  type AccountApplicationInput,
  type ActivatedInput,
  type ApplicationState,
  type ApplicationStatus,
} from './account-application.messages';
import { requestReview } from './request-review';
import { RequestStatusKey, requestSearchAttributes } from './search-attributes';
import { mailPath } from '../domain/mail-links';

type AppActivities = ReturnType<typeof createAccountApplicationActivities>;

const app = proxyActivities<AppActivities>(STEP);
// Runs inside the approver's request (an Update): fail fast so they get an answer.
const reserve = proxyActivities<AppActivities>({ startToCloseTimeout: '15 seconds', retry: { maximumAttempts: 3 } });
// AD may be down for a while: keep trying (the request shows 帳號建立中) until it answers.
const ad = proxyActivities<AppActivities>(AD_STEP);

const REQUEST_TYPE_LABEL = '個人帳號申請';

/**
 * 個人帳號申請: submitted → (amended)* → approved | rejected | expired; approved → provisioning
 * (database user, AD account disabled) → awaiting activation → active (password set in AD, enabled).
 * Reminders, escalation and expiry race the decision; their durations are system parameters.
 */
export async function accountApplication({ applicationId }: AccountApplicationInput): Promise<ApplicationState> {
  const { workflowId } = workflowInfo();
  const state: ApplicationState = { status: 'PENDING', escalated: false };
  // Handlers are registered before the first await: an update may arrive with the first task.
  let loaded: Awaited<ReturnType<AppActivities['loadApplication']>> | undefined = undefined;
  const applicationLoaded = async () => {
    await condition(() => loaded !== undefined);
    return loaded!;
  };
  let activation: ActivatedInput | undefined;
  let seq = 0;
  let submitted = false;

  const event = (
    kind: string,
    label: string,
    extra: { actorUserId?: string; actorName?: string; comment?: string; data?: Record<string, unknown> } = {},
  ) => db.appendRequestEvent({ workflowId, seq: ++seq, kind, label, data: {}, ...extra });

  async function enter(status: ApplicationStatus, label = APPLICATION_STATUS_LABELS[status]) {
    state.status = status;
    upsertSearchAttributes([{ key: RequestStatusKey, value: status }]);
    await app.setApplicationStatus({ applicationId, status });
    await db.recordRequest({
      workflowId,
      type: 'ACCOUNT_APPLICATION',
      status,
      statusLabel: label,
      agencyId: application.agencyId,
      applicantAccount: application.account,
      applicantName: application.name,
      summary: { applicationId, organizationPath: application.organizationPath, escalated: state.escalated },
    });
  }

  setHandler(getApplicationStateQuery, () => state);
  const review = requestReview({
    update: decideUpdate,
    state,
    labels: APPLICATION_STATUS_LABELS,
    // The applicant has no account yet: no approver can be deciding their own application.
    decidedType: 'ApplicationDecided',
    accept: async (input) => {
      if (input.decision !== 'APPROVE') return;
      // The account name is checked again here: of two applications for one name, exactly one
      // approval creates the user; the other approver gets the reason and can reject with it.
      const current = await applicationLoaded();
      await reserve.reserveAccount({ applicationId, grantOfficialMail: input.grantOfficialMail ?? current.needOfficialMail });
    },
  });
  setHandler(
    amendUpdate,
    async (input) => {
      // Applied by the workflow itself, so no decision can interleave with a half-stored amendment.
      const current = await applicationLoaded();
      // An amendment racing the workflow's start must not take the timeline's first place.
      if (patched('amendment-after-submitted')) await condition(() => submitted);
      await app.applyAmendment({ applicationId, changes: input.changes });
      current.account = input.changes.account;
      current.name = input.changes.name;
      current.needOfficialMail = input.changes.needOfficialMail;
      await event('AMENDED', '申請人修改申請內容', { actorName: current.name, data: { changedFields: input.changedFields } });
      return state;
    },
    {
      validator: (_input) => {
        if (!review.open()) {
          throw ApplicationFailure.nonRetryable('此申請已審核，無法修改', 'ApplicationDecided');
        }
      },
    },
  );
  setHandler(activatedSignal, (input) => {
    activation ??= input;
  });

  const application = await app.loadApplication({ applicationId });
  loaded = application;
  const params = await db.getSystemParameters(['request.reminderAfter', 'request.escalationAfter', 'request.expiryAfter']);

  upsertSearchAttributes(
    requestSearchAttributes({
      requestType: 'ACCOUNT_APPLICATION',
      agencyCode: application.agencyCode,
      applicantAccount: application.account,
      status: 'PENDING',
    }),
  );
  await enter('PENDING');
  await event('SUBMITTED', '已送出申請', { actorName: application.name });
  submitted = true;

  // Reminder → escalation → expiry, each measured from submission.
  const decided = await review.awaitDecision({
    getSystemParameters: async () => params,
    remind: () => app.notifyApprovers({ applicationId, workflowId, escalated: false }),
    escalate: async () => {
      state.escalated = true;
      await app.notifyApprovers({ applicationId, workflowId, escalated: true });
      await enter('PENDING', '待審核（已轉系統管理者）');
      await event('ESCALATED', '逾期未審核，已轉請系統管理者處理');
    },
    event,
  });
  if (!decided) {
    await enter('EXPIRED');
    await event('EXPIRED', '逾期未審核，申請已失效');
    await mail.sendMail({
      key: `${workflowId}:expired`,
      to: application.backupEmail,
      template: 'applicationExpired',
      data: { name: application.name, requestType: REQUEST_TYPE_LABEL, statusUrl: mailPath('applicationStatusLookup') },
    });
    return state;
  }

  const { decision: d, by: actor } = decided;
  if (d.decision === 'REJECT') {
    await enter('REJECTED');
    await event('REJECTED', '申請已駁回', actor);
    await mail.sendMail({
      key: `${workflowId}:rejected`,
      to: application.backupEmail,
      template: 'applicationRejected',
      data: {
        name: application.name,
        requestType: REQUEST_TYPE_LABEL,
        reason: decided.reason,
        statusUrl: mailPath('applicationStatusLookup'),
      },
    });
    return state;
  }

  await event('APPROVED', '申請已核准', {
    ...actor,
    data: { officialMail: d.grantOfficialMail ?? application.needOfficialMail },
  });
  await enter('PROVISIONING');
  const { dn } = await ad.provisionAdAccount({ applicationId });
  await event('AD_ACCOUNT_CREATED', 'AD 帳號已建立（停用中，待開通）', { data: { dn } });
  await enter('AWAITING_ACTIVATION');
  await mail.sendMail({
    key: `${workflowId}:activation-guide`,
    to: application.backupEmail,
    template: 'accountActivationGuide',
    data: { name: application.name, account: application.account, activationUrl: mailPath('activation') },
  });

  await condition(() => activation !== undefined);
  const { userId, passwordRef } = activation!;
  await app.activateUser({ applicationId, userId });
  await ad.setAdPasswordAndEnable({ applicationId, passwordRef });
  await enter('ACTIVE');
  await event('ACTIVATED', '帳號已開通', { actorName: application.name });
  return state;
}
