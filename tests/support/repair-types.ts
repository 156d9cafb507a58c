import type { BookingAudience, PrismaClient } from '@prisma/client';
import crypto from 'node:crypto';

/**
 * A 報修類型 of its own, straight into the database, for suites that test reporting and handling
 * rather than 報修類型管理 (which creates types through its API): open to the whole city unless told,
 * with its 維修人員, 分類 (in order) and 類型保管人, and their arrival in the 保管人異動 log.
 */
export async function createRepairType(
  prisma: PrismaClient,
  opts: {
    agencyId: string;
    custodian1Id: string;
    custodian2Id?: string;
    vendorIds?: string[];
    categories?: string[];
    name?: string;
    audience?: BookingAudience;
    allowedAgencyIds?: string[];
    replyTargetHours?: number | null;
  },
) {
  const name = opts.name ?? `測試報修類型-${crypto.randomBytes(3).toString('hex')}`;
  const holders = [opts.custodian1Id, opts.custodian2Id ?? null];
  const people = await prisma.user.findMany({ where: { id: { in: holders.filter((h) => h !== null) } } });
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? null;
  return prisma.repairType.create({
    data: {
      name,
      agencyId: opts.agencyId,
      audience: opts.audience ?? 'CITY',
      replyTargetHours: opts.replyTargetHours ?? null,
      custodian1Id: opts.custodian1Id,
      custodian2Id: opts.custodian2Id ?? null,
      allowedAgencies: { create: (opts.allowedAgencyIds ?? []).map((agencyId) => ({ agencyId })) },
      vendors: { create: (opts.vendorIds ?? []).map((userId) => ({ userId })) },
      categories: { create: (opts.categories ?? ['一般操作問題']).map((n, i) => ({ name: n, sortOrder: i })) },
      custodianChanges: {
        create: holders.flatMap((userId, i) =>
          userId
            ? [{ slot: i + 1, toUserId: userId, toName: nameOf(userId), reason: '測試資料', changedById: opts.custodian1Id }]
            : [],
        ),
      },
    },
    include: { categories: { orderBy: { sortOrder: 'asc' } }, vendors: true },
  });
}
