import { ROUTES } from '../../routes/paths';
import { BookingReviewsPage } from './BookingReviewsPage';

const paths = {
  title: ROUTES.consoleCarBookings.title,
  listPath: ROUTES.consoleCarBookings.path,
  detailTitle: ROUTES.consoleCarBooking.title,
};

/** 物品管理 › 公務車借用審核. */
export default function CarBookingReviewsPage() {
  return <BookingReviewsPage kind="CAR" paths={paths} />;
}
