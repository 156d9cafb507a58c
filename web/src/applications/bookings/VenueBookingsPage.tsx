import { BookingPage } from './BookingPage';

/** 線上申請作業 › 場地借用申請 (manual 第二章第三節 捌 二). */
export default function VenueBookingsPage() {
  return <BookingPage kind="VENUE" />;
}
