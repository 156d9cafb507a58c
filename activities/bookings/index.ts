import type { Prisma } from '@prisma/client';
import { type BookingStatus, type PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import { describeInterval, taipeiParts } from '../../domain/bookings/slots';
import { bookingConflict } from '../../infra/db/booking-conflict';
import { mailPath } from '../../domain/mail-links';
import { mailAddressOf } from '../../infra/db/accounts';
import type { createMailActivities } from '../mail';
import type { createSmsActivities } from '../sms';
import { bookingRequestRecord } from '../../domain/bookings/request-record';
import type { SystemParameterKey } from '../../domain/system-parameters';
import { BOOKING_REQUEST_TYPE_LABEL, type BookingKind } from '../../workflows/booking.messages';
import type { DbActivities } from '../db';
import type { SendMailInput } from '../mail';

interface Deps {
  prisma: PrismaClient;
  mail: Pick<ReturnType<typeof createMailActivities>, 'sendMail'>;
  sms: Pick<ReturnType<typeof createSmsActivities>, 'sendSms'>;
  db: Pick<DbActivities, 'recordRequest' | 'getSystemParameters'>;
}

// What each step reads of the booking, and no more (each relation is a query of its own).
const place = { location: true } satisfies Prisma.ResourceInclude;
/** loadBooking: the names the workflow records (no contact details but the applicant's address). */
const forRecord = {
  resource: { include: { ...place, agency: true } },
  driver: true,
  applicant: true,
  unit: true,
} satisfies Prisma.BookingInclude;
/** The custodians' notices. */
const forCustodians = {
  resource: { include: { ...place, custodian1: true, custodian2: true } },
  applicant: true,
  unit: true,
} satisfies Prisma.BookingInclude;
/** The driver's SMS and their 管理人's mail. */
const forDriver = {
  resource: { include: place },
  driver: { include: { custodian1: true, custodian2: true } },
  applicant: true,
  unit: true,
} satisfies Prisma.BookingInclude;

/** 10樓專用小禮堂 (民治市政中心 10樓) or 小客車 RRR-000 — how mails and the inbox name the resource. */
export function resourceTitle(r: {
  kind: string;
  name: string;
  vehicleType: string | null;
  floor: string | null;
  location: { name: string };
}) {
  return r.kind === 'CAR'
    ? `${r.vehicleType ?? ''} ${r.name}`.trim()
    : `${r.name}（${r.location.name}${r.floor ? ` ${r.floor}` : ''}）`;
}

const addressesOf = (...users: ({ account: string; officialMail: boolean; backupEmail: string | null } | null)[]) => [
  ...new Set(users.map((u) => (u ? mailAddressOf(u) : null)).filter((a): a is string => Boolean(a))),
];

/**
 * Side effects of 場地借用 / 公務車借用: the booking row's status (which holds or releases the slot under
 * the exclusion constraints), the waiting list, and the notices to custodians, applicant and driver.
 * Inputs are ids and kinds; every mail and SMS is keyed so a retried activity sends it once.
 */
export function createBookingActivities({ prisma, mail, sms, db }: Deps) {
  async function booking<I extends Prisma.BookingInclude>(bookingId: string, include: I) {
    const row = await prisma.booking.findUnique({ where: { id: bookingId }, include });
    if (!row) throw ApplicationFailure.nonRetryable(`找不到借用申請 ${bookingId}`, 'BookingMissing');
    return row as Prisma.BookingGetPayload<{ include: I }>;
  }

  const when = (b: { startsAt: Date; endsAt: Date }) => describeInterval({ start: b.startsAt, end: b.endsAt });

  /** What the workflow records and shows: names, times, the deciding agency; no contact details. */
  async function loadBooking({ bookingId }: { bookingId: string }) {
    const b = await booking(bookingId, forRecord);
    // A series is written in one transaction before any of its workflows starts: the count is final.
    const seriesCount = b.seriesKey ? await prisma.booking.count({ where: { seriesKey: b.seriesKey } }) : null;
    return {
      key: b.key,
      kind: b.kind as BookingKind,
      status: b.status,
      resourceId: b.resourceId,
      resourceTitle: resourceTitle(b.resource),
      agencyId: b.resource.agencyId,
      agencyCode: b.resource.agency.code,
      applicantUserId: b.applicantUserId,
      applicantAccount: b.applicant.account,
      applicantName: b.applicant.name,
      applicantEmail: b.applicant.backupEmail ?? mailAddressOf(b.applicant),
      unitName: b.unit.name,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      /** 借用日期 in Taipei (the inbox filters on it). */
      date: taipeiParts(b.startsAt).date,
      when: when(b),
      headcount: b.headcount,
      host: b.host,
      reason: b.reason,
      destination: b.destination,
      driverName: b.driver?.name ?? null,
      selfDrive: b.selfDrive,
      /** 重複借用: the series' key, this booking's place in it and how many it has. */
      seriesKey: b.seriesKey,
      seriesIndex: b.seriesIndex,
      seriesCount,
    };
  }

  /** 場地借用審核 / 公務車借用審核: the resource's custodians are told of a request, reminded, or told it was cancelled. */
  async function notifyCustodians(input: {
    workflowId: string;
    bookingId: string;
    requestId: string;
    kind: 'submitted' | 'reminder' | 'cancelled';
  }) {
    const b = await booking(input.bookingId, forCustodians);
    const kind = b.kind as BookingKind;
    const to = addressesOf(b.resource.custodian1, b.resource.custodian2);
    for (const address of to) {
      await mail.sendMail({
        key: `${input.workflowId}:custodians:${input.kind}:${address}`,
        to: address,
        template: 'bookingForCustodian',
        data: {
          kind: input.kind,
          requestType: BOOKING_REQUEST_TYPE_LABEL[kind],
          resource: resourceTitle(b.resource),
          when: when(b),
          applicantName: b.applicant.name,
          unitName: b.unit.name,
          reason: b.reason,
          inboxUrl: mailPath(kind === 'VENUE' ? 'venueBookingReview' : 'carBookingReview', input.requestId),
        },
      });
    }
    return { notified: to.length };
  }

  return {
    loadBooking,

    /**
     * The opening of a booking's workflow in one step (a local activity): the booking as loadBooking
     * reads it, its read-model row (as recordRequest writes it, from the workflow's start time) and the
     * review's system parameters. Each part is idempotent, so a retry repeats it harmlessly.
     */
    async openBooking(input: {
      bookingId: string;
      workflowId: string;
      /** The workflow's start time: a retry writes the same createdAt. */
      createdAt: string;
      parameters: SystemParameterKey[];
    }) {
      const b = await loadBooking({ bookingId: input.bookingId });
      const { requestId } = await db.recordRequest(bookingRequestRecord(b.kind, b, input));
      return { booking: b, requestId, parameters: await db.getSystemParameters(input.parameters) };
    },

    /**
     * Moves the booking to a status, from the ones given (idempotent: already there is fine). Leaving
     * PENDING/APPROVED releases the slot; the database then lets a competing request hold it.
     */
    async setBookingStatus(input: {
      bookingId: string;
      to: BookingStatus;
      from: BookingStatus[];
      actorUserId?: string;
      comment?: string;
    }): Promise<{ changed: boolean }> {
      const now = new Date();
      const data: Prisma.BookingUpdateManyMutationInput = { status: input.to };
      if (input.to === 'APPROVED' || input.to === 'REJECTED') {
        Object.assign(data, { decidedById: input.actorUserId ?? null, decidedAt: now, reviewComment: input.comment || null });
      }
      if (input.to === 'CANCELLED')
        Object.assign(data, { cancelledById: input.actorUserId ?? null, cancelledAt: now, cancelReason: input.comment || null });
      const { count } = await prisma.booking.updateMany({ where: { id: input.bookingId, status: { in: input.from } }, data });
      if (count === 1) return { changed: true };
      const current = await prisma.booking.findUnique({ where: { id: input.bookingId }, select: { status: true } });
      if (current?.status === input.to) return { changed: false };
      throw ApplicationFailure.nonRetryable(`借用申請狀態為 ${current?.status}，無法改為 ${input.to}`, 'BookingStatusConflict');
    },

    /**
     * The waiting list: after a booking released its slot, each waiting request for the same resource
     * whose time overlaps it, oldest first, is offered the slot when the database lets it hold it now
     * (another booking may still cover part of its time). Returns the workflows to tell.
     */
    async promoteWaitlisted({ bookingId }: { bookingId: string }): Promise<{ workflowIds: string[] }> {
      const released = await prisma.booking.findUnique({ where: { id: bookingId } });
      if (!released) return { workflowIds: [] };
      const waiting = await prisma.booking.findMany({
        where: {
          resourceId: released.resourceId,
          status: 'WAITLISTED',
          startsAt: { lt: released.endsAt, gt: new Date() },
          endsAt: { gt: released.startsAt },
        },
        orderBy: { createdAt: 'asc' },
        select: { id: true, workflowId: true },
      });
      const workflowIds: string[] = [];
      for (const w of waiting) {
        try {
          const { count } = await prisma.booking.updateMany({
            where: { id: w.id, status: 'WAITLISTED' },
            data: { status: 'PENDING' },
          });
          if (count === 1) workflowIds.push(w.workflowId);
        } catch (error) {
          // Still overlapped by another holding booking (or its driver is taken): it waits on.
          if (!bookingConflict(error)) throw error;
        }
      }
      return { workflowIds };
    },

    notifyCustodians,

    /**
     * The two 已送出 notices in one step: the custodians' (as notifyCustodians 'submitted') and the
     * applicant's mail the workflow composed (absent when they have no address). Both are tried in
     * each attempt, neither waiting for the other; a retry sends only what the outbox has not sent.
     */
    async notifySubmitted(input: {
      workflowId: string;
      bookingId: string;
      requestId: string;
      applicantMail: SendMailInput | null;
    }) {
      const [custodians, applicant] = await Promise.allSettled([
        notifyCustodians({ ...input, kind: 'submitted' }),
        input.applicantMail ? mail.sendMail(input.applicantMail) : Promise.resolve(null),
      ]);
      for (const r of [custodians, applicant]) if (r.status === 'rejected') throw r.reason;
      return { notified: custodians.status === 'fulfilled' ? custodians.value.notified : 0, applicant: !!input.applicantMail };
    },

    /**
     * 派遣司機: the driver gets an SMS on their 聯絡電話 and their 管理人 a mail — when dispatched, and
     * again if the booking is cancelled afterwards.
     */
    async notifyDriver(input: { workflowId: string; bookingId: string; kind: 'dispatched' | 'cancelled' }) {
      const b = await booking(input.bookingId, forDriver);
      if (!b.driver) return { sms: false, mails: 0 };
      const what = `${resourceTitle(b.resource)} ${when(b)}`;
      const body =
        input.kind === 'dispatched'
          ? `【臺南市政府公務入口網】派遣通知：${what}，目的地 ${b.destination ?? ''}，申請人 ${b.applicant.name} ${b.phone}${b.phoneExt ? `#${b.phoneExt}` : ''}。`
          : `【臺南市政府公務入口網】派遣取消：${what} 的派遣已取消。`;
      let sent = false;
      if (b.driver.phone) {
        await sms.sendSms({ key: `${input.workflowId}:driver:${input.kind}`, to: b.driver.phone, body });
        sent = true;
      }
      const to = addressesOf(b.driver.custodian1, b.driver.custodian2);
      for (const address of to) {
        await mail.sendMail({
          key: `${input.workflowId}:driver-managers:${input.kind}:${address}`,
          to: address,
          template: 'driverDispatch',
          data: {
            kind: input.kind,
            driverName: b.driver.name,
            car: resourceTitle(b.resource),
            when: when(b),
            destination: b.destination ?? '',
            applicantName: b.applicant.name,
            unitName: b.unit.name,
          },
        });
      }
      return { sms: sent, mails: to.length };
    },
  };
}

export type BookingActivities = ReturnType<typeof createBookingActivities>;
