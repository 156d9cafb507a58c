import { BookingPage } from './BookingPage';

/** 線上申請作業 › 公務車借用登記 (manual 第二章第三節 捌 三). */
export default function CarBookingsPage() {
  return <BookingPage kind="CAR" />;
}
