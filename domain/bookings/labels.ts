import type { BookingAudience, BookingStatus, ResourceKind } from '@prisma/client';

/** The database's BookingStatus, spelled out for the workflows (which never import Prisma). */
export type BookingStatusCode = 'WAITLISTED' | 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED' | 'EXPIRED';
// Each spelling must be assignable to the other: a status added to the schema fails here first.
const sameStatuses: [BookingStatus, BookingStatusCode] = ['PENDING' as BookingStatusCode, 'PENDING' as BookingStatus];
void sameStatuses;

/** 審核狀態 as the manual's filters and records word them. */
export const BOOKING_STATUS_LABELS: Record<BookingStatusCode, string> = {
  WAITLISTED: '候補中',
  PENDING: '未審核',
  APPROVED: '通過',
  REJECTED: '駁回',
  CANCELLED: '已取消',
  EXPIRED: '逾期未審核',
};

/** Statuses that hold the slot (the exclusion constraints' WHERE). */
export const HOLDING_STATUSES: readonly BookingStatus[] = ['PENDING', 'APPROVED'];

export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = { VENUE: '場地', CAR: '公務車', DRIVER: '派遣司機' };

/** 允許借用機關 (a driver's 允許派遣機關 words 借用 as 派遣). */
export const AUDIENCE_LABELS: Record<BookingAudience, string> = {
  CITY: '全府',
  OWN_AGENCY: '僅限機關同仁借用(不含所屬機關)',
  OWN_AND_LISTED: '開放機關同仁及其他機關人員借用',
};

export const audienceLabel = (audience: BookingAudience, kind: ResourceKind) =>
  kind === 'DRIVER' ? AUDIENCE_LABELS[audience].replace('借用', '派遣') : AUDIENCE_LABELS[audience];
