import type { SendMailInput } from '../activities/mail';

const OUTCOMES = {
  submitted: { template: 'applicationSubmitted', step: '已送出' },
  expired: { template: 'applicationExpired', step: '逾期' },
  rejected: { template: 'applicationRejected', step: '駁回' },
  approved: { template: 'applicationApproved', step: '核准' },
  cancelled: { template: 'applicationCancelled', step: '取消' },
  // Sent back for correction (退回補正): may come again after each resubmission.
  returned: { template: 'applicationReturned', step: '退回補正' },
  // A process that is answered rather than approved (線上報修): the answer, and the close by itself.
  handled: { template: 'applicationHandled', step: '已處理' },
  closed: { template: 'applicationClosed', step: '結案' },
} as const;

type Outcome = keyof typeof OUTCOMES;
type Extra<O extends Outcome> = O extends 'rejected' | 'cancelled'
  ? { reason: string; note?: string }
  : O extends 'returned'
    ? { reason: string; occurrence: number; note?: string }
    : O extends 'approved'
      ? { note: string; activationUrl?: string }
      : O extends 'submitted'
        ? { note?: string }
        : O extends 'expired'
          ? { hint?: string }
          : O extends 'handled'
            ? { note: string; occurrence: number }
            : O extends 'closed'
              ? { note?: string }
              : object;

/**
 * The applicant's mails of a reviewed request (已送出, 逾期, 駁回, 核准), each keyed
 * `<workflowId>:<outcome>` so a retried activity sends it once. With no address to write to, the
 * timeline says so instead. An outcome that may come more than once (線上報修's 已處理, again after
 * each 退回) carries its `occurrence`, keyed `<workflowId>:<outcome>:<occurrence>`.
 */
export function applicantMail(opts: {
  workflowId: string;
  to: string | null | undefined;
  name: string;
  requestType: string;
  statusUrl: string;
  sendMail: (input: SendMailInput) => Promise<unknown>;
  event: (kind: string, label: string) => Promise<void>;
  /** The NO_MAIL event names the step, unless told not to (機關異動's timeline never did). */
  namesStep?: boolean;
}) {
  const { workflowId, to, name, requestType, statusUrl, sendMail, event, namesStep = true } = opts;
  type Args<O extends Outcome> = O extends 'rejected' | 'approved' | 'cancelled' | 'handled' | 'returned'
    ? [Extra<O>]
    : [Extra<O>?];
  /** The mail as sendMail takes it, or undefined with no address to write to. */
  const input = <O extends Outcome>(outcome: O, ...extra: Args<O>): SendMailInput | undefined => {
    if (!to) return undefined;
    const { occurrence, ...fields } = (extra[0] ?? {}) as { occurrence?: number };
    return {
      key: occurrence === undefined ? `${workflowId}:${outcome}` : `${workflowId}:${outcome}:${occurrence}`,
      to,
      template: OUTCOMES[outcome].template,
      data: { name, requestType, statusUrl, ...fields },
    } as SendMailInput;
  };
  const send = async <O extends Outcome>(outcome: O, ...extra: Args<O>) => {
    const mail = input(outcome, ...extra);
    if (!mail) {
      const { step } = OUTCOMES[outcome];
      await event(
        'NO_MAIL',
        namesStep ? `未寄送通知（${step}）：申請人沒有可用的電子郵件` : '未寄送通知：申請人沒有可用的電子郵件',
      );
      return;
    }
    await sendMail(mail);
  };
  /**
   * `input` composes the mail without sending it, for an activity that sends it along with more of the
   * same step (a booking's 已送出 notices); with no address, `send` still writes the NO_MAIL row.
   */
  return Object.assign(send, { input });
}
