import type { BookingStatus, Prisma, PrismaClient, ResourceKind } from '@prisma/client';
import { mayBook } from '../../domain/bookings/eligibility';
import { HOLDING_STATUSES } from '../../domain/bookings/labels';
import { type Interval } from '../../domain/bookings/slots';

// Reads of 場地借用申請, 公務車借用登記 and 場地及公務車申請紀錄: what the actor's agency may book, what
// holds it, and the actor's own bookings.

const bookableInclude = {
  location: { select: { id: true, name: true } },
  agency: { select: { name: true } },
  allowedAgencies: { select: { agencyId: true } },
} satisfies Prisma.ResourceInclude;

export type BookableRow = Prisma.ResourceGetPayload<{ include: typeof bookableInclude }>;

const eligible = (agencyId: string) => (row: BookableRow) =>
  mayBook({ ...row, allowedAgencyIds: row.allowedAgencies.map((a) => a.agencyId) }, agencyId);

export const listLocations = (prisma: PrismaClient) =>
  prisma.location.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true } });

/**
 * The venues or cars (or drivers) the agency may book, optionally at one location. Public and not
 * deleted is asked of the database; 允許借用機關 is decided by `mayBook`, the rule the booking path uses.
 */
export async function bookableResources(
  prisma: PrismaClient,
  agencyId: string,
  filter: { kind: ResourceKind; locationId?: string; ids?: readonly string[] },
): Promise<BookableRow[]> {
  const rows = await prisma.resource.findMany({
    where: {
      kind: filter.kind,
      isPublic: true,
      deletedAt: null,
      ...(filter.locationId ? { locationId: filter.locationId } : {}),
      ...(filter.ids ? { id: { in: [...filter.ids] } } : {}),
    },
    include: bookableInclude,
    orderBy: [{ location: { sortOrder: 'asc' } }, { vehicleType: 'asc' }, { name: 'asc' }],
  });
  return rows.filter(eligible(agencyId));
}

/** One venue or car the agency may book (null otherwise: one it may not book does not exist for it). */
export async function bookableResource(prisma: PrismaClient, agencyId: string, id: string) {
  const row = await prisma.resource.findFirst({
    where: { id, kind: { in: ['VENUE', 'CAR'] }, isPublic: true, deletedAt: null },
    include: bookableInclude,
  });
  return row && eligible(agencyId)(row) ? row : null;
}

/**
 * What holds each resource (as booked) or each driver (as dispatched) during the window: its pending
 * and approved bookings, by resource id.
 */
export async function heldIntervals(
  prisma: PrismaClient,
  ids: readonly string[],
  window: Interval,
  as: 'resource' | 'driver' = 'resource',
): Promise<Map<string, Interval[]>> {
  const column = as === 'resource' ? 'resourceId' : 'driverId';
  const rows = await prisma.booking.findMany({
    where: {
      [column]: { in: [...ids] },
      status: { in: [...HOLDING_STATUSES] },
      startsAt: { lt: window.end },
      endsAt: { gt: window.start },
    },
    select: { resourceId: true, driverId: true, startsAt: true, endsAt: true },
  });
  const held = new Map<string, Interval[]>(ids.map((id) => [id, []]));
  for (const row of rows)
    held.get(as === 'resource' ? row.resourceId : row.driverId!)?.push({ start: row.startsAt, end: row.endsAt });
  return held;
}

/** The drivers bound to a car (選擇公務車司機). */
export const boundDriverIds = async (prisma: PrismaClient, carId: string) =>
  (await prisma.carDriver.findMany({ where: { carId }, select: { driverId: true } })).map((r) => r.driverId);

export interface OwnBookingFilter {
  kind: 'VENUE' | 'CAR';
  q?: string;
  /** Taipei dates, both days included. */
  from?: Interval['start'];
  to?: Interval['end'];
  status?: BookingStatus;
  page: number;
  pageSize: number;
}

const recordInclude = {
  resource: {
    select: { name: true, kind: true, vehicleType: true, floor: true, capacity: true, agency: { select: { name: true } } },
  },
  driver: { select: { name: true } },
  applicant: { select: { account: true, name: true } },
  unit: { select: { name: true } },
  agency: { select: { name: true } },
} satisfies Prisma.BookingInclude;

export type BookingRecordRow = Prisma.BookingGetPayload<{ include: typeof recordInclude }>;

/**
 * The keyword of 場地借用紀錄 looks in 場地, 登記者, 借用單位 and 主持人; that of 公務車申請紀錄 in 公務車車型
 * and 公務車所屬機關 (and the 車號, which the list shows).
 */
function keywordWhere(kind: 'VENUE' | 'CAR', q: string): Prisma.BookingWhereInput {
  const has = { contains: q, mode: 'insensitive' as const };
  return kind === 'VENUE'
    ? {
        OR: [
          { resource: { name: has } },
          { applicant: { name: has } },
          { applicant: { account: has } },
          { unit: { name: has } },
          { host: has },
        ],
      }
    : { OR: [{ resource: { vehicleType: has } }, { resource: { agency: { name: has } } }, { resource: { name: has } }] };
}

/** 場地及公務車申請紀錄: the actor's own bookings of a kind, latest start first. */
export async function ownBookingPage(prisma: PrismaClient, applicantUserId: string, filter: OwnBookingFilter) {
  const where: Prisma.BookingWhereInput = {
    applicantUserId,
    kind: filter.kind,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.from || filter.to
      ? { startsAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
    ...(filter.q ? keywordWhere(filter.kind, filter.q) : {}),
  };
  const [total, rows] = await prisma.$transaction([
    prisma.booking.count({ where }),
    prisma.booking.findMany({
      where,
      include: recordInclude,
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      skip: filter.page * filter.pageSize,
      take: filter.pageSize,
    }),
  ]);
  return { total, rows };
}

/** One of the actor's own bookings by its key (null for anyone else's, as if none). */
export const ownBooking = (prisma: PrismaClient, applicantUserId: string, key: string) =>
  prisma.booking.findFirst({ where: { key, applicantUserId }, include: recordInclude });

/**
 * The other requests for the same resource and time as a booking (a custodian decides knowingly): the
 * one holding the slot and those waiting for it, oldest first.
 */
export async function competingBookings(prisma: PrismaClient, workflowId: string) {
  const b = await prisma.booking.findUnique({
    where: { workflowId },
    select: { id: true, resourceId: true, startsAt: true, endsAt: true },
  });
  if (!b) return [];
  return prisma.booking.findMany({
    where: {
      id: { not: b.id },
      resourceId: b.resourceId,
      status: { in: ['PENDING', 'APPROVED', 'WAITLISTED'] },
      startsAt: { lt: b.endsAt },
      endsAt: { gt: b.startsAt },
    },
    orderBy: { createdAt: 'asc' },
    take: 20,
    select: {
      key: true,
      status: true,
      startsAt: true,
      endsAt: true,
      reason: true,
      applicant: { select: { name: true } },
      unit: { select: { name: true } },
    },
  });
}
