import type { PrismaClient } from '@prisma/client';

export interface ChainLink {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}

/** An organisation and its ancestors, root first ("秘書處", "總務科"). Depth is bounded against a bad parent loop. */
export async function organizationChain(prisma: PrismaClient, organizationId: string): Promise<ChainLink[]> {
  const chain: ChainLink[] = [];
  let id: string | null = organizationId;
  while (id && chain.length < 10) {
    const org: ChainLink | null = await prisma.organization.findUnique({
      where: { id },
      select: { id: true, code: true, name: true, kind: true, parentId: true },
    });
    if (!org) break;
    chain.unshift(org);
    id = org.parentId;
  }
  return chain;
}

/**
 * The 「機關-單位」 path label of each organisation in one query (a recursive walk up the tree), for lists
 * that show one per row: one round trip per page instead of one per level of every row.
 */
export async function organizationPaths(prisma: PrismaClient, organizationIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(organizationIds)];
  if (ids.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ start_id: string; path: string }[]>`
    WITH RECURSIVE chain AS (
      SELECT o.id AS start_id, o.name, o.parent_id, 0 AS depth FROM organizations o WHERE o.id = ANY(${ids}::text[])
      UNION ALL
      SELECT c.start_id, p.name, p.parent_id, c.depth + 1
        FROM chain c JOIN organizations p ON p.id = c.parent_id
       WHERE c.depth < 9
    )
    SELECT start_id, string_agg(name, '-' ORDER BY depth DESC) AS path FROM chain GROUP BY start_id`;
  return new Map(rows.map((r) => [r.start_id, r.path]));
}
