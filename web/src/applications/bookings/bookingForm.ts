// 申請資訊's values and the checks the page makes before sending (the server checks them again).
import type { BookingKind, NewBooking } from './api';
import { KIND_WORDS } from './words';

export interface BookingFormValues {
  endsAt: string;
  phone: string;
  phoneExt: string;
  headcount: string;
  reason: string;
  host: string;
  destination: string;
  /** 派遣司機: 是 (a driver) or 否，我要自駕. */
  dispatch: 'yes' | 'no';
  driverId: string;
}

export type BookingFormErrors = Partial<Record<keyof BookingFormValues, string>>;

export const emptyBookingForm = (phone = '', phoneExt = ''): BookingFormValues => ({
  endsAt: '',
  phone,
  phoneExt,
  headcount: '',
  reason: '',
  host: '',
  destination: '',
  dispatch: 'no',
  driverId: '',
});

/** The problems of the form as the user would fix them, field by field (empty: none). */
export function bookingFormErrors(kind: BookingKind, values: BookingFormValues, capacity: number | null): BookingFormErrors {
  const words = KIND_WORDS[kind];
  const errors: BookingFormErrors = {};
  if (!values.endsAt) errors.endsAt = '請選擇結束時段';
  if (!values.phone.trim()) errors.phone = '請輸入登記者公務電話';
  if (!values.phoneExt.trim()) errors.phoneExt = '請輸入登記者分機';
  const headcount = values.headcount.trim();
  if (!/^\d{1,4}$/.test(headcount)) errors.headcount = `請輸入${words.headcount}`;
  else if (capacity !== null && Number(headcount) > capacity)
    errors.headcount = `${words.headcount}不可超過${words.capacity}（${capacity} 人）`;
  if (!values.reason.trim()) errors.reason = '請輸入申請事由';
  if (kind === 'VENUE' && !values.host.trim()) errors.host = '請輸入主持人';
  if (kind === 'CAR' && !values.destination.trim()) errors.destination = '請輸入目的地';
  if (kind === 'CAR' && values.dispatch === 'yes' && !values.driverId) errors.driverId = '請選擇派遣司機';
  return errors;
}

/** The body of POST /api/bookings for the chosen resource and start. */
export function bookingRequest(
  kind: BookingKind,
  resourceId: string,
  startsAt: string,
  values: BookingFormValues,
  waitlist = false,
): NewBooking {
  const common = {
    kind,
    resourceId,
    startsAt,
    endsAt: values.endsAt,
    phone: values.phone.trim(),
    phoneExt: values.phoneExt.trim(),
    headcount: Number(values.headcount.trim()),
    reason: values.reason.trim(),
    ...(waitlist ? { waitlist: true } : {}),
  };
  if (kind === 'VENUE') return { ...common, host: values.host.trim() };
  return {
    ...common,
    destination: values.destination.trim(),
    selfDrive: values.dispatch === 'no',
    ...(values.dispatch === 'yes' ? { driverId: values.driverId } : {}),
  };
}
