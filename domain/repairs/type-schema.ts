import { z } from 'zod';
import { audienceFields, custodianIds, id, requiredLine } from '../bookings/resource-schema';
import { toHalfWidth } from '../text';

// 報修類型管理's form (報修類型資訊, 報修廠商資訊, 分類) for the web form and the API, in the manual's
// words. 允許報修機關 and the custodians are built like the items' (domain/bookings/resource-schema.ts).

/** 類型保管人 as the slots are named; the log and the buttons say 保管人 (保管人設定, 設置保管人). */
export const REPAIR_CUSTODIAN_WORD = '類型保管人';
export const REPAIR_VENDORS_MAX = 50;
export const REPAIR_CATEGORIES_MAX = 50;
export const REPAIR_CATEGORY_NAME_MAX = 30;
export const REPLY_TARGET_HOURS_MAX = 720;

/** One 分類: an existing one (id) renamed or retired, or a new one (no id). */
const category = z.object({
  id: id('分類格式錯誤').optional(),
  name: requiredLine('分類名稱', REPAIR_CATEGORY_NAME_MAX),
  retired: z.boolean({ error: '分類狀態格式錯誤' }).default(false),
});

/** 回覆時限（小時）: empty = the system parameter; else whole hours. */
const replyTargetHours = z.preprocess(
  (v) => (typeof v === 'string' ? (toHalfWidth(v).trim() === '' ? null : Number(toHalfWidth(v).trim())) : (v ?? null)),
  z
    .number({ error: '回覆時限須為數字' })
    .int('回覆時限須為整數（小時）')
    .min(1, `回覆時限須介於 1 至 ${REPLY_TARGET_HOURS_MAX} 小時`)
    .max(REPLY_TARGET_HOURS_MAX, `回覆時限須介於 1 至 ${REPLY_TARGET_HOURS_MAX} 小時`)
    .nullable(),
);

/** 報修類型資訊 › 儲存: 名稱, 所屬機關, 允許報修機關, 維修人員, 分類, 回覆時限. */
export const repairTypeFieldsSchema = z.object({
  name: requiredLine('名稱'),
  agencyId: id('請選擇所屬機關'),
  ...audienceFields('允許報修機關'),
  vendorIds: z
    .array(id('請選擇維修人員'), { error: '維修人員格式錯誤' })
    .max(REPAIR_VENDORS_MAX, `維修人員最多 ${REPAIR_VENDORS_MAX} 位`)
    .default([]),
  categories: z
    .array(category, { error: '分類格式錯誤' })
    .max(REPAIR_CATEGORIES_MAX, `分類最多 ${REPAIR_CATEGORIES_MAX} 個`)
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((c, i) => {
        if (seen.has(c.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `分類「${c.name}」重複` });
        seen.add(c.name);
      });
    }),
  replyTargetHours,
});

/** 新增報修類型: the fields and 類型保管人 1 (2 optional). */
export const newRepairTypeSchema = repairTypeFieldsSchema.extend(custodianIds(REPAIR_CUSTODIAN_WORD));

export type RepairTypeFields = z.output<typeof repairTypeFieldsSchema>;
export type NewRepairTypeInput = z.output<typeof newRepairTypeSchema>;
