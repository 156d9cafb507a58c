import { z } from 'zod';
import { SERIES_MAX, SERIES_MIN } from '../bookings/series';
import { officeExtSchema, officePhoneSchema } from '../phone';
import { codePointLength, refusedCharacter, refusedInLine } from '../text';

/** A text field of the 申請資訊 form: required, trimmed, within a length, no control characters. */
const text = (label: string, max: number, multiline = false) =>
  z
    .string({ error: `請填寫${label}` })
    .trim()
    .min(1, `請填寫${label}`)
    .superRefine((v, ctx) => {
      if (codePointLength(v) > max) ctx.addIssue({ code: 'custom', message: `${label}最多 ${max} 字` });
      else if ((multiline ? refusedCharacter(v) : refusedInLine(v)) !== undefined) {
        ctx.addIssue({ code: 'custom', message: `${label}含有不允許的控制字元` });
      }
    });

const instant = (missing: string) =>
  z
    .string({ error: missing })
    .max(40, missing)
    .refine((v) => !Number.isNaN(Date.parse(v)), missing)
    .transform((v) => new Date(v));

const count = (label: string) =>
  z.coerce
    .number({ error: `請填寫${label}` })
    .int(`${label}須為整數`)
    .min(1, `${label}至少 1 人`)
    .max(10_000, `${label}過多`);

const id = (missing: string) => z.string({ error: missing }).trim().min(1, missing).max(64, missing);

const repeatCount = `重複次數須為 ${SERIES_MIN} 至 ${SERIES_MAX} 次`;

/** 重複: 每週 / 每月, 次數 2–12 (the first date counted). */
export const repeatSchema = z.object(
  {
    every: z.enum(['WEEK', 'MONTH'], { error: '請選擇重複方式（每週或每月）' }),
    count: z.coerce
      .number({ error: '請填寫重複次數' })
      .int('重複次數須為整數')
      .min(SERIES_MIN, repeatCount)
      .max(SERIES_MAX, repeatCount),
  },
  { error: '重複設定格式錯誤' },
);

const common = {
  resourceId: id('請選擇借用項目'),
  startsAt: instant('請選擇借用時段'),
  endsAt: instant('請選擇結束時段'),
  phone: officePhoneSchema,
  phoneExt: officeExtSchema,
  reason: text('申請事由', 500, true),
  /** 加入候補: when the slot is taken, wait for it instead of being refused. */
  waitlist: z.boolean().default(false),
  /** 重複借用: every date its own booking, asked together. */
  repeat: repeatSchema.optional(),
  /** 略過衝突日期並送出: book the free dates of the series, skip the taken ones. */
  skipConflicts: z.boolean().default(false),
};

/** 場地借用申請 › 申請資訊 (與會人數 ≤ 容納人數 is checked against the venue). */
export const venueBookingSchema = z.object({
  kind: z.literal('VENUE'),
  ...common,
  headcount: count('與會人數'),
  host: text('主持人', 50),
});

/** 公務車借用登記 › 申請資訊 (派遣司機 是 → a driver; 否，我要自駕 → none). */
export const carBookingSchema = z
  .object({
    kind: z.literal('CAR'),
    ...common,
    headcount: count('乘坐人數(不含司機)'),
    destination: text('目的地', 200),
    selfDrive: z.boolean({ error: '請選擇是否派遣司機' }),
    driverId: id('請選擇派遣司機').optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.selfDrive && !v.driverId) ctx.addIssue({ code: 'custom', path: ['driverId'], message: '請選擇派遣司機' });
    if (v.selfDrive && v.driverId) ctx.addIssue({ code: 'custom', path: ['driverId'], message: '自駕時不可選擇派遣司機' });
  });

export const bookingSchema = z
  .discriminatedUnion('kind', [venueBookingSchema, carBookingSchema], { error: '請選擇借用項目類型' })
  .superRefine((v, ctx) => {
    // A series waits for no date: its taken dates are refused, or skipped when asked.
    if (v.repeat && v.waitlist) ctx.addIssue({ code: 'custom', path: ['waitlist'], message: '重複借用無法加入候補' });
  });

/** 儲存 of a 重複借用 first asks which dates can be booked (POST /api/bookings/series/preview). */
export const bookingSeriesPreviewSchema = bookingSchema.superRefine((v, ctx) => {
  if (!v.repeat) ctx.addIssue({ code: 'custom', path: ['repeat'], message: '請選擇重複方式（每週或每月）' });
});
export type BookingRequest = z.output<typeof bookingSchema>;

export const cancelBookingSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(500, '取消原因最多 500 字')
    .refine((v) => refusedCharacter(v) === undefined, '取消原因含有不允許的控制字元')
    .optional(),
});

export const revokeBookingSchema = z.object({ reason: text('取消原因', 500, true) });
