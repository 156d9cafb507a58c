import crypto from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import { FEED_PAST_DAYS, OWN_FEED_LABEL, resourceLabel } from '../../domain/bookings/calendar-event';
import { authority } from '../auth/session';
import { agencyScope, can, type Actor } from '../policies';

/** The feed's credential as stored: only its SHA-256, like a session token. */
export const feedTokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** A token as handed out (32 random bytes, base64url); anything else is not looked up at all. */
export const isFeedToken = (value: string) => /^[A-Za-z0-9_-]{43}$/.test(value);

const labelled = { select: { id: true, kind: true, name: true, vehicleType: true, deletedAt: true } } as const;

/** 行事曆訂閱: the actor's live feeds, newest first — what each shows, never its address. */
export async function listCalendarFeeds(prisma: PrismaClient, actor: Actor) {
  const rows = await prisma.calendarFeed.findMany({
    where: { userId: actor.id, revokedAt: null, OR: [{ resourceId: null }, { resource: { deletedAt: null } }] },
    include: { resource: labelled },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    label: row.resource ? resourceLabel(row.resource) : OWN_FEED_LABEL,
    resourceId: row.resourceId,
    kind: row.resource?.kind ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** A resource as the policies see it (api/policies `Custodied`). */
export const custodied = (resource: { agencyId: string; custodian1Id: string; custodian2Id: string | null }) => ({
  agencyId: resource.agencyId,
  custodianIds: [resource.custodian1Id, resource.custodian2Id],
});

/**
 * The venues, cars and drivers whose feed the actor may subscribe to: those `item.read` lets them
 * manage (held as 保管人 / 管理人, their agency's as its admin, every one as system admin).
 */
export async function subscribableResources(prisma: PrismaClient, actor: Actor) {
  const scope = agencyScope(actor);
  const rows = await prisma.resource.findMany({
    where: {
      deletedAt: null,
      ...(scope === null ? {} : { OR: [{ custodian1Id: actor.id }, { custodian2Id: actor.id }, { agencyId: { in: scope } }] }),
    },
    select: { ...labelled.select, agencyId: true, custodian1Id: true, custodian2Id: true },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    take: 500,
  });
  return rows
    .filter((r) => can(actor, 'item.read', custodied(r)))
    .map((r) => ({ id: r.id, kind: r.kind, label: resourceLabel(r) }));
}

const owner = {
  select: {
    id: true,
    account: true,
    name: true,
    status: true,
    organizationId: true,
    organization: { select: { agencyId: true } },
    roles: { select: { role: true, organizationId: true } },
  },
} satisfies Prisma.UserDefaultArgs;

const feedBooking = {
  resource: { select: { kind: true, name: true, vehicleType: true, floor: true, location: { select: { name: true } } } },
  driver: { select: { name: true } },
  agency: { select: { id: true, name: true } },
  unit: { select: { id: true, name: true } },
  applicant: { select: { name: true } },
} satisfies Prisma.BookingInclude;

/**
 * The feed a token opens, and its approved bookings from FEED_PAST_DAYS back: null when the token is
 * unknown or revoked, its owner's account is no longer active, or (a resource's feed) the resource is
 * gone or its owner no longer manages it — a custodian replaced in 保管人設定 loses the feed at once.
 *
 * The lookup is by the token's SHA-256 on a unique index: what a guess can learn from the timing is
 * how its hash compares with stored hashes, which says nothing about any token.
 */
export async function feedForToken(prisma: PrismaClient, token: string, now = new Date()) {
  if (!isFeedToken(token)) return null;
  const feed = await prisma.calendarFeed.findUnique({
    where: { tokenHash: feedTokenHash(token) },
    include: {
      user: owner,
      resource: { select: { ...labelled.select, agencyId: true, custodian1Id: true, custodian2Id: true } },
    },
  });
  if (!feed || feed.revokedAt || feed.user.status !== 'ACTIVE') return null;
  const { resource, user } = feed;
  if (resource) {
    const actor: Actor = {
      ...authority(user),
      organizationId: user.organizationId,
      agencyId: user.organization.agencyId ?? user.organizationId,
    };
    if (resource.deletedAt || !can(actor, 'item.read', custodied(resource))) return null;
  }
  const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  // A driver's feed is their dispatches (the car bookings they drive); a venue's or car's its bookings.
  const whose: Prisma.BookingWhereInput = !resource
    ? { applicantUserId: user.id }
    : resource.kind === 'DRIVER'
      ? { driverId: resource.id }
      : { resourceId: resource.id };
  const bookings = await prisma.booking.findMany({
    where: { ...whose, status: 'APPROVED', endsAt: { gte: since } },
    include: feedBooking,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: 5000,
  });
  return { name: resource ? resourceLabel(resource) : `${OWN_FEED_LABEL}（${user.name}）`, own: !resource, bookings };
}
