import type { Prisma, PrismaClient, RepairStatus } from '@prisma/client';
import { admits } from '../../domain/bookings/eligibility';
import { REPAIR_REPLY_KIND_LABELS, REPAIR_STATUS_LABELS } from '../../domain/repairs/labels';

// Reads of 線上報修: the types a user may report to, their tickets, a ticket with its 處理狀況回覆 and
// photos, and a 維修人員's 報修處理狀況回報 list.

const live = { deletedAt: null } satisfies Prisma.RepairTypeWhereInput;

/** 允許報修機關 as the database asks it: the rule of `admits`, for a list. */
const reportableBy = (agencyId: string): Prisma.RepairTypeWhereInput => ({
  ...live,
  OR: [
    { audience: 'CITY' },
    { audience: { in: ['OWN_AGENCY', 'OWN_AND_LISTED'] }, agencyId },
    { audience: 'OWN_AND_LISTED', allowedAgencies: { some: { agencyId } } },
  ],
});

/** 線上報修: the types the user's agency may report to, by name. */
export const reportableTypes = (prisma: PrismaClient, agencyId: string) =>
  prisma.repairType.findMany({
    where: reportableBy(agencyId),
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, agency: { select: { name: true } } },
  });

/** A type the user's agency may report to (null otherwise — as if it did not exist). */
export async function reportableType(prisma: PrismaClient, id: string, agencyId: string) {
  const row = await prisma.repairType.findFirst({
    where: { id, ...live },
    include: { agency: { select: { name: true } }, allowedAgencies: { select: { agencyId: true } } },
  });
  if (!row || !admits({ ...row, allowedAgencyIds: row.allowedAgencies.map((a) => a.agencyId) }, agencyId)) return null;
  return row;
}

/** 所在地 with their 所在樓層, in the order the forms offer them. */
export const repairLocations = (prisma: PrismaClient) =>
  prisma.location.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true, floors: true } });

const listed = {
  repairType: { select: { id: true, name: true } },
  location: { select: { name: true } },
  unit: { select: { name: true } },
} satisfies Prisma.RepairTicketInclude;

type ListedRow = Prisma.RepairTicketGetPayload<{ include: typeof listed }>;

export const presentTicketRow = (t: ListedRow) => ({
  key: t.key,
  repairType: t.repairType,
  unitName: t.unit.name,
  reporterName: t.reporterName,
  location: t.location.name,
  floor: t.floor,
  fault: t.fault,
  status: t.status,
  statusLabel: REPAIR_STATUS_LABELS[t.status],
  returnCount: t.returnCount,
  rating: t.rating,
  createdAt: t.createdAt.toISOString(),
});

export interface TicketPage {
  page: number;
  pageSize: number;
  status?: RepairStatus;
}

async function ticketPage(prisma: PrismaClient, where: Prisma.RepairTicketWhereInput, q: TicketPage) {
  const [total, rows] = await prisma.$transaction([
    prisma.repairTicket.count({ where }),
    prisma.repairTicket.findMany({
      where,
      include: listed,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: q.page * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  return { total, items: rows.map(presentTicketRow) };
}

/** 報修類型詳細頁 (one type) and 我的維修 (every type): the user's own tickets, newest first. */
export const ownTickets = (prisma: PrismaClient, userId: string, q: TicketPage & { repairTypeId?: string }) =>
  ticketPage(
    prisma,
    {
      reporterUserId: userId,
      ...(q.repairTypeId ? { repairTypeId: q.repairTypeId } : {}),
      ...(q.status ? { status: q.status } : {}),
    },
    q,
  );

/** 報修處理狀況回報: the tickets of the (live) types the vendor serves, newest first. */
export const vendorTickets = (prisma: PrismaClient, userId: string, q: TicketPage) =>
  ticketPage(prisma, { repairType: { ...live, vendors: { some: { userId } } }, ...(q.status ? { status: q.status } : {}) }, q);

const withDetail = {
  repairType: {
    select: {
      id: true,
      name: true,
      agencyId: true,
      custodian1Id: true,
      custodian2Id: true,
      vendors: { select: { userId: true } },
      categories: {
        where: { retiredAt: null },
        orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        select: { id: true, name: true },
      },
    },
  },
  location: { select: { id: true, name: true } },
  unit: { select: { name: true } },
  replies: { orderBy: { seq: 'asc' } },
  attachments: { orderBy: { createdAt: 'asc' }, select: { id: true, fileName: true, contentType: true, size: true } },
} satisfies Prisma.RepairTicketInclude;

export type TicketDetailRow = Prisma.RepairTicketGetPayload<{ include: typeof withDetail }>;

/** A ticket with what the policies read and its page shows (null when there is none). */
export const ticketByKey = (prisma: PrismaClient, key: string) =>
  prisma.repairTicket.findUnique({ where: { key }, include: withDetail });

/** The ticket as the policies see it: its type's agency, custodians and vendors, and its reporter. */
export const ticketScope = (t: TicketDetailRow) => ({
  agencyId: t.repairType.agencyId,
  custodianIds: [t.repairType.custodian1Id, t.repairType.custodian2Id],
  vendorIds: t.repairType.vendors.map((v) => v.userId),
  applicantUserId: t.reporterUserId,
});

export const presentReply = (r: TicketDetailRow['replies'][number]) => ({
  seq: r.seq,
  kind: r.kind,
  kindLabel: REPAIR_REPLY_KIND_LABELS[r.kind],
  authorName: r.authorName,
  handlerName: r.handlerName,
  handledAt: r.handledAt?.toISOString() ?? null,
  result: r.result,
  categoryName: r.categoryName,
  reason: r.reason,
  rating: r.rating,
  note: r.note,
  at: r.createdAt.toISOString(),
});

/** The ticket's page: its row in the lists, and what only the page shows. */
export const presentTicket = (t: TicketDetailRow) => ({
  ...presentTicketRow(t),
  repairType: { id: t.repairType.id, name: t.repairType.name },
  officePhone: t.officePhone,
  ratingNote: t.ratingNote,
  autoClosed: t.autoClosed,
  closedAt: t.closedAt?.toISOString() ?? null,
  photos: t.attachments,
  replies: t.replies.map(presentReply),
});

/** One photo of a ticket (null when it is not that ticket's). */
export const ticketPhoto = (prisma: PrismaClient, ticketId: string, photoId: string) =>
  prisma.repairAttachment.findFirst({ where: { id: photoId, ticketId }, select: { contentType: true, bytes: true } });
