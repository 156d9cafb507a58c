// 帳號申請表單 / 帳號申請表單修改: the same zod schemas the API uses (domain/schemas/account-application.ts),
// turned into one message per field, plus the mapping of the API's answers onto the fields.
import { accountAmendmentSchema, accountApplicationSchema } from '../../../../domain/schemas/account-application';
import { ApiError, errorMessage } from '../../lib/api';
import type { AmendmentBody, ApplicationBody, MyApplication } from '../../lib/api';

/** The form's fields, in screen order (the first invalid one gets the focus). */
export const FORM_FIELDS = [
  'nationalId',
  'account',
  'needOfficialMail',
  'name',
  'organizationCode',
  'title',
  'officePhone',
  'officeExt',
  'remark',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormErrors = Partial<Record<FormField, string>>;

export interface ApplicationFormValues {
  nationalId: string;
  account: string;
  /** null until one of the two radios is chosen. */
  needOfficialMail: boolean | null;
  name: string;
  organizationCode: string;
  title: string;
  officePhone: string;
  officeExt: string;
  remark: string;
}

export const EMPTY_VALUES: ApplicationFormValues = {
  nationalId: '',
  account: '',
  needOfficialMail: null,
  name: '',
  organizationCode: '',
  title: '',
  officePhone: '',
  officeExt: '',
  remark: '',
};

/** The amendment form opens on the saved application (its 身分證號 masked, shown read-only). */
export function valuesFromApplication(application: MyApplication): ApplicationFormValues {
  return {
    nationalId: application.nationalId,
    account: application.account,
    needOfficialMail: application.needOfficialMail,
    name: application.name,
    organizationCode: application.organization.code,
    title: application.title,
    officePhone: application.officePhone,
    officeExt: application.officeExt ?? '',
    remark: application.remark ?? '',
  };
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FormErrors };

function isFormField(key: unknown): key is FormField {
  return typeof key === 'string' && (FORM_FIELDS as readonly string[]).includes(key);
}

/** The first message of each field. */
export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (isFormField(field)) errors[field] ??= issue.message;
  }
  return errors;
}

function schemaInput(values: ApplicationFormValues) {
  return { ...values, needOfficialMail: values.needOfficialMail ?? undefined };
}

/** 帳號申請表單 → the POST body (normalised: upper-case ID, lower-case account, bare phone digits…). */
export function validateApplication(values: ApplicationFormValues): Validation<ApplicationBody> {
  const result = accountApplicationSchema.safeParse(schemaInput(values));
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: issuesToErrors(result.error.issues) };
}

/** 帳號申請表單修改 → the PUT body (no 身分證號: it cannot be changed). */
export function validateAmendment(values: ApplicationFormValues): Validation<AmendmentBody> {
  const { nationalId: _masked, ...rest } = schemaInput(values);
  const result = accountAmendmentSchema().safeParse(rest);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: issuesToErrors(result.error.issues) };
}

/** The field to focus: the first invalid one in screen order. */
export function firstInvalid(errors: FormErrors): FormField | undefined {
  return FORM_FIELDS.find((field) => errors[field]);
}

/** Whether the failure means the verification token is no longer valid (30 minutes). */
export function isVerificationExpired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * A failed submission as field messages (VALIDATION_FAILED's fields, ACCOUNT_TAKEN on 登入帳號,
 * NATIONAL_ID_IN_USE on 身分證號) and a message for the top of the form.
 */
export function submissionErrors(error: unknown): { fields: FormErrors; message: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, message: errorMessage(error) };
  const fields: FormErrors = {};
  const unplaced: string[] = [];
  for (const [key, message] of Object.entries(error.fields)) {
    if (isFormField(key)) fields[key] = message;
    else unplaced.push(message);
  }
  if (error.code === 'ACCOUNT_TAKEN') fields.account ??= error.message;
  if (error.code === 'NATIONAL_ID_IN_USE') fields.nationalId ??= error.message;
  const placed = Object.keys(fields).length > 0;
  if (unplaced.length > 0) return { fields, message: unplaced.join('；') };
  // A field message says it all for these; otherwise the form also says what went wrong.
  if (placed && (error.code === 'ACCOUNT_TAKEN' || error.code === 'NATIONAL_ID_IN_USE')) return { fields, message: null };
  return { fields, message: error.message };
}
