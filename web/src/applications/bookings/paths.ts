import { ROUTES } from '../../routes/paths';

/** A booking's own page (場地及公務車申請紀錄 › 借用申請明細). */
export const bookingRecordPath = (key: string) => ROUTES.bookingRecord.path.replace(':id', encodeURIComponent(key));
