import { Router } from 'express';
import { z } from 'zod';
import { bookingSchema, bookingSeriesPreviewSchema, cancelBookingSchema } from '../../../domain/schemas/booking';
import { previewBookingSeries, submitBookingSeries } from '../../commands/booking-series';
import { cancelBooking, submitBooking, type BookingDeps } from '../../commands/bookings';
import { authorized, body } from '../../request-body';

const submit = body(bookingSchema);
const preview = body(bookingSeriesPreviewSchema);
const cancel = body(cancelBookingSchema);
const keyParams = z.object({ key: z.string().regex(/^[VC]B-\d{8}-[A-Z0-9]{6}$/, '借用申請編號格式錯誤') });

/**
 * The write side of 場地借用申請 / 公務車借用登記 (/api/bookings):
 *   POST /              儲存 / 確定申請 → 201 { key, status, statusLabel }; 409 BOOKING_CONFLICT 「此時段已被申請」;
 *                       with `repeat` (重複借用) → 201 { seriesKey, booked, skipped, skippedMonths }
 *   POST /series/preview the dates of a 重複借用 and whether each can be asked (writes nothing)
 *   POST /:key/cancel   取消申請 (the applicant's own, before the start)
 */
export function bookingRequestRoutes(deps: BookingDeps) {
  const router = Router();

  router.post('/', authorized('booking.request'), submit, async (req, res) => {
    const input = submit.of(req);
    const { repeat } = input;
    res
      .status(201)
      .json(
        repeat
          ? await submitBookingSeries(deps, req.actor!, { ...input, repeat }, req.ip)
          : await submitBooking(deps, req.actor!, input, req.ip),
      );
  });

  router.post('/series/preview', authorized('booking.request'), preview, async (req, res) => {
    const input = preview.of(req);
    res.json(await previewBookingSeries(deps, req.actor!, { ...input, repeat: input.repeat! }));
  });

  router.post('/:key/cancel', authorized('booking.request'), cancel, async (req, res) => {
    const { key } = keyParams.parse(req.params);
    res.json(await cancelBooking(deps, req.actor!, key, cancel.of(req).reason, req.ip));
  });

  return router;
}
