// The manual's words for the two booking pages, which share one grid, one search and one form frame.
import type { BookingKind } from './api';

export interface KindWords {
  /** 場地 / 公務車 */
  resource: string;
  byResource: string;
  byTime: string;
  /** What the resource picker's last step is called (場地 / 車號). */
  picker: string;
  headcount: string;
  /** 容納人數 / 乘客人數上限 */
  capacity: string;
  submit: string;
  records: string;
}

export const KIND_WORDS: Record<BookingKind, KindWords> = {
  VENUE: {
    resource: '場地',
    byResource: '依場地查詢允許申請時間',
    byTime: '依時間查詢允許申請場地清單',
    picker: '場地',
    headcount: '與會人數',
    capacity: '容納人數',
    submit: '儲存',
    records: '場地借用紀錄',
  },
  CAR: {
    resource: '公務車',
    byResource: '依公務車查詢允許申請時間',
    byTime: '依時間查詢允許申請公務車清單',
    picker: '車號',
    headcount: '乘坐人數(不含司機)',
    capacity: '乘客人數上限',
    submit: '確定申請',
    records: '公務車申請紀錄',
  },
};
