import type { Prisma, PrismaClient } from '@prisma/client';
import { DELEGATION_STATUS_LABELS, delegationPeriodLabel, delegationStatus } from '../../domain/delegation';
import type { Actor } from '../policies';

const person = { select: { account: true, name: true, title: true } } satisfies Prisma.UserDefaultArgs;
const withPeople = { principal: person, deputy: person } satisfies Prisma.DelegationInclude;
type Row = Prisma.DelegationGetPayload<{ include: typeof withPeople }>;

/** The rows a delegation list shows: newest period first; ended and cancelled ones for a year. */
const RECENT_DAYS = 365;

function present(row: Row, now: Date) {
  const status = delegationStatus(row, now);
  return {
    id: row.id,
    principal: row.principal,
    deputy: row.deputy,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    period: delegationPeriodLabel(row),
    status,
    statusLabel: DELEGATION_STATUS_LABELS[status],
  };
}

/** 代理人設定: the deputies the actor named (given) and the approvers the actor stands in for (held). */
export async function listDelegations(prisma: PrismaClient, actor: Actor, now = new Date()) {
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
  const [given, held] = await Promise.all(
    (['principalId', 'deputyId'] as const).map((side) =>
      prisma.delegation.findMany({
        where: { [side]: actor.id, endsAt: { gt: since } },
        include: withPeople,
        orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
        take: 100,
      }),
    ),
  );
  return { given: given!.map((r) => present(r, now)), held: held!.map((r) => present(r, now)) };
}

/**
 * Colleagues the actor may name as deputy: active accounts of the actor's agency (its own units
 * included), not the actor, whose account or name starts with the keyword.
 */
export async function deputyCandidates(prisma: PrismaClient, actor: Actor, q: string) {
  const keyword = q.trim();
  const rows = await prisma.user.findMany({
    where: {
      status: 'ACTIVE',
      id: { not: actor.id },
      OR: [{ organizationId: actor.agencyId }, { organization: { agencyId: actor.agencyId } }],
      ...(keyword
        ? { AND: [{ OR: [{ account: { startsWith: keyword.toLowerCase() } }, { name: { startsWith: keyword } }] }] }
        : {}),
    },
    select: { account: true, name: true, title: true, organization: { select: { name: true } } },
    orderBy: { account: 'asc' },
    take: 20,
  });
  return rows.map((r) => ({ account: r.account, name: r.name, title: r.title, unit: r.organization.name }));
}
