import { BOOKING_REQUEST_TYPE_LABEL } from '../../../../workflows/booking.messages';
import { z } from 'zod';
import { cancelProblem } from '../../../../domain/bookings/cancel';
import { BOOKING_STATUS_LABELS, type BookingStatusCode } from '../../../../domain/bookings/labels';
import { describeInterval, isIsoDate } from '../../../../domain/bookings/slots';
import { competingBookings } from '../../../queries/bookings';
import { revokeBookingSchema } from '../../../../domain/schemas/booking';
import { decideBooking, revokeBooking, type BookingDeps } from '../../../commands/bookings';
import { can } from '../../../policies';
import { authorized, body } from '../../../request-body';
import { inboxListQuery, requestInboxRoutes } from '../request-inbox';

type Summary = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** 關鍵字 (登記者), 借用日期 and 審核狀態 (未審核 by default, as the manual's 公務車借用審核 opens). */
const bookingListQuery = inboxListQuery.extend({
  date: z
    .string()
    .refine(isIsoDate, '借用日期格式錯誤')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  state: z
    .enum(['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'WAITLISTED'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

const KINDS = {
  VENUE: {
    type: 'VENUE_BOOKING',
    actions: { list: 'venueBooking.list', read: 'venueBooking.read', decide: 'venueBooking.decide' },
    usageTarget: BOOKING_REQUEST_TYPE_LABEL.VENUE,
  },
  CAR: {
    type: 'CAR_BOOKING',
    actions: { list: 'carBooking.list', read: 'carBooking.read', decide: 'carBooking.decide' },
    usageTarget: BOOKING_REQUEST_TYPE_LABEL.CAR,
  },
} as const;

/** 重複借用: 「1/4」 and the key that selects the series together; null for a booking of one date. */
function seriesFields(s: Summary) {
  const { seriesKey, seriesIndex, seriesCount } = s;
  const inSeries = typeof seriesKey === 'string' && typeof seriesIndex === 'number' && typeof seriesCount === 'number';
  return { seriesKey: inSeries ? seriesKey : null, series: inSeries ? `${seriesIndex}/${seriesCount}` : null };
}

const revoke = body(revokeBookingSchema);
const idParams = z.object({ id: z.string().trim().min(1).max(64) });

/**
 * 物品管理 › 場地借用審核 / 公務車借用審核: the request inbox over the resources the actor holds (agency
 * admins: their agency's; system admins: all) — list, detail, 通過 / 駁回 one or a batch — and 取消借用
 * of an approved booking (`POST /:id/revoke { reason }`).
 */
function bookingReviewRoutes(deps: BookingDeps, kind: keyof typeof KINDS) {
  const k = KINDS[kind];
  const router = requestInboxRoutes(deps, {
    type: k.type,
    actions: k.actions,
    scope: 'custody',
    listQuery: bookingListQuery,
    fields: (s: Summary) => ({
      key: text(s.key),
      resource: text(s.resource),
      when: text(s.when),
      startsAt: text(s.startsAt),
      unitName: text(s.unitName),
      headcount: typeof s.headcount === 'number' ? s.headcount : null,
      reason: text(s.reason),
      host: text(s.host),
      destination: text(s.destination),
      driverName: text(s.driverName),
      selfDrive: s.selfDrive === true,
      ...seriesFields(s),
    }),
    decide: (workflowId, input) => decideBooking(deps, workflowId, input),
    usageTarget: k.usageTarget,
    batchNeedsRejectComment: true,
    moreDetail: async (subject) => ({
      competing: (await competingBookings(deps.prisma, subject.workflowId)).map((c) => ({
        key: c.key,
        name: c.applicant.name,
        unitName: c.unit.name,
        when: describeInterval({ start: c.startsAt, end: c.endsAt }),
        reason: c.reason,
        statusLabel: BOOKING_STATUS_LABELS[c.status],
      })),
    }),
    // Each booking is its own workflow holding its own slot: deciding several at once changes nothing
    // any other decides (a rejection's freed slot goes to its own waiting list under the database's
    // exclusion constraint), and a batch of 100 no longer waits for 100 workflows in a row.
    batchConcurrency: 8,
    // 取消借用: an approved booking not yet started, by whoever may decide it.
    moreActions: (actor, subject, request) => {
      if (!request) return [];
      const startsAt = new Date(text((request.summary as Summary).startsAt));
      const open = cancelProblem(request.status as BookingStatusCode, startsAt, 'CUSTODIAN', new Date()) === null;
      return open && can(actor, k.actions.decide, subject) ? ['revoke'] : [];
    },
  });

  router.post('/:id/revoke', authorized(k.actions.list), revoke, async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.json(await revokeBooking(deps, req.actor!, { id, type: k.type }, k.actions.decide, revoke.of(req).reason, req.ip));
  });
  return router;
}

export const venueBookingReviewRoutes = (deps: BookingDeps) => bookingReviewRoutes(deps, 'VENUE');
export const carBookingReviewRoutes = (deps: BookingDeps) => bookingReviewRoutes(deps, 'CAR');
