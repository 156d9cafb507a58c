import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { OWN_FEED_LABEL, resourceLabel } from '../../domain/bookings/calendar-event';
import { fail } from '../errors';
import { authorize, type Actor } from '../policies';
import { custodied, feedTokenHash } from '../queries/calendar-feeds';
import { recordUsage } from './usage';

export interface CalendarFeedDeps {
  prisma: PrismaClient;
  /** Where browsers (and calendar servers) reach the portal: the feed's address starts here. */
  webUrl: string;
}

/** Live feeds per person: far above need, and a bound on what one session can mint. */
export const MAX_LIVE_FEEDS = 20;

/** The public address of a feed (under /api, which every proxy in front of the API passes on). */
export const feedUrl = (webUrl: string, token: string) => `${webUrl.replace(/\/+$/, '')}/api/calendar/${token}.ics`;

/**
 * 新增訂閱: a private address for the actor's own approved bookings, or (resourceId) for a venue, car
 * or driver the actor manages. The token is in the answer once and stored only as its SHA-256; the
 * subscription is recorded in 帳號使用紀錄 without it.
 */
export async function createCalendarFeed(deps: CalendarFeedDeps, actor: Actor, input: { resourceId?: string }, ip?: string) {
  const { prisma } = deps;
  let target = OWN_FEED_LABEL;
  if (input.resourceId) {
    const resource = await prisma.resource.findFirst({ where: { id: input.resourceId, deletedAt: null } });
    if (!resource) throw fail('NOT_FOUND', '找不到此場地、公務車或派遣司機。');
    authorize(actor, 'item.read', custodied(resource));
    target = resourceLabel(resource);
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const created = await prisma.$transaction(async (tx) => {
    // One writer per person at a time, so two requests cannot both pass the count.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`calendar-feed:${actor.id}`}))`;
    const live = await tx.calendarFeed.count({ where: { userId: actor.id, revokedAt: null } });
    if (live >= MAX_LIVE_FEEDS) throw fail('CONFLICT', `行事曆訂閱最多 ${MAX_LIVE_FEEDS} 個，請先停止不再使用的訂閱。`);
    const row = await tx.calendarFeed.create({
      data: { tokenHash: feedTokenHash(token), userId: actor.id, resourceId: input.resourceId ?? null },
    });
    await recordUsage(tx, {
      userId: actor.id,
      action: 'calendar.feedCreate',
      target,
      detail: { calendarFeedId: row.id },
      ip: ip ?? null,
    });
    return row;
  });
  return { id: created.id, url: feedUrl(deps.webUrl, token) };
}

/** 停止訂閱: the address answers 404 from the next request on. Someone else's feed reads as missing. */
export async function revokeCalendarFeed(prisma: PrismaClient, actor: Actor, id: string, ip?: string) {
  const row = await prisma.calendarFeed.findUnique({ where: { id }, include: { resource: true } });
  if (!row || row.userId !== actor.id || row.revokedAt) throw fail('NOT_FOUND', '找不到此行事曆訂閱。');
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.calendarFeed.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw fail('NOT_FOUND', '找不到此行事曆訂閱。');
    await recordUsage(tx, {
      userId: actor.id,
      action: 'calendar.feedRevoke',
      target: row.resource ? resourceLabel(row.resource) : OWN_FEED_LABEL,
      detail: { calendarFeedId: id },
      ip: ip ?? null,
    });
  });
}
