import { bookingProcess } from './booking';
import type { BookingInput, BookingState } from './booking.messages';

/** 公務車借用申請 (manual 圖 16): decided by the car's custodians in 物品管理 › 公務車借用審核; the driver is told. */
export async function carBooking(input: BookingInput): Promise<BookingState> {
  return bookingProcess('CAR', input);
}
