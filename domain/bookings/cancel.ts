import { BOOKING_STATUS_LABELS, type BookingStatusCode } from './labels';

/** While a booking may still be called off: 候補中, 未審核 or 通過. */
const OPEN: readonly BookingStatusCode[] = ['WAITLISTED', 'PENDING', 'APPROVED'];

/**
 * Why a booking cannot be cancelled now (zh-TW), or null: the applicant's 取消申請 while it is open, a
 * custodian's 取消借用 once it is 通過 (a pending one is 駁回'd instead), both before the slot starts.
 * One rule for the workflow's update, the API's check before it (a finished workflow cannot answer)
 * and the pages' offer of the button.
 */
export function cancelProblem(
  status: BookingStatusCode,
  startsAt: Date,
  by: 'APPLICANT' | 'CUSTODIAN',
  now: Date,
): string | null {
  if (!OPEN.includes(status)) return `此申請目前狀態為「${BOOKING_STATUS_LABELS[status] ?? status}」，無法取消`;
  if (!(startsAt.getTime() > now.getTime())) return '借用時段已開始，無法取消';
  if (by === 'CUSTODIAN' && status !== 'APPROVED') return '保管人僅能取消已通過的借用；未審核的申請請以駁回處理';
  return null;
}
