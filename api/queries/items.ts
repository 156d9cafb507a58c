import type { Prisma, PrismaClient, ResourceKind } from '@prisma/client';
import { audienceLabel, BOOKING_STATUS_LABELS } from '../../domain/bookings/labels';
import { ITEM_NOUNS } from '../../domain/bookings/resource-schema';
import { describeInterval, parseOpenHours, taipeiInstant, addDays } from '../../domain/bookings/slots';
import { fail } from '../errors';
import type { Actor } from '../policies';

// 物品管理's reads: the items an actor manages, one item with its custodians, the 保管人異動 log and
// the 借用紀錄 / 派遣紀錄. Authorisation is the route's (api/policies item.*); the scope here is the
// list's: what 表 2 lets the actor see.

export const person = { select: { id: true, account: true, name: true, organization: { select: { name: true } } } } as const;
const detailInclude = {
  location: true,
  agency: { select: { id: true, name: true } },
  custodian1: person,
  custodian2: person,
  allowedAgencies: { include: { agency: { select: { id: true, name: true } } } },
  drivers: { where: { driver: { deletedAt: null } }, include: { driver: true } },
  photos: { select: { id: true, fileName: true, contentType: true, size: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ResourceInclude;
export type ItemRow = Prisma.ResourceGetPayload<{ include: typeof detailInclude }>;

/**
 * Who manages which items and 報修類型 (表 2): system admins all, agency admins their agencies',
 * custodians theirs (a filter both tables take).
 */
export function managedBy(actor: Actor): {
  OR?: [{ agencyId: { in: string[] } }, { custodian1Id: string }, { custodian2Id: string }];
} {
  if (actor.roles.includes('SYSTEM_ADMIN')) return {};
  return {
    OR: [{ agencyId: { in: actor.adminOfAgencyIds } }, { custodian1Id: actor.id }, { custodian2Id: actor.id }],
  };
}

export interface ItemListQuery {
  q?: string;
  page: number;
  pageSize: number;
}

/** The words a list's 關鍵字 matches: the name (場地名稱, 車號, 司機姓名), the kind's own and the agency. */
const KEYWORD_FIELDS: Record<ResourceKind, ('name' | 'vehicleType' | 'licence' | 'carCode')[]> = {
  VENUE: ['name'],
  CAR: ['vehicleType', 'name', 'carCode'],
  DRIVER: ['name', 'licence'],
};

/** 場地清單管理 / 公務車清單管理 / 派遣司機清單管理: one page of the items the actor manages. */
export async function itemPage(prisma: PrismaClient, actor: Actor, kind: ResourceKind, query: ItemListQuery) {
  const q = query.q?.trim();
  const where: Prisma.ResourceWhereInput = {
    kind,
    deletedAt: null,
    AND: [
      managedBy(actor),
      q
        ? {
            OR: [
              ...KEYWORD_FIELDS[kind].map((field) => ({ [field]: { contains: q, mode: 'insensitive' as const } })),
              { agency: { name: { contains: q } } },
            ],
          }
        : {},
    ],
  };
  const [total, rows] = await Promise.all([
    prisma.resource.count({ where }),
    prisma.resource.findMany({
      where,
      include: { location: true, agency: { select: { name: true } }, custodian1: person, custodian2: person },
      orderBy: [{ location: { sortOrder: 'asc' } }, { name: 'asc' }, { id: 'asc' }],
      skip: query.page * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      location: r.location.name,
      agency: r.agency.name,
      floor: r.floor,
      capacity: r.capacity,
      vehicleType: r.vehicleType,
      carCode: r.carCode,
      licence: r.licence,
      phone: r.phone,
      isPublic: r.isPublic,
      custodians: [r.custodian1, r.custodian2].flatMap((c) => (c ? [c.name] : [])),
    })),
  };
}

/** One live item of the kind, or 404 in the kind's words (a deleted one, or one of another kind, too). */
export async function loadItem(prisma: PrismaClient, kind: ResourceKind, id: string): Promise<ItemRow> {
  const row = await prisma.resource.findUnique({ where: { id }, include: detailInclude });
  if (!row || row.kind !== kind || row.deletedAt) throw fail('NOT_FOUND', `找不到此${ITEM_NOUNS[kind]}`);
  return row;
}

/** What `authorize` weighs for an item: its 管理機關 and its two custodians. */
export const custodied = (row: { agencyId: string; custodian1Id: string; custodian2Id: string | null }) => ({
  agencyId: row.agencyId,
  custodianIds: [row.custodian1Id, row.custodian2Id],
});

export const presentPerson = (p: { id: string; account: string; name: string; organization: { name: string } } | null) =>
  p && { id: p.id, account: p.account, name: p.name, unit: p.organization.name };

/** 場地資訊 / 公務車資訊 / 司機資訊 with 保管人設定's holders. */
export function presentItem(row: ItemRow) {
  return {
    id: row.id,
    kind: row.kind,
    location: { id: row.location.id, name: row.location.name },
    agency: row.agency,
    name: row.name,
    floor: row.floor,
    capacity: row.capacity,
    vehicleType: row.vehicleType,
    make: row.make,
    year: row.year,
    displacement: row.displacement,
    carCode: row.carCode,
    licence: row.licence,
    phone: row.phone,
    phoneExt: row.phoneExt,
    description: row.description,
    rules: row.rules,
    remarks: row.remarks,
    openHours: parseOpenHours(row.openHours),
    isPublic: row.isPublic,
    audience: row.audience,
    audienceLabel: audienceLabel(row.audience, row.kind),
    allowedAgencies: row.allowedAgencies.map((a) => a.agency).sort((a, b) => a.name.localeCompare(b.name, 'zh-TW')),
    custodian1: presentPerson(row.custodian1),
    custodian2: presentPerson(row.custodian2),
    drivers: row.drivers
      .map(({ driver }) => ({ id: driver.id, name: driver.name, licence: driver.licence, phone: driver.phone }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-TW')),
    photos: row.photos.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
  };
}

/** 所在地, every agency (允許借用機關's + list) and the 管理機關 the actor may create items for. */
export async function itemOptions(prisma: PrismaClient, actor: Actor) {
  const [locations, agencies] = await Promise.all([
    prisma.location.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
    prisma.organization.findMany({
      where: { kind: { not: 'SECTION' }, retiredAt: null },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
      select: { id: true, name: true },
    }),
  ]);
  const all = actor.roles.includes('SYSTEM_ADMIN');
  return { locations, agencies, managedAgencyIds: all ? agencies.map((a) => a.id) : actor.adminOfAgencyIds };
}

/** 設置保管人's search: active accounts whose account or name starts with the keyword. */
export async function custodianCandidates(prisma: PrismaClient, q: string) {
  const keyword = q.trim();
  if (!keyword) return [];
  const rows = await prisma.user.findMany({
    where: {
      status: 'ACTIVE',
      OR: [{ account: { startsWith: keyword.toLowerCase() } }, { name: { startsWith: keyword } }],
    },
    select: person.select,
    orderBy: { account: 'asc' },
    take: 20,
  });
  return rows.map((r) => presentPerson(r)!);
}

/** 選擇公務車司機's checklist: the live drivers of the car's 管理機關. */
export async function driverChoices(prisma: PrismaClient, agencyId: string) {
  const rows = await prisma.resource.findMany({
    where: { kind: 'DRIVER', agencyId, deletedAt: null },
    select: { id: true, name: true, licence: true, phone: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 500,
  });
  return rows;
}

/** Whether the actor may pick among an agency's drivers: its admins, and whoever holds one of its cars. */
export async function holdsCarOf(prisma: PrismaClient, actor: Actor, agencyId: string) {
  const held = await prisma.resource.count({
    where: { kind: 'CAR', agencyId, deletedAt: null, OR: [{ custodian1Id: actor.id }, { custodian2Id: actor.id }] },
  });
  return held > 0;
}

export interface DateRange {
  /** Taipei dates, inclusive. */
  from?: string;
  to?: string;
}
const rangeWhere = (range: DateRange) => ({
  ...(range.from ? { gte: taipeiInstant(range.from) } : {}),
  ...(range.to ? { lt: taipeiInstant(addDays(range.to, 1)) } : {}),
});

export const CUSTODIAN_CHANGES_MAX = 5000;

/** Whose 保管人異動 log: a venue's, car's or driver's, or a 報修類型's. */
export type CustodyOf = { resourceId: string } | { repairTypeId: string };

/** The 保管人異動 log, newest first, by 執行時間. */
export async function custodianChanges(prisma: PrismaClient, of: CustodyOf, range: DateRange) {
  const rows = await prisma.custodianChange.findMany({
    where: { ...of, changedAt: rangeWhere(range) },
    include: { changedBy: { select: { account: true, name: true } } },
    orderBy: [{ changedAt: 'desc' }, { id: 'desc' }],
    take: CUSTODIAN_CHANGES_MAX,
  });
  return rows;
}
export type CustodianChangeRow = Awaited<ReturnType<typeof custodianChanges>>[number];

/** 借用紀錄 (a venue's or car's approved bookings) or 派遣紀錄 (a driver's), by the day they start. */
export async function itemBookings(
  prisma: PrismaClient,
  kind: ResourceKind,
  resourceId: string,
  query: { date?: string; page: number; pageSize: number },
) {
  const where: Prisma.BookingWhereInput = {
    ...(kind === 'DRIVER' ? { driverId: resourceId } : { resourceId }),
    status: 'APPROVED',
    ...(query.date ? { startsAt: rangeWhere({ from: query.date, to: query.date }) } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.booking.count({ where }),
    prisma.booking.findMany({
      where,
      include: {
        applicant: { select: { account: true, name: true } },
        unit: { select: { name: true } },
        agency: { select: { name: true } },
        resource: { select: { name: true } },
        driver: { select: { name: true } },
      },
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      skip: query.page * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return {
    total,
    items: rows.map((b) => ({
      key: b.key,
      kind: b.kind,
      resource: b.resource.name,
      driver: b.driver?.name ?? null,
      selfDrive: b.selfDrive,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      timeLabel: describeInterval({ start: b.startsAt, end: b.endsAt }),
      status: b.status,
      statusLabel: BOOKING_STATUS_LABELS[b.status],
      applicant: b.applicant,
      unit: b.unit.name,
      agency: b.agency.name,
      phone: b.phone,
      phoneExt: b.phoneExt,
      headcount: b.headcount,
      host: b.host,
      reason: b.reason,
      destination: b.destination,
      reviewComment: b.reviewComment,
      decidedAt: b.decidedAt?.toISOString() ?? null,
      createdAt: b.createdAt.toISOString(),
    })),
  };
}

/** One 場地相關圖檔 of the venue, or 404. */
export async function venuePhoto(prisma: PrismaClient, resourceId: string, photoId: string) {
  const photo = await prisma.resourcePhoto.findFirst({ where: { id: photoId, resourceId } });
  if (!photo) throw fail('NOT_FOUND', '找不到此圖檔');
  return photo;
}
