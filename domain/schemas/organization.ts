import { z } from 'zod';
import { ORG_KINDS } from '../org-tree';
import { codePointLength, refusedInLine } from '../text';

// 組織管理 forms: one definition for the web dialogs and the API.

export const ORG_NAME_MAX = 50;
export const ORG_SHORT_NAME_MAX = 20;

const unitName = z
  .string({ error: '請輸入單位名稱' })
  .transform((v) => v.replace(/\s+/g, ' ').trim())
  .superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: '請輸入單位名稱' });
    else if (codePointLength(v) > ORG_NAME_MAX) ctx.addIssue({ code: 'custom', message: `單位名稱不可超過${ORG_NAME_MAX}個字` });
    else if (refusedInLine(v) !== undefined) ctx.addIssue({ code: 'custom', message: '單位名稱包含無效的字元' });
  });

const shortName = z
  .string({ error: '簡稱格式錯誤' })
  .nullish()
  .transform((v) => (v ?? '').replace(/\s+/g, ' ').trim())
  .superRefine((v, ctx) => {
    if (codePointLength(v) > ORG_SHORT_NAME_MAX)
      ctx.addIssue({ code: 'custom', message: `簡稱不可超過${ORG_SHORT_NAME_MAX}個字` });
    else if (refusedInLine(v) !== undefined) ctx.addIssue({ code: 'custom', message: '簡稱包含無效的字元' });
  })
  .transform((v) => (v === '' ? null : v));

const orgId = (required: string) => z.string({ error: required }).trim().min(1, required).max(64, required);

export const createOrganizationSchema = z.object({
  /** null: a new top-level organisation (府內單位 / 府外機關 / 區公所). */
  parentId: orgId('請選擇上級單位').nullable(),
  name: unitName,
  shortName,
  kind: z.enum(ORG_KINDS, { error: '請選擇單位類型' }),
});
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

export const renameOrganizationSchema = z.object({ name: unitName, shortName });
export type RenameOrganizationInput = z.input<typeof renameOrganizationSchema>;

export const moveOrganizationSchema = z.object({ parentId: orgId('請選擇新的上級單位') });
export type MoveOrganizationInput = z.input<typeof moveOrganizationSchema>;
