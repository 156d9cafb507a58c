import type { PrismaClient } from '@prisma/client';
import type { ApplicationSystemInput } from '../../domain/schemas/integration';
import { fail, invalidField } from '../errors';
import { can, type Actor } from '../policies';
import type { ApplicationSystemRow } from '../queries/application-systems';
import { recordUsage } from './usage';

// 新增應用系統 and its 編輯: the 管理機關 must be a live agency, and a non-admin's own; the row and its
// 帳號使用紀錄 are written in one transaction.

interface Ctx {
  prisma: PrismaClient;
  actor: Actor;
  ip?: string | null;
}

export const OWN_AGENCY_ONLY = '管理機關須為您所屬的機關';
const usageTarget = (name: string) => `應用系統 ${name}`;

/** The 管理機關 chosen: a live agency the actor may manage systems of (403 in words for another's). */
async function checkAgency(ctx: Ctx, agencyId: string, action: 'applicationSystem.create' | 'applicationSystem.update') {
  const agency = await ctx.prisma.organization.findFirst({
    where: { id: agencyId, kind: { not: 'SECTION' }, retiredAt: null },
    select: { id: true },
  });
  if (!agency) throw invalidField('agencyId', '請選擇管理機關');
  if (!can(ctx.actor, action, { agencyId })) throw fail('FORBIDDEN', OWN_AGENCY_ONLY);
}

const fields = (input: ApplicationSystemInput) => ({
  name: input.name,
  shortName: input.shortName || null,
  agencyId: input.agencyId,
  contactName: input.contactName,
  contactPhone: input.contactPhone,
  contactEmail: input.contactEmail,
  vendorName: input.vendorName,
  description: input.description,
  url: input.url,
  productionIps: input.productionIps,
});

export async function createApplicationSystem(ctx: Ctx, input: ApplicationSystemInput) {
  await checkAgency(ctx, input.agencyId, 'applicationSystem.create');
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.applicationSystem.create({ data: { ...fields(input), createdById: ctx.actor.id } });
    await recordUsage(tx, {
      userId: ctx.actor.id,
      action: 'integration.system.create',
      target: usageTarget(row.name),
      ip: ctx.ip ?? null,
    });
    return row;
  });
}

export async function updateApplicationSystem(ctx: Ctx, row: ApplicationSystemRow, input: ApplicationSystemInput) {
  if (input.agencyId !== row.agencyId) await checkAgency(ctx, input.agencyId, 'applicationSystem.update');
  await ctx.prisma.$transaction(async (tx) => {
    await tx.applicationSystem.update({ where: { id: row.id }, data: fields(input) });
    await recordUsage(tx, {
      userId: ctx.actor.id,
      action: 'integration.system.update',
      target: usageTarget(input.name),
      ip: ctx.ip ?? null,
    });
  });
}
