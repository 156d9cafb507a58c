import { z } from 'zod';
import { accountAmendmentSchema } from './account-application';

// 帳號復用申請表單 (§3.2.5): the person may change 單位 and 職稱 (and 公務電話 / 分機); account, name,
// ID number and backup e-mail stay. The fields are the application form's, so the rules and zh-TW
// messages are the same; one definition for the web form and the API.
const applicationFields = accountAmendmentSchema().shape;

export const reactivationFormSchema = z.object({
  organizationCode: applicationFields.organizationCode,
  title: applicationFields.title,
  officePhone: applicationFields.officePhone,
  officeExt: applicationFields.officeExt,
});
export type ReactivationFormInput = z.input<typeof reactivationFormSchema>;
export type ReactivationForm = z.output<typeof reactivationFormSchema>;
