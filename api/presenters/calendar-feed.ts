import ical, { escape } from 'ical-generator';
import { calendarEventText, type CalendarBooking } from '../../domain/bookings/calendar-event';

export interface FeedBooking extends CalendarBooking {
  key: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
}

/** Calendar clients poll on their own schedule; this asks those that listen (Outlook, Apple) for hourly. */
const REFRESH_SECONDS = 60 * 60;

/**
 * One feed as iCalendar text: an event per approved booking. Times are written in UTC (…Z), which
 * every client converts to its own zone without needing a VTIMEZONE block; X-WR-TIMEZONE tells
 * Google 日曆 and Outlook to show a new subscription in Asia/Taipei.
 *
 * A cancelled or revoked booking is left out rather than sent as STATUS:CANCELLED: a subscribed
 * feed is replaced wholesale on every refresh, and Google 日曆, Outlook and Apple 行事曆 all drop an
 * event that is no longer in it, while several of them still show a STATUS:CANCELLED event as if it
 * were on (that status is meant for iTIP invitations, not for published feeds).
 */
export function calendarFeedText(opts: {
  name: string;
  /** The portal's host: UIDs are `<booking key>@<host>`, unique across every calendar a user merges. */
  host: string;
  bookings: readonly FeedBooking[];
  /** Where the event links to (the booking's 詳細 page), when the feed's owner can open it. */
  link?: (key: string) => string;
}): string {
  const calendar = ical({
    // The library writes NAME / X-WR-CALNAME as given: escaped here like any other text value.
    name: escape(opts.name, false),
    prodId: { company: 'Tainan City Government', product: 'staff-portal', language: 'ZH-TW' },
    ttl: REFRESH_SECONDS,
  });
  calendar.x('X-WR-TIMEZONE', 'Asia/Taipei');
  for (const booking of opts.bookings) {
    const text = calendarEventText(booking);
    calendar.createEvent({
      id: `${booking.key}@${opts.host}`,
      start: booking.startsAt,
      end: booking.endsAt,
      // DTSTAMP moves only when the booking does, so clients see an unchanged event as unchanged.
      stamp: booking.updatedAt,
      summary: text.summary,
      location: text.location || null,
      description: text.description,
      ...(opts.link ? { url: opts.link(booking.key) } : {}),
    });
  }
  return calendar.toString();
}
