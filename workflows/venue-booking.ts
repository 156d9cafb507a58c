import { bookingProcess } from './booking';
import type { BookingInput, BookingState } from './booking.messages';

/** 場地借用申請 (manual 圖 15): decided by the venue's custodians in 物品管理 › 場地借用審核. */
export async function venueBooking(input: BookingInput): Promise<BookingState> {
  return bookingProcess('VENUE', input);
}
