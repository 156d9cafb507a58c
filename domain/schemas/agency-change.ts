import { z } from 'zod';

// 機關(單位)異動申請 (個人帳號管理): the form the block sends and the API checks. Pure; safe in the browser.

export const AGENCY_CHANGE_MESSAGES = {
  UNIT_REQUIRED: '請選擇調入單位',
  UNIT_NOT_LEAF: '請繼續選擇下一層，直到最後一層單位',
  UNIT_UNKNOWN: '找不到此單位，或此單位已裁撤，請重新選擇',
  UNIT_UNCHANGED: '調入單位與目前單位相同，請選擇其他單位',
  REASON_TOO_LONG: '說明最多 500 字',
} as const;

export const agencyChangeRequestSchema = z.object({
  /** The new unit's code, as the organisation picker gives it (the last level). */
  organizationCode: z
    .string({ error: AGENCY_CHANGE_MESSAGES.UNIT_REQUIRED })
    .trim()
    .min(1, AGENCY_CHANGE_MESSAGES.UNIT_REQUIRED)
    .max(32, AGENCY_CHANGE_MESSAGES.UNIT_UNKNOWN),
  /** 說明 (optional). */
  reason: z.string().trim().max(500, AGENCY_CHANGE_MESSAGES.REASON_TOO_LONG).default(''),
});

export type AgencyChangeRequestBody = z.input<typeof agencyChangeRequestSchema>;
