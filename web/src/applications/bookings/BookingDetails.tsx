import Chip from '@mui/material/Chip';
import { FieldList } from '../../common/FieldList';
import { formatDateTime } from '../../lib/datetime';
import type { BookingDetail, BookingStatus } from './api';
import { KIND_WORDS } from './words';

export const STATUS_COLORS: Record<BookingStatus, 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  WAITLISTED: 'warning',
  PENDING: 'info',
  APPROVED: 'success',
  REJECTED: 'error',
  CANCELLED: 'default',
  EXPIRED: 'default',
};

export function StatusChip({ status, label }: { status: BookingStatus; label: string }) {
  return <Chip size="small" color={STATUS_COLORS[status]} label={label} />;
}

/** Every field of a booking as the applicant gave it and what became of it (詳細 and the record page). */
export function BookingDetails({ booking }: { booking: BookingDetail }) {
  const words = KIND_WORDS[booking.kind];
  const rows: [string, string | number | null][] = [
    ['申請編號', booking.key],
    ...(booking.kind === 'VENUE'
      ? ([['使用場地', booking.resource.name]] as [string, string][])
      : ([
          ['使用車型', booking.resource.vehicleType],
          ['車號', booking.resource.name],
          ['公務車所屬機關', booking.resource.agencyName],
        ] as [string, string | null][])),
    ['借用日期', booking.date],
    ['登記時段', booking.period.slice(11)],
    ...(booking.kind === 'CAR'
      ? ([['派遣司機', booking.selfDrive || !booking.driverName ? '否，我要自駕' : `是（${booking.driverName}）`]] as [
          string,
          string,
        ][])
      : []),
    ['登記者', `${booking.applicant.name}（${booking.applicant.account}）`],
    ['登記者公務電話', booking.phone],
    ['登記者分機', booking.phoneExt],
    ['借用單位', booking.unitName],
    [words.headcount, booking.headcount],
    ...(booking.kind === 'VENUE' ? ([['主持人', booking.host]] as [string, string | null][]) : []),
    ['申請事由', booking.reason],
    ...(booking.kind === 'CAR' ? ([['目的地', booking.destination]] as [string, string | null][]) : []),
    ['申請時間', formatDateTime(booking.submittedAt)],
    ['審核說明', booking.reviewComment],
    ['取消原因', booking.cancelReason],
  ];
  return (
    <FieldList rows={[['審核狀態', <StatusChip key="status" status={booking.status} label={booking.statusLabel} />], ...rows]} />
  );
}
