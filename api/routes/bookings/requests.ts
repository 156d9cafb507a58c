import { Router } from 'express';
import { z } from 'zod';
import { bookingSchema, cancelBookingSchema } from '../../../domain/schemas/booking';
import { cancelBooking, submitBooking, type BookingDeps } from '../../commands/bookings';
import { authorized, body } from '../../request-body';

const submit = body(bookingSchema);
const cancel = body(cancelBookingSchema);
const keyParams = z.object({ key: z.string().regex(/^[VC]B-\d{8}-[A-Z0-9]{6}$/, '借用申請編號格式錯誤') });

/**
 * The write side of 場地借用申請 / 公務車借用登記 (/api/bookings):
 *   POST /              儲存 / 確定申請 → 201 { key, status, statusLabel }; 409 BOOKING_CONFLICT 「此時段已被申請」
 *   POST /:key/cancel   取消申請 (the applicant's own, before the start)
 */
export function bookingRequestRoutes(deps: BookingDeps) {
  const router = Router();

  router.post('/', authorized('booking.request'), submit, async (req, res) => {
    res.status(201).json(await submitBooking(deps, req.actor!, submit.of(req), req.ip));
  });

  router.post('/:key/cancel', authorized('booking.request'), cancel, async (req, res) => {
    const { key } = keyParams.parse(req.params);
    res.json(await cancelBooking(deps, req.actor!, key, cancel.of(req).reason, req.ip));
  });

  return router;
}
