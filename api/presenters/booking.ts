import { BOOKING_STATUS_LABELS } from '../../domain/bookings/labels';
import {
  WEEKDAY_LABELS,
  clock,
  describeInterval,
  parseOpenHours,
  taipeiParts,
  type Interval,
  type OpenHours,
} from '../../domain/bookings/slots';
import type { BookableRow, BookingRecordRow } from '../queries/bookings';

/** 開放借用時間 as the manual writes it, one line a day: 周一 8:00 - 18:00, 周六 不開放. */
export const openHoursLabels = (hours: OpenHours) =>
  WEEKDAY_LABELS.map((day, i) => {
    const h = hours[i];
    return h ? `${day} ${clock(h.open)} - ${clock(h.close)}` : `${day} 不開放`;
  });

/** A venue or car in a pick list: what 所在地 → 場地, or 所在地 → 車型 → 車號, choose by. */
export const presentResourceChoice = (row: BookableRow) => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  location: row.location,
  floor: row.floor,
  /** 容納人數 (場地) or 乘客人數上限 (公務車). */
  capacity: row.capacity,
  vehicleType: row.vehicleType,
});

/** The resource above its weekly grid and in 申請資訊 (nothing about a car's drivers). */
export function presentResource(row: BookableRow) {
  const openHours = parseOpenHours(row.openHours);
  const common = {
    ...presentResourceChoice(row),
    agencyName: row.agency.name,
    description: row.description,
    rules: row.rules,
    remarks: row.remarks,
    openHours,
    openHoursLabels: openHoursLabels(openHours),
  };
  return row.kind === 'CAR'
    ? { ...common, make: row.make, year: row.year, displacement: row.displacement, carCode: row.carCode }
    : { ...common, phone: row.phone, phoneExt: row.phoneExt };
}

export const presentInterval = (i: Interval) => ({ startsAt: i.start.toISOString(), endsAt: i.end.toISOString() });

/** A row of 場地借用紀錄 / 公務車申請紀錄. */
export function presentBookingRecord(row: BookingRecordRow) {
  return {
    key: row.key,
    kind: row.kind,
    resource: { name: row.resource.name, vehicleType: row.resource.vehicleType, agencyName: row.resource.agency.name },
    date: taipeiParts(row.startsAt).date,
    /** 2026/12/14 9:00 - 12:00 */
    period: describeInterval({ start: row.startsAt, end: row.endsAt }),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    applicant: row.applicant,
    unitName: row.unit.name,
    agencyName: row.agency.name,
    host: row.host,
    destination: row.destination,
    headcount: row.headcount,
    status: row.status,
    statusLabel: BOOKING_STATUS_LABELS[row.status],
    submittedAt: row.createdAt.toISOString(),
  };
}

/** 詳細: every field the applicant gave and what became of it. */
export function presentBookingDetail(row: BookingRecordRow) {
  return {
    ...presentBookingRecord(row),
    resource: {
      name: row.resource.name,
      vehicleType: row.resource.vehicleType,
      agencyName: row.resource.agency.name,
      floor: row.resource.floor,
      capacity: row.resource.capacity,
    },
    phone: row.phone,
    phoneExt: row.phoneExt,
    reason: row.reason,
    driverName: row.driver?.name ?? null,
    selfDrive: row.selfDrive,
    reviewComment: row.reviewComment,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    cancelReason: row.cancelReason,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}
