import { z } from 'zod';
import { REPAIR_LIMITS, REPAIR_MESSAGES } from '../repairs/rules';
import { optionalText, requiredText } from './text-fields';

// 線上報修's forms, read by the API (400 with these messages) and the pages (the same words, before sending).

const text = requiredText;

const id = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(64, missing)
    .regex(/^[A-Za-z0-9_-]+$/, missing);

/** 新增報修案件: 所在地, 所在樓層, 故障原因 (the photos travel beside them). */
export const repairTicketSchema = z.strictObject({
  locationId: id('請選擇所在地'),
  floor: z
    .string({ error: '請選擇所在樓層' })
    .trim()
    .min(1, '請選擇所在樓層')
    .max(10, '請選擇所在樓層')
    .regex(/^[A-Za-z0-9]+$/, '請選擇所在樓層'),
  fault: text('故障原因', REPAIR_LIMITS.fault, '請輸入故障原因', true),
});
export type RepairTicketRequest = z.output<typeof repairTicketSchema>;

/** 報修處理狀況回報: 處理人員, 處理時間, 處理結果, 分類. */
export const repairReplySchema = z.strictObject({
  handlerName: text('處理人員', REPAIR_LIMITS.handlerName, REPAIR_MESSAGES.HANDLER_REQUIRED),
  handledAt: z
    .string({ error: REPAIR_MESSAGES.HANDLED_AT_REQUIRED })
    .max(40, REPAIR_MESSAGES.HANDLED_AT_REQUIRED)
    .refine((v) => !Number.isNaN(Date.parse(v)), REPAIR_MESSAGES.HANDLED_AT_REQUIRED)
    .transform((v) => new Date(v).toISOString()),
  result: text('處理結果', REPAIR_LIMITS.result, REPAIR_MESSAGES.RESULT_REQUIRED, true),
  categoryId: id(REPAIR_MESSAGES.CATEGORY_REQUIRED),
});

/** 評分: 1–5 and an optional 備註. */
export const repairRateSchema = z.strictObject({
  rating: z
    .number({ error: REPAIR_MESSAGES.RATING_RANGE })
    .int(REPAIR_MESSAGES.RATING_RANGE)
    .min(1, REPAIR_MESSAGES.RATING_RANGE)
    .max(5, REPAIR_MESSAGES.RATING_RANGE),
  note: optionalText('備註', REPAIR_LIMITS.note),
});

/** 退回: 退回原因. */
export const repairReturnSchema = z.strictObject({
  reason: text('退回原因', REPAIR_LIMITS.reason, REPAIR_MESSAGES.REASON_REQUIRED, true),
});

/** 新增報修's photos: PNG, JPEG or WebP (by their bytes), each ≤ 2 MB, at most 5. */
export const REPAIR_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const REPAIR_PHOTOS_MAX = 5;
export const REPAIR_PHOTO_MESSAGES = {
  TYPE: '照片僅接受 PNG、JPEG 或 WebP 格式的圖片',
  TOO_LARGE: '每張照片不可超過 2 MB',
  TOO_MANY: `照片最多 ${REPAIR_PHOTOS_MAX} 張`,
  EMPTY: '照片檔案是空的，請重新選擇',
} as const;
