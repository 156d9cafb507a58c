import { ROUTES } from '../../routes/paths';
import { BookingReviewsPage } from './BookingReviewsPage';

const paths = {
  title: ROUTES.consoleVenueBookings.title,
  listPath: ROUTES.consoleVenueBookings.path,
  detailTitle: ROUTES.consoleVenueBooking.title,
};

/** 物品管理 › 場地借用審核. */
export default function VenueBookingReviewsPage() {
  return <BookingReviewsPage kind="VENUE" paths={paths} />;
}
