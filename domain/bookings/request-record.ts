import { BOOKING_STATUS_LABELS, type BookingStatusCode } from './labels';

/** A booking as its workflow loads it (activities/bookings loadBooking): what its request row takes. */
export interface BookingForRequest {
  status: BookingStatusCode;
  agencyId: string;
  resourceId: string;
  applicantUserId: string;
  applicantAccount: string;
  applicantName: string;
  key: string;
  resourceTitle: string;
  startsAt: string;
  endsAt: string;
  date: string;
  when: string;
  unitName: string;
  headcount: number | null;
  reason: string;
  host: string | null;
  destination: string | null;
  driverName: string | null;
  selfDrive: boolean;
  /** Absent from the results of loadBooking recorded before series existed. */
  seriesKey?: string | null;
  seriesIndex?: number | null;
  seriesCount?: number | null;
}

const REQUEST_TYPE = { VENUE: 'VENUE_BOOKING', CAR: 'CAR_BOOKING' } as const;

/**
 * A booking's request row (the read model the inbox lists, with the summary of its columns and filters)
 * as recordRequest (activities/db) takes it — from the workflow itself, or from its opening activity (openBooking).
 */
export function bookingRequestRecord(kind: 'VENUE' | 'CAR', b: BookingForRequest, at: { workflowId: string; createdAt: string }) {
  return {
    workflowId: at.workflowId,
    type: REQUEST_TYPE[kind],
    status: b.status,
    statusLabel: BOOKING_STATUS_LABELS[b.status],
    agencyId: b.agencyId,
    resourceId: b.resourceId,
    applicantUserId: b.applicantUserId,
    applicantAccount: b.applicantAccount,
    applicantName: b.applicantName,
    summary: bookingSummary(b),
    createdAt: at.createdAt,
  };
}

function bookingSummary(b: BookingForRequest) {
  return {
    key: b.key,
    resource: b.resourceTitle,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    date: b.date,
    when: b.when,
    unitName: b.unitName,
    headcount: b.headcount,
    reason: b.reason,
    host: b.host,
    destination: b.destination,
    driverName: b.driverName,
    selfDrive: b.selfDrive,
    // 重複借用: the inbox shows 「1/4」 and selects the series together. Absent in histories from
    // before series existed, so read as optional.
    ...(b.seriesKey ? { seriesKey: b.seriesKey, seriesIndex: b.seriesIndex, seriesCount: b.seriesCount } : {}),
  };
}
