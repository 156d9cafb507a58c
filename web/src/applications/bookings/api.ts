// 場地借用申請, 公務車借用登記 and 場地及公務車申請紀錄: the calls to /api/bookings (docs/api/bookings.md).
import type { BOOKING_STATUS_LABELS } from '../../../../domain/bookings/labels';
import type { RepeatEvery } from '../../../../domain/bookings/series';
import type { OpenHours, WeekGrid } from '../../../../domain/bookings/slots';
import { api } from '../../lib/api';

export type BookingKind = 'VENUE' | 'CAR';
export type BookingStatus = keyof typeof BOOKING_STATUS_LABELS;

export interface Location {
  id: string;
  name: string;
}

/** A venue or car in a pick list. */
export interface ResourceChoice {
  id: string;
  kind: BookingKind;
  name: string;
  location: Location;
  floor: string | null;
  /** 容納人數 (場地) or 乘客人數上限 (公務車). */
  capacity: number | null;
  vehicleType: string | null;
}

export interface ResourceInfo extends ResourceChoice {
  agencyName: string;
  description: string | null;
  rules: string | null;
  remarks: string | null;
  openHours: OpenHours;
  openHoursLabels: string[];
  phone?: string | null;
  phoneExt?: string | null;
  make?: string | null;
  year?: number | null;
  displacement?: number | null;
  carCode?: string | null;
}

export interface HeldInterval {
  startsAt: string;
  endsAt: string;
}

export interface WeekAnswer {
  resource: ResourceInfo;
  grid: WeekGrid;
  held: HeldInterval[];
  now: string;
}

export interface NewBooking {
  kind: BookingKind;
  resourceId: string;
  startsAt: string;
  endsAt: string;
  phone: string;
  phoneExt: string;
  headcount: number;
  reason: string;
  host?: string;
  destination?: string;
  driverId?: string;
  selfDrive?: boolean;
  waitlist?: boolean;
  /** 重複借用: 每週 / 每月, 次數 2–12. */
  repeat?: { every: RepeatEvery; count: number };
  /** 略過衝突日期並送出. */
  skipConflicts?: boolean;
}

/** A date of a 重複借用 as POST /api/bookings/series/preview answers: 可申請, or why not. */
export interface SeriesDate {
  index: number;
  date: string;
  startsAt: string;
  endsAt: string;
  when: string;
  state: 'AVAILABLE' | 'TAKEN' | 'CLOSED' | 'PAST';
  stateLabel: string;
  reason: string | null;
}

export interface SeriesPreview {
  dates: SeriesDate[];
  skippedMonths: { month: string; note: string }[];
}

export interface BookedDate {
  key: string;
  seriesIndex: number;
  date: string;
  when: string;
  statusLabel: string;
}

export interface SubmittedSeries {
  seriesKey: string;
  booked: BookedDate[];
  skipped: SeriesDate[];
  skippedMonths: SeriesPreview['skippedMonths'];
}

export interface BookingRecord {
  key: string;
  kind: BookingKind;
  resource: { name: string; vehicleType: string | null; agencyName: string; floor?: string | null; capacity?: number | null };
  date: string;
  period: string;
  startsAt: string;
  endsAt: string;
  applicant: { account: string; name: string };
  unitName: string;
  agencyName: string;
  host: string | null;
  destination: string | null;
  headcount: number;
  status: BookingStatus;
  statusLabel: string;
  submittedAt: string;
}

export interface BookingEvent {
  seq: number;
  kind: string;
  label: string;
  actorName: string | null;
  comment: string | null;
  at: string;
}

export interface BookingDetail extends BookingRecord {
  phone: string;
  phoneExt: string;
  reason: string;
  driverName: string | null;
  selfDrive: boolean;
  reviewComment: string | null;
  decidedAt: string | null;
  cancelReason: string | null;
  cancelledAt: string | null;
  events: BookingEvent[];
  allowedActions: 'cancel'[];
  temporalUrl: string;
}

export interface PagedRecords {
  total: number;
  items: BookingRecord[];
}

export interface RecordsFilter {
  q: string;
  from: string;
  to: string;
  status: BookingStatus | '';
}

const BASE = '/api/bookings';
const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '') as [string, string][],
  ).toString();

export const bookingsApi = {
  locations: (signal: AbortSignal) => api.get<{ items: Location[] }>(`${BASE}/locations`, { signal }),
  resources: (kind: BookingKind, locationId: string, signal: AbortSignal) =>
    api.get<{ items: ResourceChoice[] }>(`${BASE}/resources?${query({ kind, locationId })}`, { signal }),
  week: (id: string, weekOf: string | undefined, signal: AbortSignal) =>
    api.get<WeekAnswer>(`${BASE}/resources/${encodeURIComponent(id)}/week?${query({ weekOf })}`, { signal }),
  free: (search: { kind: BookingKind; date: string; start: string; end: string; locationId: string }, signal: AbortSignal) =>
    api.get<{ startsAt: string; endsAt: string; items: ResourceChoice[] }>(`${BASE}/free?${query(search)}`, { signal }),
  drivers: (carId: string, startsAt: string, endsAt: string, signal: AbortSignal) =>
    api.get<{ items: { id: string; name: string }[] }>(
      `${BASE}/resources/${encodeURIComponent(carId)}/drivers?${query({ startsAt, endsAt })}`,
      { signal },
    ),
  submit: (booking: NewBooking) => api.post<{ key: string; status: BookingStatus; statusLabel: string }>(BASE, booking),
  previewSeries: (booking: NewBooking) => api.post<SeriesPreview>(`${BASE}/series/preview`, booking),
  submitSeries: (booking: NewBooking) => api.post<SubmittedSeries>(BASE, booking),
  mine: (kind: BookingKind, filter: RecordsFilter, page: number, pageSize: number) =>
    `${BASE}/mine?${query({ kind, ...filter, page, pageSize })}`,
  record: (key: string, signal: AbortSignal) => api.get<BookingDetail>(`${BASE}/mine/${encodeURIComponent(key)}`, { signal }),
  cancel: (key: string) => api.post<unknown>(`${BASE}/${encodeURIComponent(key)}/cancel`),
};
