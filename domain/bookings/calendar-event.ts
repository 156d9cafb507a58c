import type { ResourceKind } from '@prisma/client';

/**
 * 行事曆訂閱: what a calendar shows of an approved booking, in the manual's words. Pure; the API's
 * presenter (api/presenters/calendar-feed.ts) writes it as iCalendar, the page names feeds with it.
 */

/** A feed carries bookings from this many days back onwards (older ones fall off the subscriber's calendar). */
export const FEED_PAST_DAYS = 30;

/** How the page and the usage records name a person's feed of their own bookings. */
export const OWN_FEED_LABEL = '我的借用';

export interface LabelledResource {
  kind: ResourceKind;
  /** 場地名稱, 車號 or 司機姓名. */
  name: string;
  /** 車型 (公務車). */
  vehicleType: string | null;
}

/** 場地名稱; 車型 車號; 派遣司機 姓名 — how a feed and an event name the resource. */
export function resourceLabel(resource: LabelledResource): string {
  if (resource.kind === 'CAR') return [resource.vehicleType, resource.name].filter(Boolean).join(' ');
  if (resource.kind === 'DRIVER') return `派遣司機 ${resource.name}`;
  return resource.name;
}

export interface CalendarBooking {
  kind: ResourceKind;
  reason: string;
  host: string | null;
  destination: string | null;
  resource: LabelledResource & { floor: string | null; location: { name: string } };
  driver: { name: string } | null;
  agency: { id: string; name: string };
  unit: { id: string; name: string };
  applicant: { name: string };
}

/** SUMMARY, LOCATION and DESCRIPTION of one booking's event. */
export function calendarEventText(booking: CalendarBooking) {
  const { resource } = booking;
  const borrower = booking.unit.id === booking.agency.id ? booking.agency.name : `${booking.agency.name} ${booking.unit.name}`;
  const lines = [
    `申請事由：${booking.reason}`,
    `借用單位：${borrower}`,
    `登記者：${booking.applicant.name}`,
    ...(booking.kind === 'VENUE' && booking.host ? [`主持人：${booking.host}`] : []),
    ...(booking.kind === 'CAR' && booking.destination ? [`目的地：${booking.destination}`] : []),
    ...(booking.driver ? [`派遣司機：${booking.driver.name}`] : []),
  ];
  return {
    summary: `${resourceLabel(resource)}｜${booking.reason}`,
    location: [resource.location.name, resource.floor].filter(Boolean).join(' '),
    description: lines.join('\n'),
  };
}
