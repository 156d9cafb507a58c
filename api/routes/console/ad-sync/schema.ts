import { z } from 'zod';

const page = z.coerce.number({ error: '頁碼必須是數字' }).int().min(0, '頁碼不可小於 0').default(0);
const pageSize = z.coerce.number({ error: '每頁筆數必須是數字' }).int().min(1).max(100, '每頁最多 100 筆').default(20);

export const userListQuery = z.object({
  /** 同步失敗 / 待同步 / 已同步; omitted = all. */
  status: z.enum(['FAILED', 'PENDING', 'SYNCED'], { error: '同步狀態只能是 FAILED、PENDING 或 SYNCED' }).optional(),
  q: z.string().trim().max(100, '查詢字串最多 100 字').optional(),
  page,
  pageSize,
});
export const userParams = z.object({ id: z.string().trim().min(1).max(64) });
export const syncParams = z.object({
  workflowId: z
    .string()
    .trim()
    .regex(/^user-ad-sync-[\w-]+$/, '重新同步作業編號格式錯誤'),
});
export const runParams = z.object({
  workflowId: z
    .string()
    .trim()
    .regex(/^ad-reconcile-[\w-]+$/, '同步比對編號格式錯誤'),
});
export const driftListQuery = z.object({
  /** open = 尚未修復 (default), all = 全部. */
  filter: z.enum(['open', 'all'], { error: '篩選條件只能是 open 或 all' }).default('open'),
  q: z.string().trim().max(100, '查詢字串最多 100 字').optional(),
  page,
  pageSize,
});
export const repairBody = z.object({
  /** The rows to repair; omitted = 修復全部. */
  driftIds: z
    .array(z.uuid('差異編號格式錯誤'), { error: '請選擇要修復的差異' })
    .min(1, '請選擇要修復的差異')
    .max(500, '一次最多修復 500 筆')
    .optional(),
});
