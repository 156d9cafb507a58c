// 申請資訊's values and the checks the page makes before sending (the server checks them again).
import { SERIES_MAX, SERIES_MIN, type RepeatEvery } from '../../../../domain/bookings/series';
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
  /** 重複: 不重複, 每週 or 每月, and 次數 (the first date counted). */
  repeat: 'NONE' | RepeatEvery;
  repeatCount: string;
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
  repeat: 'NONE',
  repeatCount: '4',
});

/** 次數's choices: 2 … 12. */
export const REPEAT_COUNTS = Array.from({ length: SERIES_MAX - SERIES_MIN + 1 }, (_, i) => String(i + SERIES_MIN));

/** The server's field names that are the form's own under another name (重複's 次數 and 方式). */
export function formFieldErrors(fields: Record<string, string>): BookingFormErrors {
  const { 'repeat.count': count, 'repeat.every': every, repeat, ...rest } = fields;
  return {
    ...(rest as BookingFormErrors),
    ...(count ? { repeatCount: count } : {}),
    ...(every || repeat ? { repeat: every ?? repeat } : {}),
  };
}

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
  if (values.repeat !== 'NONE' && !REPEAT_COUNTS.includes(values.repeatCount))
    errors.repeatCount = `重複次數須為 ${SERIES_MIN} 至 ${SERIES_MAX} 次`;
  return errors;
}

/**
 * The body of POST /api/bookings for the chosen resource and start: 加入候補 (`waitlist`) for one date,
 * or, repeated, 略過衝突日期並送出 (`skipConflicts`).
 */
export function bookingRequest(
  kind: BookingKind,
  resourceId: string,
  startsAt: string,
  values: BookingFormValues,
  { waitlist = false, skipConflicts = false }: { waitlist?: boolean; skipConflicts?: boolean } = {},
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
    ...(values.repeat !== 'NONE'
      ? { repeat: { every: values.repeat, count: Number(values.repeatCount) }, ...(skipConflicts ? { skipConflicts } : {}) }
      : {}),
  };
  if (kind === 'VENUE') return { ...common, host: values.host.trim() };
  return {
    ...common,
    destination: values.destination.trim(),
    selfDrive: values.dispatch === 'no',
    ...(values.dispatch === 'yes' ? { driverId: values.driverId } : {}),
  };
}
