import type { PrismaClient } from '@prisma/client';
import { OPEN_ORGANIZATION_CHANGE_STATUSES } from '../../workflows/organization-change.messages';

/** An organisation's code ('' when there is none). */
export const organizationCode = async (prisma: PrismaClient, id: string) =>
  (await prisma.organization.findUnique({ where: { id }, select: { code: true } }))?.code ?? '';

/**
 * 組織管理: every unit in its order, how many accounts (not disabled) each holds, and the organisation
 * changes still being applied (their unit in the summary).
 */
export async function organizationTree(prisma: PrismaClient) {
  const [units, accounts, open] = await Promise.all([
    prisma.organization.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    prisma.user.groupBy({ by: ['organizationId'], where: { status: { not: 'DISABLED' } }, _count: { _all: true } }),
    prisma.request.findMany({
      where: { type: 'ORGANIZATION_CHANGE', status: { in: OPEN_ORGANIZATION_CHANGE_STATUSES } },
      select: { workflowId: true, statusLabel: true, summary: true },
    }),
  ]);
  return { units, accounts, open };
}

/** An organisation by id (it must exist). */
export const organizationById = (prisma: PrismaClient, id: string) => prisma.organization.findUniqueOrThrow({ where: { id } });

const AGENCY_KINDS: Record<string, string[]> = {
  CITY_HALL_UNIT: ['CITY_HALL_UNIT'],
  EXTERNAL_AGENCY: ['EXTERNAL_AGENCY'],
  DISTRICT_OFFICE: ['DISTRICT_OFFICE'],
};

/**
 * The public unit picker's organisations (個人帳號申請, 復用): live units whose agency is of the kind
 * (府內單位, 外機關, 區公所 — or ALL), parents before children so the picker builds its levels in one pass.
 */
export async function organizationPicker(prisma: PrismaClient, kind: string) {
  const orgs = await prisma.organization.findMany({
    where: { retiredAt: null },
    select: { id: true, code: true, name: true, kind: true, parentId: true },
    orderBy: [{ sortOrder: 'asc' }],
  });
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const root = (o: (typeof orgs)[number]) => {
    let node = o;
    while (node.parentId) node = byId.get(node.parentId) ?? node;
    return node;
  };
  const wanted = kind === 'ALL' ? orgs : orgs.filter((o) => AGENCY_KINDS[kind]!.includes(root(o).kind));
  const withChildren = new Set(orgs.map((o) => o.parentId));
  // Parents before children, so the picker can build its levels in one pass.
  const depth = (o: (typeof orgs)[number]) => {
    let d = 0;
    for (let n = o; n.parentId; n = byId.get(n.parentId)!) d++;
    return d;
  };
  const items = wanted
    .map((o) => ({
      code: o.code,
      name: o.name,
      kind: o.kind,
      parentCode: o.parentId ? byId.get(o.parentId)!.code : null,
      hasChildren: withChildren.has(o.id),
      depth: depth(o),
    }))
    .sort((a, b) => a.depth - b.depth);
  return items.map(({ depth: _d, ...rest }) => rest);
}
