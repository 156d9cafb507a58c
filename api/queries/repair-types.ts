import type { Prisma, PrismaClient } from '@prisma/client';
import { REPAIR_AUDIENCE_LABELS } from '../../domain/repairs/labels';
import { fail } from '../errors';
import type { Actor } from '../policies';
import { managedBy, person, presentPerson } from './items';

// 報修類型管理's reads: the types an actor manages (表 2, like the items) and one type with its
// 允許報修機關, 維修人員, 分類 and 類型保管人. Authorisation is the route's (api/policies repairType.*).

const detailInclude = {
  agency: { select: { id: true, name: true } },
  custodian1: person,
  custodian2: person,
  allowedAgencies: { include: { agency: { select: { id: true, name: true } } } },
  vendors: { include: { user: person }, orderBy: { addedAt: 'asc' } },
  categories: { orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] },
} satisfies Prisma.RepairTypeInclude;
export type RepairTypeRow = Prisma.RepairTypeGetPayload<{ include: typeof detailInclude }>;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-TW');

/** 報修類型管理: one page of the types the actor manages, by 報修類型 (name keyword). */
export async function repairTypePage(prisma: PrismaClient, actor: Actor, query: { q?: string; page: number; pageSize: number }) {
  const q = query.q?.trim();
  const where: Prisma.RepairTypeWhereInput = {
    deletedAt: null,
    AND: [managedBy(actor), q ? { name: { contains: q, mode: 'insensitive' } } : {}],
  };
  const [total, rows] = await Promise.all([
    prisma.repairType.count({ where }),
    prisma.repairType.findMany({ where, include: listInclude, ...byNamePage(query) }),
  ]);
  return { total, items: rows.map(presentListRow) };
}

const listInclude = {
  agency: { select: { name: true } },
  custodian1: person,
  custodian2: person,
  vendors: { include: { user: { select: { name: true } } }, orderBy: { addedAt: 'asc' } },
} satisfies Prisma.RepairTypeInclude;

const byNamePage = (query: { page: number; pageSize: number }) => ({
  orderBy: [{ name: 'asc' as const }, { id: 'asc' as const }],
  skip: query.page * query.pageSize,
  take: query.pageSize,
});

/** A row of 報修類型管理's list. */
const presentListRow = (r: Prisma.RepairTypeGetPayload<{ include: typeof listInclude }>) => ({
  id: r.id,
  name: r.name,
  agency: r.agency.name,
  audienceLabel: REPAIR_AUDIENCE_LABELS[r.audience],
  vendors: r.vendors.map((v) => v.user.name),
  custodians: [r.custodian1, r.custodian2].flatMap((c) => (c ? [c.name] : [])),
});

/** One live 報修類型, or 404 (a deleted one too). */
export async function loadRepairType(prisma: PrismaClient, id: string): Promise<RepairTypeRow> {
  const row = await prisma.repairType.findUnique({ where: { id }, include: detailInclude });
  if (!row || row.deletedAt) throw fail('NOT_FOUND', '找不到此報修類型');
  return row;
}

/** 報修類型資訊 with 報修廠商資訊, 分類 and 保管人設定's holders. */
export function presentRepairType(row: RepairTypeRow) {
  return {
    id: row.id,
    name: row.name,
    agency: row.agency,
    audience: row.audience,
    audienceLabel: REPAIR_AUDIENCE_LABELS[row.audience],
    allowedAgencies: row.allowedAgencies.map((a) => a.agency).sort(byName),
    vendors: row.vendors.map((v) => presentPerson(v.user)!),
    categories: row.categories.map((c) => ({ id: c.id, name: c.name, retired: c.retiredAt !== null })),
    replyTargetHours: row.replyTargetHours,
    custodian1: presentPerson(row.custodian1),
    custodian2: presentPerson(row.custodian2),
  };
}
