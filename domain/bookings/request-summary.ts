/** A booking as its workflow loads it (activities/bookings loadBooking): what the request row's summary takes. */
export interface BookingForSummary {
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

/**
 * The summary of a booking's request row (the inbox's columns and filters), written by the workflow's
 * first step: the same object whether the workflow writes it (recordRequest) or the opening activity does.
 */
export function bookingRequestSummary(b: BookingForSummary) {
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
