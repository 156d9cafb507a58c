import crypto from 'node:crypto';
import type { BookingAudience, PrismaClient } from '@prisma/client';
import { repairTicketWorkflowId, type RepairTicketInput } from '../../workflows/repair-ticket.messages';

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
      categories: { create: (opts.categories ?? ['一般操作問題', '硬體故障']).map((n, i) => ({ name: n, sortOrder: i })) },
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

let serial = 0;

/** A ticket row (待處理) as 新增報修 writes it, with a key of its own, and the workflow input for it. */
export async function createRepairTicketRow(
  prisma: PrismaClient,
  type: Awaited<ReturnType<typeof createRepairType>>,
  reporter: { id: string; name: string; organizationId: string },
  opts: { locationId?: string; floor?: string; fault?: string } = {},
) {
  const unit = await prisma.organization.findUniqueOrThrow({ where: { id: reporter.organizationId } });
  // A key no real day has (R2099…), unique per process and run.
  const key = `R2099${String(crypto.randomInt(1000, 9999))}-${String((serial++ % 90000) + crypto.randomInt(0, 9999)).padStart(5, '0')}`;
  const row = await prisma.repairTicket.create({
    data: {
      key,
      repairTypeId: type.id,
      reporterUserId: reporter.id,
      agencyId: unit.agencyId ?? unit.id,
      unitId: unit.id,
      reporterName: reporter.name,
      officePhone: '2991111',
      locationId: opts.locationId ?? 'loc-minzhi',
      floor: opts.floor ?? '2',
      fault: opts.fault ?? '電腦無法開機',
    },
  });
  const input: RepairTicketInput = {
    ticketId: row.id,
    reporterUserId: reporter.id,
    vendorUserIds: type.vendors.map((v) => v.userId),
    categoryIds: type.categories.map((c) => c.id),
  };
  return { row, workflowId: repairTicketWorkflowId(key), input };
}
