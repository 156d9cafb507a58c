import { db, mail, MAIL_STEP, STEP } from './activity-options';
import { ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { IntegrationActivities } from '../activities/integrations';
import { mailPath } from '../domain/mail-links';
import { applicantMail } from './applicant-mail';
import {
  APPLICATION_STATUS_LABELS,
  decideIntegrationUpdate,
  getIntegrationReviewStateQuery,
  INTEGRATION_REQUEST_TYPE_LABEL,
  resubmitIntegrationUpdate,
  type IntegrationResubmitInput,
  type IntegrationReviewInput,
  type IntegrationReviewState,
} from './integration-review.messages';
import { requestReview } from './request-review';
import { requestTimeline } from './request-timeline';

const integrations = proxyActivities<IntegrationActivities>(STEP);
// The system admins' mails wait out an SMTP outage: the step is recorded first, the notice follows once.
const notices = proxyActivities<IntegrationActivities>(MAIL_STEP);

/**
 * 應用系統服務介接申請 (manual 第二章 第三節 捌 七): 申請 / 更換金鑰 / 停用 of one service of one 應用系統,
 * decided by the system admins only.
 *   待審核 → 核准 (申請: the client is issued; 更換金鑰: a new secret, the old one kept for
 *   integration.secretGracePeriod; 停用: the client revoked and its tokens gone) → 已核准;
 *   待審核 → 駁回 (with a comment) → 已駁回;
 *   待審核 → 退回補正 (with a comment) → the applicant corrects the form and sends it again (補正送出,
 *   revision + 1) → 待審核 again, in this same workflow; never corrected within request.expiryAfter → 已逾期;
 *   undecided after request.expiryAfter (a reminder after request.reminderAfter) → 已逾期.
 * The applicant and the system's 聯絡人 are mailed each outcome; the secret never enters this history:
 * the approval's activity seals it, the workflow keeps the reveal row's id.
 */
export async function integrationReview(input: IntegrationReviewInput): Promise<IntegrationReviewState> {
  const { applicationId, applicantUserId } = input;
  const { workflowId, startTime } = workflowInfo();
  const labels = APPLICATION_STATUS_LABELS;
  const state: IntegrationReviewState = { status: 'PENDING', revision: 1 };
  const { event } = requestTimeline({
    workflowId,
    labels,
    state,
    appendRequestEvent: db.appendRequestEvent,
    decisions: true,
    statusAttributeOnChange: true,
  });
  let resubmitted: IntegrationResubmitInput | undefined;

  // Handlers first: a decision may arrive with the workflow's first task.
  setHandler(getIntegrationReviewStateQuery, () => state);
  const review = requestReview({ update: decideIntegrationUpdate, state, labels, applicantUserId, returns: true });
  setHandler(
    resubmitIntegrationUpdate,
    async (r) => {
      resubmitted = r;
      // Answered once 補正送出 is recorded (the application, the timeline) and cleared.
      await condition(() => resubmitted !== r);
      return state;
    },
    {
      validator: (r) => {
        if (r.userId !== applicantUserId) throw ApplicationFailure.nonRetryable('僅申請人可補正此申請', 'ResubmitRefused');
        if (state.status !== 'RETURNED' || resubmitted) {
          throw ApplicationFailure.nonRetryable(`此申請目前狀態為「${labels[state.status]}」，無法補正`, 'ResubmitRefused');
        }
      },
    },
  );

  const app = await integrations.loadIntegrationApplication({ applicationId });
  const what = `${app.systemName} ${app.serviceLabel}${app.actionLabel}`;
  await db.recordRequest({
    workflowId,
    type: 'INTEGRATION_APPLICATION',
    status: state.status,
    statusLabel: labels[state.status],
    agencyId: app.agencyId,
    applicantUserId,
    applicantAccount: app.applicantAccount,
    applicantName: app.applicantName,
    summary: {
      key: app.key,
      systemName: app.systemName,
      kind: app.kind,
      serviceLabel: app.serviceLabel,
      action: app.action,
      actionLabel: app.actionLabel,
    },
    createdAt: startTime.toISOString(),
  });
  await event('SUBMITTED', `已送出${INTEGRATION_REQUEST_TYPE_LABEL}（${what}）`, {
    actorUserId: applicantUserId,
    actorName: app.applicantName,
    status: 'PENDING',
  });

  const statusUrl = mailPath('integrationRecord', app.key);
  const mailTo = (to: string | null, name: string, key: string, namesStep = true) =>
    applicantMail({
      workflowId: key,
      to,
      name,
      requestType: INTEGRATION_REQUEST_TYPE_LABEL,
      statusUrl,
      sendMail: mail.sendMail,
      event,
      namesStep,
    });
  const toApplicant = mailTo(app.applicantEmail, app.applicantName, workflowId);
  // The system's 聯絡人 hears the outcomes too (once, when it is the applicant's own address).
  const toContact =
    app.contactEmail !== app.applicantEmail ? mailTo(app.contactEmail, app.contactName, `${workflowId}:contact`) : null;
  const tell = async (send: (to: typeof toApplicant) => Promise<void>) => {
    await send(toApplicant);
    if (toContact) await send(toContact);
  };
  const notify = (kind: 'submitted' | 'resubmitted' | 'reminder') =>
    notices.notifyIntegrationApprovers({ applicationId, workflowId, kind, revision: state.revision });
  const expire = async (label: string) => {
    await event('EXPIRED', label, { status: 'EXPIRED' });
    await integrations.setIntegrationApplicationStatus({ applicationId, status: 'EXPIRED' });
    await toApplicant('expired', { hint: '如仍需此服務，請重新提出申請。' });
    return state;
  };

  await notify('submitted');
  await toApplicant('submitted', { note: what });

  for (;;) {
    const d = await review.awaitDecision({
      getSystemParameters: db.getSystemParameters,
      remind: () => notify('reminder'),
      event,
    });
    if (!d) return expire('逾期未審核，申請已失效');

    if (d.returned) {
      await event('RETURNED', '申請已退回補正', { ...d.by, status: 'RETURNED' });
      await integrations.setIntegrationApplicationStatus({ applicationId, status: 'RETURNED', comment: d.reason });
      await tell((send) => send('returned', { reason: d.reason, occurrence: state.revision, note: what }));
      const { 'request.expiryAfter': expiry } = await db.getSystemParameters(['request.expiryAfter']);
      if (!(await condition(() => resubmitted !== undefined, expiry * 1000))) return expire('逾期未補正，申請已失效');
      const r = resubmitted!;
      state.revision = r.revision;
      review.reopen();
      await integrations.setIntegrationApplicationStatus({ applicationId, status: 'PENDING' });
      await event('RESUBMITTED', `補正送出（第 ${r.revision} 版）`, {
        actorUserId: r.userId,
        actorName: r.name,
        status: 'PENDING',
      });
      resubmitted = undefined;
      await notify('resubmitted');
      continue;
    }

    if (!d.approved) {
      await event('REJECTED', '申請已駁回', { ...d.by, status: 'REJECTED' });
      await integrations.setIntegrationApplicationStatus({ applicationId, status: 'REJECTED', comment: d.reason });
      await tell((send) => send('rejected', { reason: d.reason, note: what }));
      return state;
    }

    await event('APPROVED', '申請已核准', { ...d.by, status: 'APPROVED' });
    const issued = await integrations.approveIntegrationApplication({ applicationId, comment: d.reason });
    state.clientId = issued.clientId ?? undefined;
    state.revealId = issued.revealId ?? undefined;
    const clientId = issued.clientId ?? '';
    const reveal = '用戶端密鑰（client_secret）僅顯示一次，請申請人至審核紀錄頁面按「顯示金鑰」檢視。';
    const outcome = {
      APPLY: {
        kind: 'CLIENT_ISSUED',
        label: `已啟用${app.serviceLabel}，核發用戶端識別碼 ${clientId}`,
        note: `${what}已核准，用戶端識別碼（client_id）：${clientId}。${reveal}`,
      },
      ROTATE: {
        kind: 'SECRET_ROTATED',
        label: `已更換 ${clientId} 的金鑰（舊金鑰於寬限期間內仍可使用）`,
        note: `${what}已核准，用戶端識別碼 ${clientId} 已核發新金鑰，舊金鑰於寬限期間內仍可使用。${reveal}`,
      },
      REVOKE: {
        kind: 'CLIENT_REVOKED',
        label: `已停用${app.serviceLabel}，用戶端識別碼 ${clientId} 及其權杖已失效`,
        note: `${what}已核准，用戶端識別碼 ${clientId} 已停用，其簽發的權杖已全部失效。`,
      },
    }[app.action];
    await event(outcome.kind, outcome.label, { data: { clientId } });
    await tell((send) => send('approved', { note: outcome.note }));
    return state;
  }
}
