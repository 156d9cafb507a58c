import crypto from 'node:crypto';
import type { BookingStatus, PrismaClient, Resource, User } from '@prisma/client';
import { taipeiInstant } from '../../domain/bookings/slots';

/**
 * A booking straight into the database (as the venueBooking / carBooking workflows would record it),
 * for suites that test what a booking shows rather than how it is made: `date` is a Taipei date and
 * `from`/`to` whole hours of it.
 */
export async function insertBooking(
  prisma: PrismaClient,
  resource: Pick<Resource, 'id' | 'kind'>,
  applicant: Pick<User, 'id' | 'organizationId'>,
  slot: { date: string; from: number; to: number },
  extra: {
    status?: BookingStatus;
    driverId?: string;
    host?: string;
    destination?: string;
    reason?: string;
    phoneExt?: string;
    headcount?: number;
  } = {},
) {
  const car = resource.kind === 'CAR';
  const key = `${car ? 'CB' : 'VB'}${crypto.randomBytes(5).toString('hex').toUpperCase()}`;
  const unit = await prisma.organization.findUniqueOrThrow({ where: { id: applicant.organizationId } });
  return prisma.booking.create({
    data: {
      key,
      workflowId: `${car ? 'car' : 'venue'}-booking-${key}`,
      kind: resource.kind,
      resourceId: resource.id,
      driverId: extra.driverId ?? null,
      startsAt: taipeiInstant(slot.date, slot.from * 60),
      endsAt: taipeiInstant(slot.date, slot.to * 60),
      status: extra.status ?? 'PENDING',
      applicantUserId: applicant.id,
      unitId: applicant.organizationId,
      agencyId: unit.agencyId ?? unit.id,
      phone: '2991111',
      phoneExt: extra.phoneExt ?? '123',
      headcount: extra.headcount ?? 5,
      host: extra.host ?? (car ? null : '王主任'),
      destination: extra.destination ?? (car ? '民治市政中心' : null),
      reason: extra.reason ?? '業務會議',
    },
  });
}
