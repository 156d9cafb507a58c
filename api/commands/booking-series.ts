import { BOOKING_REQUEST_TYPE_LABEL } from '../../workflows/booking.messages';
import type { PrismaClient } from '@prisma/client';
import { BOOKING_STATUS_LABELS, type BookingStatusCode } from '../../domain/bookings/labels';
import { expandSeries, REPEAT_LABELS, type Occurrence } from '../../domain/bookings/series';
import { describeInterval, overlaps, type Interval } from '../../domain/bookings/slots';
import type { BookingRequest } from '../../domain/schemas/booking';
import type { UsageAction } from '../../domain/usage-actions';
import { bookingConflict } from '../../infra/db/booking-conflict';
import { fail } from '../errors';
import type { Actor } from '../policies';
import { heldIntervals } from '../queries/bookings';
import {
  bookingData,
  bookingTarget,
  conflictMessage,
  dateProblem,
  startBookingWorkflow,
  type BookingDeps,
  type BookingTarget,
} from './bookings';
import { recordUsage } from './usage';

/** A date of a series as 儲存 shows it: 可申請, or why not. */
export type SeriesDateState = 'AVAILABLE' | 'TAKEN' | 'CLOSED' | 'PAST';
export const SERIES_DATE_STATE_LABELS: Record<SeriesDateState, string> = {
  AVAILABLE: '可申請',
  TAKEN: '此時段已被申請',
  CLOSED: '不開放',
  PAST: '已過去',
};

export interface SeriesDate {
  index: number;
  date: string;
  startsAt: string;
  endsAt: string;
  /** 2026/12/22 9:00 - 12:00. */
  when: string;
  state: SeriesDateState;
  stateLabel: string;
  /** Why not, in the words a single booking of that date is refused with. */
  reason: string | null;
}

type RepeatedRequest = BookingRequest & { repeat: NonNullable<BookingRequest['repeat']> };

const spanOf = (occurrences: readonly Interval[]): Interval => ({
  start: occurrences[0]!.start,
  end: occurrences.at(-1)!.end,
});

/**
 * Each date of the series checked as submitBooking checks one: the resource's 開放借用時間 (and the
 * driver's), not past, and not overlapping a pending or approved booking of the resource or the driver.
 * A first interval that is no slot at all (not whole hours, ends before it starts) refuses the request.
 */
async function checkDates(prisma: PrismaClient, target: BookingTarget, input: RepeatedRequest, now: Date) {
  const first = { start: input.startsAt, end: input.endsAt };
  const shape = dateProblem(target, first, now);
  if (shape?.state === 'INVALID') throw fail('VALIDATION_FAILED', shape.message, { startsAt: shape.message });
  const { occurrences, skippedMonths } = expandSeries(first, input.repeat.every, input.repeat.count);
  const window = spanOf(occurrences);
  const heldResource = (await heldIntervals(prisma, [target.resource.id], window)).get(target.resource.id) ?? [];
  const heldDriver = target.driver
    ? ((await heldIntervals(prisma, [target.driver.id], window, 'driver')).get(target.driver.id) ?? [])
    : [];

  const dates = occurrences.map((o): SeriesDate & { occurrence: Occurrence } => {
    const problem = dateProblem(target, o, now);
    const taken = heldResource.some((h) => overlaps(h, o))
      ? ('resource' as const)
      : heldDriver.some((h) => overlaps(h, o))
        ? ('driver' as const)
        : null;
    const state: SeriesDateState = problem ? (problem.state === 'PAST' ? 'PAST' : 'CLOSED') : taken ? 'TAKEN' : 'AVAILABLE';
    return {
      occurrence: o,
      index: o.index,
      date: o.date,
      startsAt: o.start.toISOString(),
      endsAt: o.end.toISOString(),
      when: describeInterval(o),
      state,
      stateLabel: SERIES_DATE_STATE_LABELS[state],
      reason: problem?.message ?? (taken ? conflictMessage(taken, o) : null),
    };
  });
  return { dates, skippedMonths };
}

const present = ({ occurrence: _o, ...date }: SeriesDate & { occurrence: Occurrence }): SeriesDate => date;

/** POST /api/bookings/series/preview: the dates of the series and whether each can be asked. Writes nothing. */
export async function previewBookingSeries({ prisma }: Pick<BookingDeps, 'prisma'>, actor: Actor, input: RepeatedRequest) {
  const target = await bookingTarget(prisma, actor, input);
  const { dates, skippedMonths } = await checkDates(prisma, target, input, new Date());
  return {
    every: input.repeat.every,
    everyLabel: REPEAT_LABELS[input.repeat.every],
    count: input.repeat.count,
    dates: dates.map(present),
    skippedMonths,
  };
}

/** 「2026/12/22（此時段已被申請）、2027/01/05（不開放）」: the dates that cannot be asked. */
const listed = (dates: readonly SeriesDate[]) => dates.map((d) => `${d.date.replaceAll('-', '/')}（${d.stateLabel}）`).join('、');

/**
 * 重複借用 (POST /api/bookings with `repeat`): every date its own booking and its own workflow, written
 * in one transaction and sharing a series key (the first booking's key) and their place 1 … N. A date
 * that cannot be asked refuses the whole request (409, nothing written) unless `skipConflicts`, when the
 * free dates are booked and the others reported. A date taken between the check and the insert makes
 * the database refuse the transaction; the dates are then checked once more.
 */
export async function submitBookingSeries(deps: BookingDeps, actor: Actor, input: RepeatedRequest, ip?: string) {
  const { prisma } = deps;
  const target = await bookingTarget(prisma, actor, input);

  for (let attempt = 1; ; attempt++) {
    const now = new Date();
    const { dates, skippedMonths } = await checkDates(prisma, target, input, now);
    const free = dates.filter((d) => d.state === 'AVAILABLE');
    const refused = dates.filter((d) => d.state !== 'AVAILABLE').map(present);
    if (free.length === 0 || (refused.length > 0 && !input.skipConflicts)) {
      throw fail(
        'BOOKING_CONFLICT',
        free.length === 0 ? `所選日期皆無法申請：${listed(refused)}` : `下列日期無法申請：${listed(refused)}`,
        undefined,
        { conflicts: refused, canSkip: free.length > 0 },
      );
    }

    const rows = free.map((d) => bookingData(actor, input, target, d.occurrence, now));
    const seriesKey = rows[0]!.key;
    try {
      const written = await prisma.$transaction(async (tx) => {
        const out = [];
        for (const [i, data] of rows.entries()) {
          out.push(
            await tx.booking.create({
              data: { ...data, status: 'PENDING', seriesKey, seriesIndex: i + 1 },
              select: { id: true, key: true, workflowId: true, status: true, seriesIndex: true, startsAt: true },
            }),
          );
        }
        return out;
      });
      await startAll(deps, actor, target, input.kind, written);
      const booked = written.map((row, i) => ({
        key: row.key,
        seriesIndex: row.seriesIndex!,
        date: free[i]!.date,
        startsAt: free[i]!.startsAt,
        endsAt: free[i]!.endsAt,
        when: free[i]!.when,
        status: row.status,
        statusLabel: BOOKING_STATUS_LABELS[row.status],
      }));
      await recordUsage(prisma, {
        userId: actor.id,
        action: 'application.submit' satisfies UsageAction,
        target: `${BOOKING_REQUEST_TYPE_LABEL[input.kind]}（重複借用 ${REPEAT_LABELS[input.repeat.every]} ${booked.length} 次，${seriesKey}）`,
        detail: {
          seriesKey,
          resourceId: target.resource.id,
          every: input.repeat.every,
          keys: booked.map((b) => b.key),
          skipped: refused.map((d) => d.date),
        },
        ip: ip ?? null,
      });
      return { seriesKey, booked, skipped: refused, skippedMonths };
    } catch (error) {
      const conflict = bookingConflict(error);
      if (!conflict || attempt >= 2) {
        if (conflict) throw fail('BOOKING_CONFLICT', '此時段已被申請，請重新查詢後再送出');
        throw error;
      }
    }
  }
}

/**
 * Each booking's own workflow, in date order. If Temporal refuses one, that booking and the ones not
 * yet started go (their slots with them); those already started go on as bookings of their own.
 */
async function startAll(
  deps: BookingDeps,
  actor: Actor,
  target: BookingTarget,
  kind: 'VENUE' | 'CAR',
  rows: readonly { id: string; workflowId: string; status: BookingStatusCode; startsAt: Date }[],
) {
  for (const [i, row] of rows.entries()) {
    const rest = rows.slice(i).map((r) => r.id);
    await startBookingWorkflow(deps, actor, target, { ...row, kind }, () =>
      deps.prisma.booking.deleteMany({ where: { id: { in: rest } } }),
    );
  }
}
