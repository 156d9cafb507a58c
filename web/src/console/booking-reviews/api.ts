// 場地借用審核 / 公務車借用審核 (api/routes/console/booking-reviews): the request inbox and 取消借用.
import { api } from '../../lib/api';
import { inboxApi, inboxDetailUrl } from '../request-inbox/api';

export type BookingReviewKind = 'VENUE' | 'CAR';

export const BOOKING_REVIEW_API: Record<BookingReviewKind, string> = {
  VENUE: '/api/console/venue-bookings',
  CAR: '/api/console/car-bookings',
};

export interface BookingReviewItem {
  id: string;
  account: string;
  name: string;
  key: string;
  resource: string;
  when: string;
  startsAt: string;
  unitName: string;
  headcount: number | null;
  reason: string;
  host: string;
  destination: string;
  driverName: string;
  selfDrive: boolean;
  /** 重複借用: 「1/4」 and the key its dates share; null for a booking of one date. */
  series: string | null;
  seriesKey: string | null;
  submittedAt: string;
  status: string;
  statusLabel: string;
}

export const bookingInboxApi = (kind: BookingReviewKind) => inboxApi<BookingReviewItem>(BOOKING_REVIEW_API[kind]);

/** 取消借用 of an approved booking, with the reason the applicant is told. */
export const revokeBooking = (kind: BookingReviewKind, id: string, reason: string) =>
  api.post(`${inboxDetailUrl(BOOKING_REVIEW_API[kind], id)}/revoke`, { reason });
