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
