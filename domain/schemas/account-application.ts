import { z } from 'zod';
import { accountNameSchema, accountPersonalDataViolations, type AccountNameContext } from '../account-name';
import { backupEmailSchema } from '../email';
import { nationalIdSchema } from '../national-id';
import {
  CONFIRM_PASSWORD_REQUIRED_MESSAGE,
  confirmPasswordError,
  newPasswordSchema,
  OLD_PASSWORD_REQUIRED_MESSAGE,
  PASSWORD_UNCHANGED_MESSAGE,
} from '../password-policy';
import { officeExtSchema, officePhoneSchema } from '../phone';
import { codePointLength, refusedCharacter, refusedInLine, toHalfWidth } from '../text';

// Forms of 個人帳號申請 (§3.2.3), 修改個人帳號申請內容 (§3.2.4) and 開通帳號 / 忘記密碼 (§3.1.7–3.1.8).
// One definition for the web form (field messages) and the API (the authority): outputs are the
// normalised values the API stores. Every message is zh-TW and names its field.

export const NAME_MAX_LENGTH = 50;
export const TITLE_MAX_LENGTH = 50;
export const REMARK_MAX_LENGTH = 500;
export const VERIFICATION_CODE_LENGTH = 6;

export const APPLICATION_MESSAGES = {
  CAPTCHA_REQUIRED: '請輸入圖形驗證碼',
  CAPTCHA_EXPIRED: '圖形驗證碼已失效，請重新產生',
  CODE: '請輸入 6 位數驗證碼',
  NEED_OFFICIAL_MAIL: '請選擇是否需要公務郵件',
  NAME_REQUIRED: '請輸入您的真實姓名',
  NAME_TOO_LONG: `姓名不可超過${NAME_MAX_LENGTH}個字元`,
  NAME_INVALID: '姓名包含無效的字元',
  ORGANIZATION_REQUIRED: '請選擇機關單位',
  TITLE_REQUIRED: '請輸入職稱',
  TITLE_TOO_LONG: `職稱不可超過${TITLE_MAX_LENGTH}個字元`,
  TITLE_INVALID: '職稱包含無效的字元',
  REMARK_TOO_LONG: `備註不可超過${REMARK_MAX_LENGTH}個字元`,
  REMARK_INVALID: '備註包含無效的字元',
} as const;

/** 是否需要公務郵件 (radio). Labels and hint as in the manual. */
export const NEED_OFFICIAL_MAIL_OPTIONS = [
  { value: true, label: '需要公務郵件' },
  { value: false, label: '不需要公務郵件' },
] as const;
export const NEED_OFFICIAL_MAIL_HINT = '公務郵件數量有限，如不需使用公務郵件，請勿勾選！機關管理員有權核可與否。';

// Control characters (other than the line breaks and tabs a textarea produces) are never typed by a
// person; they come from pasting and break CSV exports and AD attributes (domain/text.ts, the rule the
// API's input guard applies to every field, here with the field's own message).

/** Required single-line text: trimmed, inner whitespace runs collapsed, length in code points. */
function requiredLine(required: string, max: number, tooLong: string, invalid: string) {
  return z
    .string({ error: required })
    .transform((v) => v.replace(/\s+/g, ' ').trim())
    .superRefine((v, ctx) => {
      if (v === '') ctx.addIssue({ code: 'custom', message: required });
      else if (codePointLength(v) > max) ctx.addIssue({ code: 'custom', message: tooLong });
      else if (refusedInLine(v) !== undefined) ctx.addIssue({ code: 'custom', message: invalid });
    });
}

const captchaFields = {
  captchaId: z
    .string({ error: APPLICATION_MESSAGES.CAPTCHA_EXPIRED })
    .trim()
    .min(1, APPLICATION_MESSAGES.CAPTCHA_EXPIRED)
    .max(128, APPLICATION_MESSAGES.CAPTCHA_EXPIRED),
  // Folded to half-width: an IME left in full-width mode would otherwise fail a correct answer.
  captchaAnswer: z
    .string({ error: APPLICATION_MESSAGES.CAPTCHA_REQUIRED })
    .transform((v) => toHalfWidth(v).trim())
    .pipe(z.string().min(1, APPLICATION_MESSAGES.CAPTCHA_REQUIRED).max(16, APPLICATION_MESSAGES.CAPTCHA_REQUIRED)),
};

/**
 * Step 1 of 個人帳號申請 and the 使用備用信箱 verification of 修改 / 復用 / 開通帳號 / 忘記密碼:
 * backup e-mail plus captcha. Whether the mailbox is unbound (application) or bound (the others) is
 * a database question for the API.
 */
export const emailVerificationSchema = z.object({ email: backupEmailSchema, ...captchaFields });
export type EmailVerificationInput = z.input<typeof emailVerificationSchema>;
export type EmailVerification = z.output<typeof emailVerificationSchema>;

/** The code mailed (or sent by SMS): exactly six digits; spaces and full-width digits are tolerated. */
export const verificationCodeSchema = z.object({
  code: z
    .string({ error: APPLICATION_MESSAGES.CODE })
    .transform((v) => toHalfWidth(v).replace(/\s/g, ''))
    .pipe(z.string().regex(new RegExp(`^\\d{${VERIFICATION_CODE_LENGTH}}$`), APPLICATION_MESSAGES.CODE)),
});
export type VerificationCodeInput = z.input<typeof verificationCodeSchema>;

/** Fields both the application and its amendment have. */
const profileFields = {
  account: accountNameSchema(),
  needOfficialMail: z.boolean({ error: APPLICATION_MESSAGES.NEED_OFFICIAL_MAIL }),
  name: requiredLine(
    APPLICATION_MESSAGES.NAME_REQUIRED,
    NAME_MAX_LENGTH,
    APPLICATION_MESSAGES.NAME_TOO_LONG,
    APPLICATION_MESSAGES.NAME_INVALID,
  ),
  // The picker yields an organisation code; whether it is a selectable (leaf) unit is checked by the
  // API against the org tree.
  organizationCode: z
    .string({ error: APPLICATION_MESSAGES.ORGANIZATION_REQUIRED })
    .trim()
    .min(1, APPLICATION_MESSAGES.ORGANIZATION_REQUIRED)
    .max(64, APPLICATION_MESSAGES.ORGANIZATION_REQUIRED),
  title: requiredLine(
    APPLICATION_MESSAGES.TITLE_REQUIRED,
    TITLE_MAX_LENGTH,
    APPLICATION_MESSAGES.TITLE_TOO_LONG,
    APPLICATION_MESSAGES.TITLE_INVALID,
  ),
  officePhone: officePhoneSchema,
  officeExt: officeExtSchema,
  // Optional multi-line text; '' / null / absent all become null.
  remark: z
    .string({ error: APPLICATION_MESSAGES.REMARK_INVALID })
    .nullish()
    .transform((v) => (v ?? '').trim())
    .superRefine((v, ctx) => {
      if (codePointLength(v) > REMARK_MAX_LENGTH) ctx.addIssue({ code: 'custom', message: APPLICATION_MESSAGES.REMARK_TOO_LONG });
      else if (refusedCharacter(v) !== undefined) ctx.addIssue({ code: 'custom', message: APPLICATION_MESSAGES.REMARK_INVALID });
    })
    .transform((v) => (v === '' ? null : v)),
};

/** Puts each personal-data violation of the account (ID number, birthday, mobile) on `account`. */
function addAccountIssues(account: string, context: AccountNameContext, ctx: z.RefinementCtx<unknown>): void {
  for (const v of accountPersonalDataViolations(account, context)) {
    ctx.addIssue({ code: 'custom', message: v.message, path: ['account'] });
  }
}

/**
 * zod skips an object-level refinement as soon as any field has failed, which would hide the account
 * problem behind, say, an empty 職稱 until that is fixed. Run it unless the account itself already
 * failed (its format messages are enough) or is not a string.
 */
const accountRefineParams = {
  when: (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    typeof (payload.value as { account?: unknown } | null)?.account === 'string' &&
    !payload.issues.some((issue) => issue.path?.[0] === 'account'),
};

/** 帳號申請表單. The backup e-mail is not a field: the API takes it from the verified step. */
export const accountApplicationSchema = z.object({ nationalId: nationalIdSchema(), ...profileFields }).superRefine(
  // The ID may itself be invalid here (its own message shows); a well-formed one is still compared.
  (v, ctx) => addAccountIssues(v.account, { nationalId: typeof v.nationalId === 'string' ? v.nationalId : null }, ctx),
  accountRefineParams,
);
export type AccountApplicationInput = z.input<typeof accountApplicationSchema>;
export type AccountApplication = z.output<typeof accountApplicationSchema>;

/**
 * 帳號申請表單修改: the same fields without 身分證號 and 備用信箱, which cannot be changed. The ID is
 * still needed for the account rules; the API passes the stored one (the web form, which only sees
 * a masked ID, may omit it and rely on the API's answer).
 */
export function accountAmendmentSchema(context: AccountNameContext = {}) {
  return z.object(profileFields).superRefine((v, ctx) => addAccountIssues(v.account, context, ctx), accountRefineParams);
}
export type AccountAmendmentInput = z.input<ReturnType<typeof accountAmendmentSchema>>;
export type AccountAmendment = z.output<ReturnType<typeof accountAmendmentSchema>>;

/** 輸入新密碼 of 開通帳號 and 忘記密碼: the policy is applied with the account being activated. */
export function activationSchema(account: string) {
  return z
    .object({
      newPassword: newPasswordSchema({ account }),
      confirmPassword: z.string({ error: CONFIRM_PASSWORD_REQUIRED_MESSAGE }),
    })
    .superRefine(
      (value, ctx) => {
        const message = confirmPasswordError(value.newPassword, value.confirmPassword);
        if (message !== null) ctx.addIssue({ code: 'custom', message, path: ['confirmPassword'] });
      },
      // Report a mismatch even while the new password still breaks rules: both fields get feedback.
      { when: (payload) => typeof (payload.value as { confirmPassword?: unknown } | null)?.confirmPassword === 'string' },
    );
}
export type ActivationInput = z.input<ReturnType<typeof activationSchema>>;

/** 密碼修改 (§3.5.3): old password plus the activation fields; the new one must differ from the old. */
export function passwordChangeSchema(account: string) {
  return z
    .object({
      oldPassword: z
        .string({ error: OLD_PASSWORD_REQUIRED_MESSAGE })
        .min(1, OLD_PASSWORD_REQUIRED_MESSAGE)
        .max(128, '舊密碼過長'),
      newPassword: newPasswordSchema({ account }),
      confirmPassword: z.string({ error: CONFIRM_PASSWORD_REQUIRED_MESSAGE }),
    })
    .superRefine(
      (value, ctx) => {
        const message = confirmPasswordError(value.newPassword, value.confirmPassword);
        if (message !== null) ctx.addIssue({ code: 'custom', message, path: ['confirmPassword'] });
        if (value.oldPassword !== '' && value.newPassword === value.oldPassword) {
          ctx.addIssue({ code: 'custom', message: PASSWORD_UNCHANGED_MESSAGE, path: ['newPassword'] });
        }
      },
      {
        when: (payload) => {
          const v = payload.value as { newPassword?: unknown; oldPassword?: unknown; confirmPassword?: unknown } | null;
          return typeof v?.newPassword === 'string' && typeof v.oldPassword === 'string' && typeof v.confirmPassword === 'string';
        },
      },
    );
}
export type PasswordChangeInput = z.input<ReturnType<typeof passwordChangeSchema>>;
