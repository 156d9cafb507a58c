import type { BookingAudience, PrismaClient, ResourceKind } from '@prisma/client';
import crypto from 'node:crypto';

/** Open every day 8:00–18:00 (the manual's example), Monday first. */
export const ALL_WEEK = Array.from({ length: 7 }, () => ({ open: 8 * 60, close: 18 * 60 }));
/** Monday to Friday 8:00–18:00; the weekend 不開放. */
export const WEEKDAYS = [...ALL_WEEK.slice(0, 5), null, null];

/**
 * A venue, car or driver of its own, straight into the database, for suites that test booking rather
 * than 物品管理 (which creates them through its API). Public, bookable by the whole city, unless told.
 */
export async function createResource(
  prisma: PrismaClient,
  opts: {
    kind: ResourceKind;
    agencyId: string;
    custodian1Id: string;
    custodian2Id?: string;
    name?: string;
    capacity?: number;
    audience?: BookingAudience;
    allowedAgencyIds?: string[];
    isPublic?: boolean;
    openHours?: unknown[];
    locationId?: string;
    driverIds?: string[];
    phone?: string;
  },
) {
  const tag = crypto.randomBytes(3).toString('hex');
  const defaults = {
    VENUE: { name: `測試會議室-${tag}`, floor: '10樓', capacity: 30 },
    CAR: {
      name: `RRR-${tag}`,
      vehicleType: '小客車',
      capacity: 4,
      make: 'ABC',
      year: 2022,
      displacement: 2000,
      carCode: `C${tag}`,
    },
    DRIVER: { name: `測試司機${tag}`, licence: '大客車', phone: '0912345678' },
  }[opts.kind];
  return prisma.resource.create({
    data: {
      kind: opts.kind,
      locationId: opts.locationId ?? 'loc-minzhi',
      agencyId: opts.agencyId,
      ...defaults,
      ...(opts.name ? { name: opts.name } : {}),
      ...(opts.capacity !== undefined ? { capacity: opts.capacity } : {}),
      ...(opts.phone ? { phone: opts.phone } : {}),
      openHours: (opts.openHours ?? ALL_WEEK) as object,
      isPublic: opts.isPublic ?? true,
      audience: opts.audience ?? 'CITY',
      custodian1Id: opts.custodian1Id,
      custodian2Id: opts.custodian2Id ?? null,
      allowedAgencies: { create: (opts.allowedAgencyIds ?? []).map((agencyId) => ({ agencyId })) },
      drivers: { create: (opts.driverIds ?? []).map((driverId) => ({ driverId })) },
    },
  });
}
