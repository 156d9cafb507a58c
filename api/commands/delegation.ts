import type { PrismaClient } from '@prisma/client';
import { delegationPeriod, delegationPeriodLabel, delegationStatus } from '../../domain/delegation';
import { mailPath } from '../../domain/mail-links';
import { mailAddressOf } from '../../infra/db/accounts';
import { fail } from '../errors';
import type { Actor } from '../policies';
import type { Temporal } from '../temporal';
import { queueMail } from './queue-mail';
import { personTarget, recordUsage } from './usage';

export interface DelegationDeps {
  prisma: PrismaClient;
  temporal: Temporal;
  webUrl: string;
}

export interface NewDelegation {
  deputyAccount: string;
  startDate: string;
  endDate: string;
}

/**
 * 代理人設定 › 新增代理: names a colleague of the same agency as the actor's deputy for whole days. One
 * deputy at a time: a period overlapping another live one of the actor is refused. The deputy is
 * mailed; the change is in the actor's 帳號使用紀錄.
 */
export async function createDelegation(deps: DelegationDeps, actor: Actor, input: NewDelegation, ip?: string) {
  const { prisma } = deps;
  const now = new Date();
  const period = delegationPeriod(input.startDate, input.endDate, now);
  if ('problem' in period) throw fail('VALIDATION_FAILED', period.problem, { [period.field]: period.problem });
  const deputy = await prisma.user.findUnique({
    where: { account: input.deputyAccount.trim().toLowerCase() },
    include: { organization: { select: { agencyId: true } } },
  });
  const deputyAgency = deputy && (deputy.organization.agencyId ?? deputy.organizationId);
  if (!deputy || deputy.status !== 'ACTIVE' || deputyAgency !== actor.agencyId) {
    throw fail('VALIDATION_FAILED', '代理人須為本機關在職同仁', { deputyAccount: '代理人須為本機關在職同仁' });
  }
  if (deputy.id === actor.id) throw fail('VALIDATION_FAILED', '不可指定自己為代理人', { deputyAccount: '不可指定自己為代理人' });

  const created = await prisma.$transaction(async (tx) => {
    // One writer per approver at a time, so two overlapping periods cannot both pass the check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`delegation:${actor.id}`}))`;
    const overlapping = await tx.delegation.findFirst({
      where: { principalId: actor.id, cancelledAt: null, startsAt: { lt: period.endsAt }, endsAt: { gt: period.startsAt } },
      include: { deputy: { select: { name: true } } },
    });
    if (overlapping) {
      const message = `此期間已指定代理人 ${overlapping.deputy.name}（${delegationPeriodLabel(overlapping)}），請先取消或另選期間`;
      throw fail('CONFLICT', message, { startDate: message });
    }
    const row = await tx.delegation.create({ data: { principalId: actor.id, deputyId: deputy.id, ...period } });
    await recordUsage(tx, {
      userId: actor.id,
      action: 'delegation.set',
      target: personTarget(deputy),
      detail: { delegationId: row.id, period: delegationPeriodLabel(row) },
      ip: ip ?? null,
    });
    return row;
  });

  const to = mailAddressOf(deputy);
  if (to) {
    await queueMail(deps, {
      key: `delegation:${created.id}:assigned`,
      to,
      template: 'delegationAssigned',
      data: {
        deputyName: deputy.name,
        principalName: actor.name,
        startsAt: created.startsAt,
        endsAt: new Date(created.endsAt.getTime() - 1000),
        consoleUrl: mailPath('accountApplicationInbox'),
      },
    });
  }
  return created;
}

/** 取消代理: the approver ends a delegation that has not ended yet; from the next request on it counts no more. */
export async function cancelDelegation(deps: DelegationDeps, actor: Actor, id: string, ip?: string) {
  const { prisma } = deps;
  const row = await prisma.delegation.findUnique({
    where: { id },
    include: { deputy: { select: { name: true, account: true } } },
  });
  // Someone else's delegation reads as missing: its existence is not the actor's business.
  if (!row || row.principalId !== actor.id) throw fail('NOT_FOUND', '找不到此代理人設定。');
  const status = delegationStatus(row, new Date());
  if (status === 'CANCELLED' || status === 'ENDED') throw fail('CONFLICT', '此代理人設定已結束或已取消');
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.delegation.updateMany({ where: { id, cancelledAt: null }, data: { cancelledAt: new Date() } });
    if (count === 0) throw fail('CONFLICT', '此代理人設定已結束或已取消');
    await recordUsage(tx, {
      userId: actor.id,
      action: 'delegation.cancel',
      target: personTarget(row.deputy),
      detail: { delegationId: id, period: delegationPeriodLabel(row) },
      ip: ip ?? null,
    });
  });
}
