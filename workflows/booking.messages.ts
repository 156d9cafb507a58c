import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DecisionActor, DecisionInput } from '../domain/requests/decision';
import type { BookingStatusCode } from '../domain/bookings/labels';
export { BOOKING_STATUS_LABELS, type BookingStatusCode } from '../domain/bookings/labels';

/** 場地借用 (venueBooking) and 公務車借用 (carBooking): what the workflows take, accept and report. */
export const BOOKING_WORKFLOW_PREFIX = { VENUE: 'venue-booking-', CAR: 'car-booking-' } as const;
export type BookingKind = 'VENUE' | 'CAR';
export const bookingWorkflowId = (kind: BookingKind, key: string) => `${BOOKING_WORKFLOW_PREFIX[kind]}${key}`;

/**
 * A booking's workflow task runs its database steps as local activities (workflows/booking.ts): under a
 * burst of bookings on a busy database the default 10 s could time the task out and throw that work
 * away, to be done again. A dead worker's task is taken over after this long instead.
 */
export const BOOKING_WORKFLOW_TASK_TIMEOUT = '30 seconds';

export const BOOKING_REQUEST_TYPE_LABEL: Record<BookingKind, string> = { VENUE: '場地借用申請', CAR: '公務車借用申請' };

export interface BookingInput {
  /** The bookings row, written (holding its slot, or 候補中) before the workflow started. */
  bookingId: string;
  /**
   * What the handlers need before anything is loaded (an update may arrive with the first task): the
   * applicant (never their own approver), the row's first status and when the slot starts.
   */
  applicantUserId: string;
  status: Extract<BookingStatusCode, 'PENDING' | 'WAITLISTED'>;
  startsAt: string;
}

export interface BookingState {
  status: BookingStatusCode;
  decidedBy?: DecisionActor & { at: string };
}

export type BookingDecideInput = DecisionInput;

/**
 * 取消: the applicant's own (取消申請, before the start, while 候補中, 未審核 or 通過), or a custodian's of
 * an approved booking (取消借用, with a reason the applicant is told).
 */
export interface BookingCancelInput {
  by: 'APPLICANT' | 'CUSTODIAN';
  actor: DecisionActor;
  reason?: string;
}

export const decideBookingUpdate = defineUpdate<BookingState, [BookingDecideInput]>('decide');
export const cancelBookingUpdate = defineUpdate<BookingState, [BookingCancelInput]>('cancel');
/** From the workflow of a booking that released the slot: this waiting request now holds it. */
export const slotOfferedSignal = defineSignal('slotOffered');
export const getBookingStateQuery = defineQuery<BookingState>('getBookingState');
