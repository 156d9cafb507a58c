import { z } from 'zod';
import { officeExtSchema, officePhoneSchema } from '../phone';
import { codePointLength, refusedInLine } from '../text';
import { APPLICATION_MESSAGES, NAME_MAX_LENGTH, TITLE_MAX_LENGTH } from './account-application';

// 個人帳號管理 › 公務資料、個人資料 (§3.5.4): 職稱, 公務電話, 姓名, 生日, 住址(現居地), 住址(工作地).
// One definition for the web form and the API; outputs are the stored values.

export const ADDRESS_MAX_LENGTH = 200;
export const PROFILE_MESSAGES = {
  BIRTHDAY_FORMAT: '生日格式錯誤，請以 YYYY-MM-DD 輸入（例如 1986-06-23）',
  BIRTHDAY_RANGE: '生日須介於 1900-01-01 與今天之間',
  ADDRESS_TOO_LONG: (label: string) => `${label}不可超過${ADDRESS_MAX_LENGTH}個字元`,
  ADDRESS_INVALID: (label: string) => `${label}包含無效的字元`,
} as const;

function line(required: string | null, max: number, tooLong: string, invalid: string) {
  return z
    .string({ error: required ?? invalid })
    .nullish()
    .transform((v) => (v ?? '').replace(/\s+/g, ' ').trim())
    .superRefine((v, ctx) => {
      if (v === '' && required) ctx.addIssue({ code: 'custom', message: required });
      else if (codePointLength(v) > max) ctx.addIssue({ code: 'custom', message: tooLong });
      else if (refusedInLine(v) !== undefined) ctx.addIssue({ code: 'custom', message: invalid });
    })
    .transform((v) => (v === '' ? null : v));
}

const address = (label: string) =>
  line(null, ADDRESS_MAX_LENGTH, PROFILE_MESSAGES.ADDRESS_TOO_LONG(label), PROFILE_MESSAGES.ADDRESS_INVALID(label));

/** A calendar date YYYY-MM-DD from 1900-01-01 up to `today` (Asia/Taipei date, passed in). */
function birthdaySchema(today: () => string) {
  return z
    .string({ error: PROFILE_MESSAGES.BIRTHDAY_FORMAT })
    .nullish()
    .transform((v) => (v ?? '').trim())
    .superRefine((v, ctx) => {
      if (v === '') return;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      const date = m ? new Date(`${v}T00:00:00Z`) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) {
        ctx.addIssue({ code: 'custom', message: PROFILE_MESSAGES.BIRTHDAY_FORMAT });
      } else if (v < '1900-01-01' || v > today()) {
        ctx.addIssue({ code: 'custom', message: PROFILE_MESSAGES.BIRTHDAY_RANGE });
      }
    })
    .transform((v) => (v === '' ? null : v));
}

/** Today's date in Taiwan (UTC+8, no daylight saving). */
export const taipeiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export function profileSchema(today: () => string = taipeiToday) {
  return z.object({
    title: line(
      APPLICATION_MESSAGES.TITLE_REQUIRED,
      TITLE_MAX_LENGTH,
      APPLICATION_MESSAGES.TITLE_TOO_LONG,
      APPLICATION_MESSAGES.TITLE_INVALID,
    ),
    officePhone: officePhoneSchema,
    officeExt: officeExtSchema,
    name: line(
      APPLICATION_MESSAGES.NAME_REQUIRED,
      NAME_MAX_LENGTH,
      APPLICATION_MESSAGES.NAME_TOO_LONG,
      APPLICATION_MESSAGES.NAME_INVALID,
    ),
    birthday: birthdaySchema(today),
    residenceAddress: address('住址(現居地)'),
    workAddress: address('住址(工作地)'),
  });
}
export type ProfileInput = z.input<ReturnType<typeof profileSchema>>;
export type Profile = z.output<ReturnType<typeof profileSchema>>;

/** 權限異動申請 › 申請原因 / 備註. */
export const ADMIN_ROLE_REASON_MAX_LENGTH = 500;
export const adminRoleRequestSchema = z.object({
  reason: z
    .string({ error: '請輸入申請原因' })
    .transform((v) => v.trim())
    .superRefine((v, ctx) => {
      if (v === '') ctx.addIssue({ code: 'custom', message: '請輸入申請原因' });
      else if (codePointLength(v) > ADMIN_ROLE_REASON_MAX_LENGTH)
        ctx.addIssue({ code: 'custom', message: `申請原因不可超過${ADMIN_ROLE_REASON_MAX_LENGTH}個字元` });
      else if (/[^\P{Cc}\n\r\t]/u.test(v)) ctx.addIssue({ code: 'custom', message: '申請原因包含無效的字元' });
    }),
});
