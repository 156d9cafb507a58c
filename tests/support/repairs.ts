import crypto from 'node:crypto';
import type { BookingAudience, PrismaClient } from '@prisma/client';
import { repairTicketWorkflowId, type RepairTicketInput } from '../../workflows/repair-ticket.messages';

/**
 * A 報修類型 of its own, straight into the database, for suites that test reporting and handling rather
 * than 報修類型管理 (which creates types through its API): the given vendors, custodian and 分類.
 */
export async function createRepairType(
  prisma: PrismaClient,
  opts: {
    agencyId: string;
    custodian1Id: string;
    custodian2Id?: string;
    vendorIds?: string[];
    categories?: string[];
    audience?: BookingAudience;
    allowedAgencyIds?: string[];
    replyTargetHours?: number | null;
    name?: string;
  },
) {
  const tag = crypto.randomBytes(3).toString('hex');
  return prisma.repairType.create({
    data: {
      name: opts.name ?? `測試報修類型-${tag}`,
      agencyId: opts.agencyId,
      audience: opts.audience ?? 'CITY',
      custodian1Id: opts.custodian1Id,
      custodian2Id: opts.custodian2Id ?? null,
      replyTargetHours: opts.replyTargetHours ?? null,
      allowedAgencies: { create: (opts.allowedAgencyIds ?? []).map((agencyId) => ({ agencyId })) },
      vendors: { create: (opts.vendorIds ?? []).map((userId) => ({ userId })) },
      categories: { create: (opts.categories ?? ['一般操作問題', '硬體故障']).map((name, sortOrder) => ({ name, sortOrder })) },
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
