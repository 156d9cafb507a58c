import { db, localDb, LOCAL_DB_STEP, mail, MAIL_STEP, STEP } from './activity-options';
import {
  ApplicationFailure,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { BookingActivities } from '../activities/bookings';
import { mailPath } from '../domain/mail-links';
import { cancelProblem } from '../domain/bookings/cancel';
import { bookingRequestRecord } from '../domain/bookings/request-record';
import { deciderName } from '../domain/requests/decision';
import { applicantMail } from './applicant-mail';
import {
  BOOKING_REQUEST_TYPE_LABEL,
  BOOKING_STATUS_LABELS,
  cancelBookingUpdate,
  decideBookingUpdate,
  getBookingStateQuery,
  slotOfferedSignal,
  type BookingCancelInput,
  type BookingInput,
  type BookingKind,
  type BookingState,
  type BookingStatusCode,
} from './booking.messages';
import { requestReview } from './request-review';
import { requestTimeline } from './request-timeline';
import { requestSearchAttributes } from './search-attributes';

const bookings = proxyActivities<BookingActivities>(STEP);
// Notices wait out an SMTP or SMS outage: the decision is recorded first, the notice follows once.
const notices = proxyActivities<BookingActivities>(MAIL_STEP);
// Since LOCAL_STEPS: the database steps (open, status, timeline rows) run as local activities.
const local = proxyLocalActivities<BookingActivities>(LOCAL_DB_STEP);

/**
 * Workflows started since this patch open in one local activity (load the booking, write its request
 * row, read the review's parameters), run every database step as a local activity, send the two 已送出
 * notices in one activity and upsert RequestStatus only when it changes (the API starts the workflow
 * with all four search attributes): about a third of the workflow and activity tasks of before. The
 * steps, rows, mails and words are the same. Earlier histories replay the activities they recorded.
 */
const LOCAL_STEPS = 'booking-local-steps';
const REVIEW_PARAMETERS = ['request.reminderAfter', 'request.expiryAfter'] as const;

const REQUEST_TYPE = { VENUE: 'VENUE_BOOKING', CAR: 'CAR_BOOKING' } as const;

/**
 * 場地借用 / 公務車借用 (manual 圖 15, 圖 16). The booking row holds its slot from submission (the
 * database refuses an overlapping one), or waits 候補中 for it. Then:
 *   候補中 → (the slot is released) 未審核 | 已取消 | 逾期 (never offered before the start);
 *   未審核 → 通過 | 駁回 (審核說明 required) by a custodian | 已取消 by the applicant | 逾期未審核 when
 *   still undecided as the slot starts (the slot is freed);
 *   通過 → 已取消 by the applicant before the start, or by a custodian with a reason.
 * Custodians are mailed each request and reminded once; the applicant each outcome; a dispatched
 * driver gets an SMS and their 管理人 a mail. A released slot is offered to the next waiting request.
 */
export async function bookingProcess(kind: BookingKind, input: BookingInput): Promise<BookingState> {
  const { bookingId, applicantUserId } = input;
  const { workflowId, startTime } = workflowInfo();
  const state: BookingState = { status: input.status };
  const labels = BOOKING_STATUS_LABELS;
  const compact = patched(LOCAL_STEPS);
  const steps = compact ? local : bookings;
  const { event } = requestTimeline({
    workflowId,
    labels,
    state,
    appendRequestEvent: compact ? localDb.appendRequestEvent : db.appendRequestEvent,
    decisions: true,
    statusAttributeOnChange: compact,
  });
  const startsAt = new Date(input.startsAt);
  let offered = false;
  let cancel: BookingCancelInput | undefined;

  // Handlers first: a decision or a cancellation may arrive with the workflow's first task.
  setHandler(getBookingStateQuery, () => state);
  setHandler(slotOfferedSignal, () => void (offered = true));
  const review = requestReview({ update: decideBookingUpdate, state, labels, applicantUserId });
  setHandler(
    cancelBookingUpdate,
    async (input) => {
      cancel = input;
      await condition(() => state.status === 'CANCELLED');
      return state;
    },
    {
      validator: (input) => {
        // A second cancellation while the first is under way is refused like one of a closed booking.
        const problem = cancel
          ? `此申請目前狀態為「${labels[state.status]}」，無法取消`
          : cancelProblem(state.status, startsAt, input.by, new Date());
        if (problem) throw ApplicationFailure.nonRetryable(problem, 'NotCancellable');
        if (input.by === 'CUSTODIAN' && !input.reason?.trim())
          throw ApplicationFailure.nonRetryable('請填寫取消原因', 'ReasonRequired');
      },
    },
  );

  const opened = compact
    ? await local.openBooking({
        bookingId,
        workflowId,
        createdAt: startTime.toISOString(),
        parameters: [...REVIEW_PARAMETERS],
      })
    : undefined;
  const b = opened?.booking ?? (await bookings.loadBooking({ bookingId }));
  let requestId = opened?.requestId;
  if (!requestId) {
    upsertSearchAttributes(
      requestSearchAttributes({
        requestType: REQUEST_TYPE[kind],
        agencyCode: b.agencyCode,
        applicantAccount: b.applicantAccount,
        status: b.status,
      }),
    );
    ({ requestId } = await db.recordRequest(bookingRequestRecord(kind, b, { workflowId, createdAt: startTime.toISOString() })));
  }
  const requestType = BOOKING_REQUEST_TYPE_LABEL[kind];
  const toApplicant = applicantMail({
    workflowId,
    to: b.applicantEmail,
    name: b.applicantName,
    requestType,
    statusUrl: mailPath('bookingRecord', b.key),
    sendMail: mail.sendMail,
    event,
  });
  const what = `${b.resourceTitle} ${b.when}`;
  await event('SUBMITTED', `已送出${requestType}（${what}）`, {
    actorUserId: b.applicantUserId,
    actorName: b.applicantName,
    comment: b.reason,
    status: b.status,
  });

  /** The slot is let go: the row leaves PENDING/APPROVED, then the next waiting request is offered it. */
  const release = async (to: BookingStatusCode, from: BookingStatusCode[], actorUserId?: string, comment?: string) => {
    const held = from.some((s) => s === 'PENDING' || s === 'APPROVED');
    await steps.setBookingStatus({ bookingId, to, from, actorUserId, comment });
    if (!held) return;
    const { workflowIds } = await steps.promoteWaitlisted({ bookingId });
    for (const id of workflowIds) {
      await getExternalWorkflowHandle(id).signal(slotOfferedSignal);
      await event('SLOT_OFFERED', '時段已釋出，已通知候補申請');
    }
  };
  const cancelled = async (from: BookingStatusCode) => {
    const c = cancel!;
    await release('CANCELLED', [from], c.actor.userId, c.reason?.trim());
    const byApplicant = c.by === 'APPLICANT';
    await event('CANCELLED', byApplicant ? '申請人已取消申請' : '保管人已取消借用', {
      actorUserId: c.actor.userId,
      actorName: deciderName(c.actor),
      comment: c.reason?.trim() || undefined,
      status: 'CANCELLED',
    });
    if (from !== 'WAITLISTED' && byApplicant)
      await notices.notifyCustodians({ workflowId, bookingId, requestId, kind: 'cancelled' });
    if (!byApplicant) await toApplicant('cancelled', { reason: c.reason!.trim(), note: what });
    if (from === 'APPROVED' && b.driverName) await notices.notifyDriver({ workflowId, bookingId, kind: 'cancelled' });
    return state;
  };
  const untilStart = () => Math.max(0, startsAt.getTime() - Date.now());

  if (state.status === 'WAITLISTED') {
    await event('WAITLISTED', '此時段已有其他申請，已列入候補');
    await condition(() => offered || cancel !== undefined, untilStart());
    if (cancel) return cancelled('WAITLISTED');
    if (!offered) {
      await steps.setBookingStatus({ bookingId, to: 'EXPIRED', from: ['WAITLISTED'] });
      await event('EXPIRED', '借用時段已開始，候補未獲遞補', { status: 'EXPIRED' });
      await toApplicant('expired', { hint: '候補期間該時段未釋出。' });
      return state;
    }
    await event('OFFERED', '時段已釋出，候補遞補為未審核', { status: 'PENDING' });
  }

  // Two notices, side by side: neither waits for the other (nor for the other's SMTP) — since
  // LOCAL_STEPS in one activity, which sends both in each attempt.
  const submitted = compact ? toApplicant.input('submitted', { note: what }) : undefined;
  await Promise.all(
    compact
      ? [
          notices.notifySubmitted({ workflowId, bookingId, requestId, applicantMail: submitted ?? null }),
          submitted ? undefined : toApplicant('submitted', { note: what }),
        ]
      : [
          notices.notifyCustodians({ workflowId, bookingId, requestId, kind: 'submitted' }),
          toApplicant('submitted', { note: what }),
        ],
  );

  const d = await review.awaitDecision({
    getSystemParameters: opened ? async () => opened.parameters : db.getSystemParameters,
    remind: () => notices.notifyCustodians({ workflowId, bookingId, requestId, kind: 'reminder' }),
    event,
    deadline: startsAt,
    stop: () => cancel !== undefined,
  });
  if (cancel && !d) return cancelled('PENDING');
  if (!d) {
    await release('EXPIRED', ['PENDING']);
    await event('EXPIRED', '借用時段已開始仍未審核，申請已失效', { status: 'EXPIRED' });
    await toApplicant('expired', { hint: '如仍需借用，請重新提出申請。' });
    return state;
  }
  if (!d.approved) {
    await release('REJECTED', ['PENDING'], d.by.actorUserId, d.reason);
    await event('REJECTED', '駁回', { ...d.by, status: 'REJECTED' });
    await toApplicant('rejected', { reason: d.reason, note: what });
    return state;
  }
  await steps.setBookingStatus({
    bookingId,
    to: 'APPROVED',
    from: ['PENDING'],
    actorUserId: d.by.actorUserId,
    comment: d.reason,
  });
  // The decision is recorded (the row above); its timeline row and the notices follow side by side.
  await Promise.all([
    event('APPROVED', '通過', { ...d.by, status: 'APPROVED' }),
    toApplicant('approved', { note: d.reason ? `${what}；審核說明：${d.reason}` : what }),
    b.driverName ? notices.notifyDriver({ workflowId, bookingId, kind: 'dispatched' }) : undefined,
  ]);
  if (b.driverName) await event('DRIVER_NOTIFIED', `已通知派遣司機 ${b.driverName}（簡訊）及其管理人`);

  // 通過 stands until the slot starts; until then the applicant or a custodian may still cancel it.
  if (await condition(() => cancel !== undefined, untilStart())) return cancelled('APPROVED');
  return state;
}
