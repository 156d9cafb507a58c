import { cancelProblem } from '../../../domain/bookings/cancel';
import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import { enumOrAll, pagingFields } from '../../../domain/login-records';
import { BOOKING_STATUS_LABELS } from '../../../domain/bookings/labels';
import { addDays, isIsoDate, taipeiInstant } from '../../../domain/bookings/slots';
import { fail } from '../../errors';
import { allowedActions, authorize } from '../../policies';
import { presentEvents } from '../../presenters/account-application';
import { presentBookingDetail, presentBookingRecord } from '../../presenters/booking';
import { ownBooking, ownBookingPage } from '../../queries/bookings';
import { requestOfWorkflow } from '../../queries/requests';
import type { Temporal } from '../../temporal';

const optionalDate = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || isIsoDate(v), message);

const recordsQuery = z
  .object({
    kind: z.enum(['VENUE', 'CAR'], { error: '請選擇場地借用紀錄或公務車申請紀錄' }),
    q: z.string().trim().max(64, '關鍵字過長').optional(),
    from: optionalDate('起日格式錯誤'),
    to: optionalDate('迄日格式錯誤'),
    status: enumOrAll(BOOKING_STATUS_LABELS, '審核狀態'),
    ...pagingFields,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '迄日不可早於起日' });
const keyParams = z.object({ key: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, '找不到此申請') });

/**
 * 場地及公務車申請紀錄 (/api/bookings/mine): the actor's own bookings only; anyone else's key answers
 * 404, as if it did not exist.
 *   GET /mine?kind=VENUE|CAR&q=&from=&to=&status=&page=&pageSize=
 *   GET /mine/:key    詳細, its timeline, allowedActions (cancel) and temporalUrl
 */
export function bookingRecordRoutes(deps: { prisma: PrismaClient; temporal: Temporal; now?: () => Date }) {
  const { prisma, temporal } = deps;
  const now = deps.now ?? (() => new Date());
  const router = Router();

  router.get('/mine', async (req, res) => {
    authorize(req.actor, 'booking.request');
    const query = recordsQuery.parse(req.query);
    const { total, rows } = await ownBookingPage(prisma, req.actor.id, {
      ...query,
      q: query.q || undefined,
      from: query.from ? taipeiInstant(query.from) : undefined,
      to: query.to ? taipeiInstant(addDays(query.to, 1)) : undefined,
    });
    res.set('cache-control', 'no-store').json({ total, items: rows.map(presentBookingRecord) });
  });

  router.get('/mine/:key', async (req, res) => {
    authorize(req.actor, 'booking.request');
    const { key } = keyParams.parse(req.params);
    const row = await ownBooking(prisma, req.actor.id, key);
    if (!row) throw fail('NOT_FOUND', '找不到此申請');
    const request = await requestOfWorkflow(prisma, row.workflowId);
    const open = cancelProblem(row.status, row.startsAt, 'APPLICANT', now()) === null;
    const actions = open
      ? allowedActions(req.actor, ['booking.cancel'], { agencyId: row.agencyId, applicantUserId: row.applicantUserId })
      : [];
    res.set('cache-control', 'no-store').json({
      ...presentBookingDetail(row),
      events: presentEvents(request?.events ?? []),
      allowedActions: actions.length ? ['cancel'] : [],
      temporalUrl: temporal.workflowUrl(row.workflowId),
    });
  });

  return router;
}
