import type { PrismaClient } from '@prisma/client';
import { REPAIR_CUSTODIAN_WORD, type NewRepairTypeInput, type RepairTypeFields } from '../../domain/repairs/type-schema';
import { fail, invalidField } from '../errors';
import { authorize } from '../policies';
import type { RepairTypeRow } from '../queries/repair-types';
import { checkCustodians, logArrival, type CustodyContext, type CustodyTarget } from './custodians';
import { checkAudience } from './items';
import { recordUsage } from './usage';

// 報修類型管理's writes: 新增, 報修類型資訊 › 儲存 (with 報修廠商資訊 and 分類), 刪除. Each checks what the
// schema cannot (the agencies and people named exist) before it writes, and writes the type, its
// 保管人異動 and its 帳號使用紀錄 in one transaction. 保管人設定 is ./custodians.ts.

const AUDIENCE_WORDS = { agency: '所屬機關', audience: '允許報修機關' };
const usageTarget = (name: string) => `報修類型 ${name}`;

/** 報修類型 as 設置保管人 changes its holders. */
export const repairCustody = (row: { id: string; name: string }): CustodyTarget => ({
  table: 'repairType',
  id: row.id,
  word: REPAIR_CUSTODIAN_WORD,
  usage: { action: 'item.custodian', target: usageTarget(row.name) },
});

/** 設置維修人員: active accounts, each once. */
async function checkVendors(prisma: PrismaClient, vendorIds: readonly string[]) {
  const unique = [...new Set(vendorIds)];
  const found = await prisma.user.count({ where: { id: { in: unique }, status: 'ACTIVE' } });
  if (found !== unique.length) throw invalidField('vendorIds', '維修人員須為已啟用的帳號');
  return unique;
}

/**
 * 分類 as the form lists them: an id names one of this type's (renamed, retired or restored), none a
 * new one. One left out of the list is retired, never removed: replies that used it keep it.
 */
function planCategories(existing: RepairTypeRow['categories'], listed: RepairTypeFields['categories']) {
  const mine = new Map(existing.map((c) => [c.id, c]));
  for (const c of listed) if (c.id && !mine.has(c.id)) throw invalidField('categories', '分類不存在，請重新整理後再試');
  const kept = new Set(listed.flatMap((c) => (c.id ? [c.id] : [])));
  const dropped = existing.filter((c) => !kept.has(c.id));
  const names = new Set(listed.map((c) => c.name));
  const clash = dropped.find((c) => names.has(c.name));
  if (clash) throw invalidField('categories', `分類「${clash.name}」已存在（已停用），請改為啟用`);
  return { mine, dropped };
}

/** 新增報修類型 by an admin of the 所屬機關; the 類型保管人's arrival is logged. */
export async function createRepairType(ctx: CustodyContext, input: NewRepairTypeInput) {
  const { prisma, actor } = ctx;
  authorize(actor, 'repairType.create', { agencyId: input.agencyId });
  const others = await checkAudience(prisma, input, AUDIENCE_WORDS);
  const people = await checkCustodians(prisma, REPAIR_CUSTODIAN_WORD, input.custodian1Id, input.custodian2Id);
  const vendorIds = await checkVendors(prisma, input.vendorIds);
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const row = await tx.repairType.create({
      data: {
        name: input.name,
        agencyId: input.agencyId,
        audience: input.audience,
        replyTargetHours: input.replyTargetHours,
        custodian1Id: input.custodian1Id,
        custodian2Id: input.custodian2Id ?? null,
        allowedAgencies: { create: others.map((agencyId) => ({ agencyId })) },
        vendors: { create: vendorIds.map((userId) => ({ userId })) },
        categories: {
          create: input.categories.map((c, i) => ({ name: c.name, sortOrder: i, retiredAt: c.retired ? now : null })),
        },
      },
    });
    await logArrival(tx, 'repairType', row.id, input, people, '新增報修類型', actor.id);
    await recordUsage(tx, { userId: actor.id, action: 'repair.type.create', target: usageTarget(row.name), ip: ctx.ip ?? null });
    return row;
  });
}

/**
 * 報修類型資訊 › 儲存 (名稱, 所屬機關, 允許報修機關, 維修人員, 分類, 回覆時限). Handing the type to another
 * 所屬機關 takes an admin of that agency too (a 類型保管人 cannot give it away).
 */
export async function updateRepairType(ctx: CustodyContext, row: RepairTypeRow, fields: RepairTypeFields) {
  const { prisma, actor } = ctx;
  if (fields.agencyId !== row.agencyId) authorize(actor, 'repairType.create', { agencyId: fields.agencyId });
  const others = await checkAudience(prisma, fields, AUDIENCE_WORDS);
  const vendorIds = await checkVendors(prisma, fields.vendorIds);
  const { mine, dropped } = planCategories(row.categories, fields.categories);
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM repair_types WHERE id = ${row.id} FOR UPDATE`;
    await tx.repairType.update({
      where: { id: row.id },
      data: {
        name: fields.name,
        agencyId: fields.agencyId,
        audience: fields.audience,
        replyTargetHours: fields.replyTargetHours,
        allowedAgencies: { deleteMany: {}, create: others.map((agencyId) => ({ agencyId })) },
      },
    });
    await tx.repairVendor.deleteMany({ where: { repairTypeId: row.id, userId: { notIn: vendorIds } } });
    await tx.repairVendor.createMany({
      data: vendorIds.map((userId) => ({ repairTypeId: row.id, userId })),
      skipDuplicates: true,
    });
    // Renames may swap two names: each kept one takes a placeholder first, then its name.
    const renamed = fields.categories.filter((c) => c.id && mine.get(c.id)!.name !== c.name);
    for (const c of renamed) await tx.repairCategory.update({ where: { id: c.id }, data: { name: `(renaming) ${c.id}` } });
    for (const [i, c] of fields.categories.entries()) {
      const retiredAt = c.retired ? (c.id ? (mine.get(c.id)!.retiredAt ?? now) : now) : null;
      if (c.id) await tx.repairCategory.update({ where: { id: c.id }, data: { name: c.name, sortOrder: i, retiredAt } });
      else await tx.repairCategory.create({ data: { repairTypeId: row.id, name: c.name, sortOrder: i, retiredAt } });
    }
    await tx.repairCategory.updateMany({
      where: { id: { in: dropped.map((c) => c.id) }, retiredAt: null },
      data: { retiredAt: now },
    });
    await recordUsage(tx, {
      userId: actor.id,
      action: 'repair.type.update',
      target: usageTarget(fields.name),
      ip: ctx.ip ?? null,
    });
  });
}

/**
 * 刪除: refused while a ticket of the type is not 已結案; otherwise hidden (deletedAt) but kept for the
 * tickets and statistics that name it. The row is locked first, so a 新增報修 that reads the type FOR
 * SHARE waits for the deletion and then sees it gone.
 */
export async function deleteRepairType(ctx: CustodyContext, row: RepairTypeRow, now = new Date()) {
  await ctx.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM repair_types WHERE id = ${row.id} FOR UPDATE`;
    const open = await tx.repairTicket.count({ where: { repairTypeId: row.id, status: { not: 'CLOSED' } } });
    if (open > 0) throw fail('CONFLICT', `此報修類型尚有 ${open} 筆未結案的報修案件，無法刪除`);
    await tx.repairType.update({ where: { id: row.id }, data: { deletedAt: now } });
    await recordUsage(tx, {
      userId: ctx.actor.id,
      action: 'repair.type.delete',
      target: usageTarget(row.name),
      ip: ctx.ip ?? null,
    });
  });
}
