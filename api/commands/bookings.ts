import crypto from 'node:crypto';
import type { PrismaClient, Resource } from '@prisma/client';
import { mayBook } from '../../domain/bookings/eligibility';
import {
  describeInterval,
  intervalProblem,
  parseOpenHours,
  taipeiParts,
  type Interval,
  type OpenHours,
} from '../../domain/bookings/slots';
import { cancelProblem } from '../../domain/bookings/cancel';
import { BOOKING_STATUS_LABELS, type BookingStatusCode } from '../../domain/bookings/labels';
import type { BookingRequest } from '../../domain/schemas/booking';
import type { UsageAction } from '../../domain/usage-actions';
import { bookingConflict } from '../../infra/db/booking-conflict';
import {
  BOOKING_REQUEST_TYPE_LABEL,
  BOOKING_WORKFLOW_TASK_TIMEOUT,
  bookingWorkflowId,
  cancelBookingUpdate,
  decideBookingUpdate,
  type BookingCancelInput,
  type BookingDecideInput,
} from '../../workflows/booking.messages';
import { carBooking } from '../../workflows/car-booking';
import { venueBooking } from '../../workflows/venue-booking';
import { fail, invalidField } from '../errors';
import { authorize, decidingActor, type Action, type Actor } from '../policies';
import type { Temporal } from '../temporal';
import { startRequestWorkflow } from './request-workflow';
import { updateRefusal } from './update-refusal';
import { recordUsage } from './usage';

export interface BookingDeps {
  prisma: PrismaClient;
  temporal: Temporal;
}

const WORDS = {
  VENUE: { noun: '場地', headcount: '與會人數', limit: '容納人數', prefix: 'VB', requestType: 'VENUE_BOOKING' },
  CAR: { noun: '公務車', headcount: '乘坐人數(不含司機)', limit: '乘客人數上限', prefix: 'CB', requestType: 'CAR_BOOKING' },
} as const;

/** VB-20261208-7K3FQX: the kind, the day it was asked, six characters no one guesses. */
function bookingKey(kind: 'VENUE' | 'CAR', now: Date) {
  const day = taipeiParts(now).date.replaceAll('-', '');
  const tail = Array.from(crypto.randomBytes(6), (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');
  return `${WORDS[kind].prefix}-${day}-${tail}`;
}

const invalid = invalidField;

async function bookable(prisma: PrismaClient, id: string, kind: Resource['kind']) {
  const row = await prisma.resource.findFirst({
    where: { id, kind, deletedAt: null },
    include: { allowedAgencies: true, agency: { select: { code: true } } },
  });
  return row && { ...row, allowedAgencyIds: row.allowedAgencies.map((a) => a.agencyId) };
}

/** What a request asks for, checked once whether it is one date or a series: the resource and driver. */
export interface BookingTarget {
  resource: NonNullable<Awaited<ReturnType<typeof bookable>>>;
  openHours: OpenHours;
  /** 派遣司機 是: the driver and the hours they keep. */
  driver: { id: string; openHours: OpenHours } | null;
}

/**
 * The checks of a request that do not depend on its date: the resource is there and public, 允許借用機關,
 * 容納人數 / 乘客人數上限, a bound driver the agency may have dispatched. Throws the zh-TW refusal.
 */
export async function bookingTarget(prisma: PrismaClient, actor: Actor, input: BookingRequest): Promise<BookingTarget> {
  const words = WORDS[input.kind];
  const resource = await bookable(prisma, input.resourceId, input.kind);
  if (!resource || !resource.isPublic) throw fail('NOT_FOUND', `找不到此${words.noun}`);
  if (!mayBook(resource, actor.agencyId)) throw fail('FORBIDDEN', `貴機關不在此${words.noun}的允許借用機關內`);
  if (resource.capacity !== null && input.headcount > resource.capacity) {
    throw invalid('headcount', `${words.headcount}不可超過${words.limit}（${resource.capacity} 人）`);
  }
  let driver: BookingTarget['driver'] = null;
  if (input.kind === 'CAR' && !input.selfDrive) {
    const row = await bookable(prisma, input.driverId!, 'DRIVER');
    const bound =
      row && (await prisma.carDriver.findUnique({ where: { carId_driverId: { carId: resource.id, driverId: row.id } } }));
    if (!row || !bound || !mayBook(row, actor.agencyId)) throw invalid('driverId', '所選司機無法派遣，請重新選擇派遣司機');
    driver = { id: row.id, openHours: parseOpenHours(row.openHours) };
  }
  return { resource, openHours: parseOpenHours(resource.openHours), driver };
}

/**
 * Why one date cannot be asked, before other bookings: not a slot at all (INVALID: not whole hours, ends
 * before it starts), 已過去, or 不開放 (the resource's or the driver's hours).
 */
export interface DateProblem {
  state: 'INVALID' | 'PAST' | 'CLOSED';
  field: 'startsAt' | 'driverId';
  message: string;
}

/** Open around the clock, asked from the beginning of time: what is left is the interval's own shape. */
const ALL_DAY: OpenHours = Array.from({ length: 7 }, () => ({ open: 0, close: 24 * 60 }));
const EPOCH = new Date(0);

export function dateProblem(target: BookingTarget, interval: Interval, now: Date): DateProblem | null {
  const problem = intervalProblem(target.openHours, interval, now);
  if (problem) {
    const state = intervalProblem(ALL_DAY, interval, EPOCH) ? 'INVALID' : interval.start < now ? 'PAST' : 'CLOSED';
    return { state, field: 'startsAt', message: problem };
  }
  // A driver keeps hours of their own (the drivers offered were free within them).
  const off = target.driver && intervalProblem(target.driver.openHours, interval, now);
  if (off)
    return { state: 'CLOSED', field: 'driverId', message: `所選司機於此時段不提供派遣（${off.replace(/^.*（|）$/g, '')}）` };
  return null;
}

/** 此時段已被申請 as the applicant is told it: the resource is held then, or the driver is dispatched. */
export function conflictMessage(conflict: 'resource' | 'driver', interval: Interval) {
  const when = describeInterval(interval);
  return conflict === 'driver'
    ? `此時段已被申請：所選派遣司機於 ${when} 已有派遣，請改選其他司機或時段`
    : `此時段已被申請（${when}）`;
}

/** The row of one date of a request (its key, its workflow); status and series are the caller's. */
export function bookingData(actor: Actor, input: BookingRequest, target: BookingTarget, interval: Interval, now: Date) {
  const key = bookingKey(input.kind, now);
  return {
    key,
    workflowId: bookingWorkflowId(input.kind, key),
    kind: input.kind,
    resourceId: target.resource.id,
    driverId: target.driver?.id ?? null,
    selfDrive: input.kind === 'CAR' && input.selfDrive,
    startsAt: interval.start,
    endsAt: interval.end,
    applicantUserId: actor.id,
    unitId: actor.organizationId,
    agencyId: actor.agencyId,
    phone: input.phone,
    phoneExt: input.phoneExt ?? '',
    headcount: input.headcount,
    host: input.kind === 'VENUE' ? input.host : null,
    destination: input.kind === 'CAR' ? input.destination : null,
    reason: input.reason,
  };
}

/** Starts a written booking's workflow; if Temporal refuses, `release` lets its row (and slot) go. */
export function startBookingWorkflow(
  deps: BookingDeps,
  actor: Actor,
  target: BookingTarget,
  row: { id: string; workflowId: string; kind: 'VENUE' | 'CAR'; status: BookingStatusCode; startsAt: Date },
  release: () => Promise<unknown>,
) {
  return startRequestWorkflow(
    deps,
    row,
    row.kind === 'VENUE' ? venueBooking : carBooking,
    {
      args: [
        {
          bookingId: row.id,
          applicantUserId: actor.id,
          status: row.status as 'PENDING' | 'WAITLISTED',
          startsAt: row.startsAt.toISOString(),
        },
      ],
      workflowTaskTimeout: BOOKING_WORKFLOW_TASK_TIMEOUT,
    },
    {
      requestType: WORDS[row.kind].requestType,
      agencyCode: target.resource.agency.code,
      applicantAccount: actor.account,
      status: row.status,
    },
    release,
  );
}

/**
 * 場地借用申請 / 公務車借用登記 (儲存 / 確定申請): checks the request against the resource — 允許借用機關,
 * 開放借用時間, not past, 容納人數 / 乘客人數上限, a free bound driver — then writes the booking, which
 * holds the slot: the database refuses an overlapping one (「此時段已被申請」), or, asked to, keeps
 * it 候補中. Then the booking's workflow starts; if Temporal refuses, the row goes and the slot with it.
 * A request with `repeat` is a series (api/commands/booking-series.ts).
 */
export async function submitBooking(deps: BookingDeps, actor: Actor, input: BookingRequest, ip?: string) {
  const { prisma } = deps;
  const now = new Date();
  const target = await bookingTarget(prisma, actor, input);
  const interval = { start: input.startsAt, end: input.endsAt };
  const problem = dateProblem(target, interval, now);
  if (problem) throw invalid(problem.field, problem.message);

  const data = bookingData(actor, input, target, interval, now);
  let row;
  try {
    row = await prisma.booking.create({ data: { ...data, status: 'PENDING' } });
  } catch (error) {
    const conflict = bookingConflict(error);
    if (!conflict) throw error;
    if (!input.waitlist) {
      throw fail('BOOKING_CONFLICT', conflictMessage(conflict, interval), undefined, {
        canWaitlist: conflict === 'resource',
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
      });
    }
    row = await prisma.booking.create({ data: { ...data, status: 'WAITLISTED' } });
  }
  await startBookingWorkflow(deps, actor, target, { ...row, kind: input.kind }, () =>
    prisma.booking.delete({ where: { id: row.id } }),
  );
  await recordUsage(prisma, {
    userId: actor.id,
    action: 'application.submit' satisfies UsageAction,
    target: `${BOOKING_REQUEST_TYPE_LABEL[input.kind]}（${data.key}）`,
    detail: {
      key: data.key,
      resourceId: target.resource.id,
      startsAt: input.startsAt.toISOString(),
      endsAt: input.endsAt.toISOString(),
    },
    ip: ip ?? null,
  });
  return { key: data.key, status: row.status, statusLabel: BOOKING_STATUS_LABELS[row.status] };
}

/** A booking as the cancel routes load it: what the policies read, and its workflow. */
async function bookingFor(prisma: PrismaClient, where: { key: string } | { workflowId: string }) {
  const b = await prisma.booking.findUnique({
    where,
    include: { resource: { select: { agencyId: true, custodian1Id: true, custodian2Id: true } } },
  });
  if (!b) throw fail('NOT_FOUND', '找不到此借用申請');
  return { ...b, agencyId: b.resource.agencyId, custodianIds: [b.resource.custodian1Id, b.resource.custodian2Id] };
}

/**
 * The refusals the row can give before asking the workflow (which may have finished: a cancelled or
 * rejected booking's workflow ends, and a finished one cannot be asked).
 */
function requireCancellable(b: { status: BookingStatusCode; startsAt: Date }, by: BookingCancelInput['by']) {
  const problem = cancelProblem(b.status, b.startsAt, by, new Date());
  if (problem) throw fail('BOOKING_NOT_CANCELLABLE', problem);
}

async function cancelInWorkflow(deps: BookingDeps, workflowId: string, input: BookingCancelInput) {
  const handle = deps.temporal.client.workflow.getHandle(workflowId);
  return handle.executeUpdate(cancelBookingUpdate, { args: [input] }).catch(updateRefusal());
}

/** 取消申請: the applicant's own booking, before it starts. */
export async function cancelBooking(deps: BookingDeps, actor: Actor, key: string, reason: string | undefined, ip?: string) {
  const b = await bookingFor(deps.prisma, { key });
  // Someone else's booking is as good as absent to them.
  if (b.applicantUserId !== actor.id) throw fail('NOT_FOUND', '找不到此借用申請');
  authorize(actor, 'booking.cancel', b);
  requireCancellable(b, 'APPLICANT');
  const state = await cancelInWorkflow(deps, b.workflowId, {
    by: 'APPLICANT',
    actor: { userId: actor.id, account: actor.account, name: actor.name },
    reason,
  });
  await recordUsage(deps.prisma, {
    userId: actor.id,
    action: 'application.cancel' satisfies UsageAction,
    target: `借用申請（${key}）`,
    ip: ip ?? null,
  });
  return { key, status: state.status, statusLabel: BOOKING_STATUS_LABELS[state.status] };
}

/** 取消借用: a custodian withdraws an approved booking, with a reason the applicant is mailed. */
export async function revokeBooking(
  deps: BookingDeps,
  actor: Actor,
  request: { id: string; type: 'VENUE_BOOKING' | 'CAR_BOOKING' },
  action: Action,
  reason: string,
  ip?: string,
) {
  const row = await deps.prisma.request.findFirst({
    where: request,
    select: { workflowId: true, agencyId: true, resource: { select: { custodian1Id: true, custodian2Id: true } } },
  });
  if (!row) throw fail('NOT_FOUND', '找不到此借用申請');
  // Whether the actor may, from the request row, before anything about the booking is read.
  authorize(actor, action, {
    agencyId: row.agencyId,
    custodianIds: [row.resource?.custodian1Id ?? null, row.resource?.custodian2Id ?? null],
  });
  const b = await bookingFor(deps.prisma, { workflowId: row.workflowId });
  requireCancellable(b, 'CUSTODIAN');
  const state = await cancelInWorkflow(deps, b.workflowId, { by: 'CUSTODIAN', actor: decidingActor(actor, action, b), reason });
  await recordUsage(deps.prisma, {
    userId: actor.id,
    action: 'application.cancel' satisfies UsageAction,
    target: `借用申請（${b.key}）`,
    detail: { reason },
    ip: ip ?? null,
  });
  return { status: state.status, statusLabel: BOOKING_STATUS_LABELS[state.status] };
}

/** 通過 / 駁回 (審核說明) from 場地借用審核 / 公務車借用審核; the workflow refuses a second decision. */
export async function decideBooking(deps: Pick<BookingDeps, 'temporal'>, workflowId: string, input: BookingDecideInput) {
  const handle = deps.temporal.client.workflow.getHandle(workflowId);
  return handle.executeUpdate(decideBookingUpdate, { args: [input] }).catch(updateRefusal());
}
