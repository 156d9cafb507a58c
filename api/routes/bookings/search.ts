import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import {
  dayInterval,
  isFree,
  isIsoDate,
  parseOpenHours,
  taipeiParts,
  weekGrid,
  weekWindow,
} from '../../../domain/bookings/slots';
import { fail } from '../../errors';
import { authorize } from '../../policies';
import { presentInterval, presentResource, presentResourceChoice } from '../../presenters/booking';
import { bookableResource, bookableResources, boundDriverIds, heldIntervals, listLocations } from '../../queries/bookings';

const dateField = (message: string) => z.string({ error: message }).refine(isIsoDate, message);
/** 8:00, 08:00, 24:00 — a whole hour of 開始時段 / 結束時段, in minutes. */
const hourField = (message: string) =>
  z
    .string({ error: message })
    .regex(/^([01]?\d|2[0-4]):00$/, message)
    .transform((v) => Number(v.split(':')[0]) * 60)
    .refine((m) => m <= 24 * 60, message);
const kindField = z.enum(['VENUE', 'CAR'], { error: '請選擇場地或公務車' });
const locationField = z.string().trim().max(64, '所在地格式錯誤').optional();
const instantField = (message: string) => z.iso.datetime({ offset: true, error: message }).transform((v) => new Date(v));

const idParams = z.object({ id: z.string().regex(/^[a-z0-9]{20,40}$/, '找不到此場地或公務車') });
const resourcesQuery = z.object({ kind: kindField, locationId: locationField });
const weekQuery = z.object({ weekOf: dateField('請選擇週次').optional() });
const freeQuery = z
  .object({
    kind: kindField,
    date: dateField('請選擇日期'),
    start: hourField('請選擇開始時段'),
    end: hourField('請選擇結束時段'),
    locationId: locationField,
  })
  .refine((q) => q.end > q.start, { path: ['end'], message: '結束時段須晚於開始時段' });
const driversQuery = z
  .object({ startsAt: instantField('請選擇借用時段'), endsAt: instantField('請選擇借用時段') })
  .refine((q) => q.endsAt > q.startsAt, { path: ['endsAt'], message: '結束時段須晚於開始時段' });

const NOT_BOOKABLE = '找不到此場地或公務車，或您的機關不在允許借用機關內';

/**
 * 場地借用申請 / 公務車借用登記, the searches (/api/bookings):
 *   GET /locations                              所在地
 *   GET /resources?kind=&locationId=            the venues or cars the actor's agency may book
 *   GET /resources/:id/week?weekOf=YYYY-MM-DD   依場地(公務車)查詢允許申請時間: the weekly grid
 *   GET /free?kind=&date=&start=&end=&locationId=   依時間查詢: those free for the whole interval
 *   GET /resources/:id/drivers?startsAt=&endsAt=    派遣司機 是: the car's bound drivers free then
 * A resource the agency may not book answers 404, as if it did not exist.
 */
export function bookingSearchRoutes(deps: { prisma: PrismaClient; now?: () => Date }) {
  const { prisma } = deps;
  const now = deps.now ?? (() => new Date());
  const router = Router();

  const resourceOf = async (agencyId: string, id: string) => {
    const row = await bookableResource(prisma, agencyId, id);
    if (!row) throw fail('NOT_FOUND', NOT_BOOKABLE);
    return row;
  };

  router.get('/locations', async (req, res) => {
    authorize(req.actor, 'booking.request');
    res.json({ items: await listLocations(prisma) });
  });

  router.get('/resources', async (req, res) => {
    authorize(req.actor, 'booking.request');
    const query = resourcesQuery.parse(req.query);
    const rows = await bookableResources(prisma, req.actor.agencyId, query);
    res.json({ items: rows.map(presentResourceChoice) });
  });

  router.get('/resources/:id/week', async (req, res) => {
    authorize(req.actor, 'booking.request');
    const { id } = idParams.parse(req.params);
    const at = now();
    const weekOf = weekQuery.parse(req.query).weekOf ?? taipeiParts(at).date;
    const row = await resourceOf(req.actor.agencyId, id);
    const window = weekWindow(weekOf);
    const held = (await heldIntervals(prisma, [row.id], window)).get(row.id) ?? [];
    const openHours = parseOpenHours(row.openHours);
    res.set('cache-control', 'no-store').json({
      resource: presentResource(row),
      grid: weekGrid({ weekOf, openHours, held, now: at }),
      // What the 登記時段 drop-down's endChoices needs: the times held, not who holds them.
      held: held.map(presentInterval),
      now: at.toISOString(),
    });
  });

  router.get('/free', async (req, res) => {
    authorize(req.actor, 'booking.request');
    const query = freeQuery.parse(req.query);
    const interval = dayInterval(query.date, query.start, query.end);
    const rows = await bookableResources(prisma, req.actor.agencyId, query);
    const held = await heldIntervals(
      prisma,
      rows.map((r) => r.id),
      interval,
    );
    const at = now();
    const free = rows.filter((r) => isFree(parseOpenHours(r.openHours), held.get(r.id) ?? [], interval, at));
    res.set('cache-control', 'no-store').json({ ...presentInterval(interval), items: free.map(presentResourceChoice) });
  });

  router.get('/resources/:id/drivers', async (req, res) => {
    authorize(req.actor, 'booking.request');
    const { id } = idParams.parse(req.params);
    const { startsAt, endsAt } = driversQuery.parse(req.query);
    const car = await resourceOf(req.actor.agencyId, id);
    if (car.kind !== 'CAR') throw fail('NOT_FOUND', NOT_BOOKABLE);
    const interval = { start: startsAt, end: endsAt };
    const drivers = await bookableResources(prisma, req.actor.agencyId, {
      kind: 'DRIVER',
      ids: await boundDriverIds(prisma, car.id),
    });
    const held = await heldIntervals(
      prisma,
      drivers.map((d) => d.id),
      interval,
      'driver',
    );
    const at = now();
    // A driver keeps hours of their own, and one dispatched with another car then is busy.
    const free = drivers.filter((d) => isFree(parseOpenHours(d.openHours), held.get(d.id) ?? [], interval, at));
    res.set('cache-control', 'no-store').json({ items: free.map((d) => ({ id: d.id, name: d.name })) });
  });

  return router;
}
