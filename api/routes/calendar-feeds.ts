import { Router, type Request } from 'express';
import { z } from 'zod';
import { createCalendarFeed, revokeCalendarFeed, type CalendarFeedDeps } from '../commands/calendar-feeds';
import { fail } from '../errors';
import { limitedFirst } from '../address-limit';
import { authorize } from '../policies';
import { calendarFeedText } from '../presenters/calendar-feed';
import { feedForToken, listCalendarFeeds, subscribableResources } from '../queries/calendar-feeds';
import { authorized, body, noBody } from '../request-body';

const cuid = (message: string) => z.string({ error: message }).regex(/^[a-z0-9]{20,40}$/, message);
const newFeed = body(z.strictObject({ resourceId: cuid('請選擇要訂閱的場地、公務車或派遣司機').optional() }));
const idParams = z.object({ id: cuid('行事曆訂閱編號格式錯誤') });

/**
 * 行事曆訂閱 (/api/calendar-feeds), the actor's private feed addresses:
 *   GET    /            my live feeds (never their addresses: those are shown once, on creation)
 *   GET    /resources   the venues, cars and drivers I manage, whose feed I may add
 *   POST   /            新增訂閱 { resourceId? } → 201 { id, url }
 *   DELETE /:id         停止訂閱: the address answers 404 from then on
 */
export function calendarFeedRoutes(deps: CalendarFeedDeps) {
  const { prisma } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    authorize(req.actor, 'calendarFeed.manage');
    res.set('cache-control', 'no-store').json({ items: await listCalendarFeeds(prisma, req.actor) });
  });

  router.get('/resources', async (req, res) => {
    authorize(req.actor, 'calendarFeed.manage');
    res.set('cache-control', 'no-store').json({ items: await subscribableResources(prisma, req.actor) });
  });

  router.post('/', authorized('calendarFeed.manage'), newFeed, async (req, res) => {
    authorize(req.actor, 'calendarFeed.manage');
    const created = await createCalendarFeed(deps, req.actor, newFeed.of(req), req.ip);
    res.status(201).set('cache-control', 'no-store').json(created);
  });

  router.delete('/:id', authorized('calendarFeed.manage'), noBody, async (req, res) => {
    authorize(req.actor, 'calendarFeed.manage');
    await revokeCalendarFeed(prisma, req.actor, idParams.parse(req.params).id, req.ip);
    res.status(204).end();
  });

  return router;
}

/**
 * The feed itself (/api/calendar/:token.ics), fetched by Google 日曆, Outlook and the like without a
 * session: the token is the credential. Under /api because that is what nginx and the Vite dev server
 * pass to the API; the access log writes the route's pattern, never the token.
 */
export function calendarFileRoutes(deps: {
  prisma: CalendarFeedDeps['prisma'];
  webUrl: string;
  /** Per-address budget shared by the replicas (api/address-limit.ts), when the SSO is wired. */
  limit?: (req: Request) => Promise<void>;
}) {
  const router = Router();
  const host = new URL(deps.webUrl).host;
  const bookingPage = (key: string) =>
    `${deps.webUrl.replace(/\/+$/, '')}/applications/booking-records/${encodeURIComponent(key)}`;

  router.get('/:token.ics', limitedFirst(deps.limit), async (req, res) => {
    const feed = await feedForToken(deps.prisma, String(req.params.token));
    if (!feed) throw fail('NOT_FOUND', '找不到此行事曆訂閱，訂閱可能已停止。');
    const text = calendarFeedText({ name: feed.name, host, bookings: feed.bookings, link: feed.own ? bookingPage : undefined });
    res.set({ 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store' }).send(text);
  });

  return router;
}
