import type { z } from 'zod';
import { accountActivationGuide, accountActivationGuideSchema } from './account-activation-guide';
import { accountEnabled, accountEnabledSchema } from './account-enable';
import {
  accountDisabled,
  accountDisabledSchema,
  idleDisableBlocked,
  idleDisableBlockedSchema,
  idleDisableWarning,
  idleDisableWarningSchema,
} from './account-disable';
import {
  accountBindingChanged,
  accountBindingChangedSchema,
  temporaryPassword,
  temporaryPasswordSchema,
} from './account-security';
import {
  applicationApproved,
  applicationApprovedSchema,
  applicationRejected,
  applicationRejectedSchema,
  applicationSubmitted,
  applicationSubmittedSchema,
  applicationCancelled,
  applicationCancelledSchema,
  applicationClosed,
  applicationClosedSchema,
  applicationHandled,
  applicationHandledSchema,
  applicationReturned,
  applicationReturnedSchema,
} from './application';
import { repairTicketNotice, repairTicketNoticeSchema } from './repair';
import { applicationExpired, applicationExpiredSchema, approvalReminder, approvalReminderSchema } from './approval';
import { bookingForCustodian, bookingForCustodianSchema, driverDispatch, driverDispatchSchema } from './booking';
import { delegatedDecision, delegatedDecisionSchema, delegationAssigned, delegationAssignedSchema } from './delegation';
import { connectivityCheckTest, connectivityCheckTestSchema } from './connectivity-check-test';
import { MailTemplateError, type RenderContext } from './format';
import type { RenderedMail } from './layout';
import { passwordChanged, passwordChangedSchema } from './password-changed';
import { verificationCode, verificationCodeSchema } from './verification-code';

export { escapeHtml } from './html';
export { MailTemplateError, type RenderContext } from './format';
export { FOOTER_NOTICE, FOOTER_ORG, PORTAL_NAME, type RenderedMail } from './layout';

interface MailTemplate<S extends z.ZodType> {
  schema: S;
  render(data: z.output<S>, ctx: RenderContext): RenderedMail;
}

const define = <S extends z.ZodType>(
  schema: S,
  render: (data: z.output<S>, ctx: RenderContext) => RenderedMail,
): MailTemplate<S> => ({
  schema,
  render,
});

/** Every e-mail the system sends. Data is validated at render time: activity input arrives as JSON. */
const templates = {
  verificationCode: define(verificationCodeSchema, verificationCode),
  connectivityCheckTest: define(connectivityCheckTestSchema, connectivityCheckTest),
  applicationSubmitted: define(applicationSubmittedSchema, applicationSubmitted),
  applicationApproved: define(applicationApprovedSchema, applicationApproved),
  applicationRejected: define(applicationRejectedSchema, applicationRejected),
  accountActivationGuide: define(accountActivationGuideSchema, accountActivationGuide),
  approvalReminder: define(approvalReminderSchema, approvalReminder),
  applicationExpired: define(applicationExpiredSchema, applicationExpired),
  temporaryPassword: define(temporaryPasswordSchema, temporaryPassword),
  accountBindingChanged: define(accountBindingChangedSchema, accountBindingChanged),
  passwordChanged: define(passwordChangedSchema, passwordChanged),
  accountDisabled: define(accountDisabledSchema, accountDisabled),
  idleDisableWarning: define(idleDisableWarningSchema, idleDisableWarning),
  idleDisableBlocked: define(idleDisableBlockedSchema, idleDisableBlocked),
  accountEnabled: define(accountEnabledSchema, accountEnabled),
  delegationAssigned: define(delegationAssignedSchema, delegationAssigned),
  delegatedDecision: define(delegatedDecisionSchema, delegatedDecision),
  bookingForCustodian: define(bookingForCustodianSchema, bookingForCustodian),
  driverDispatch: define(driverDispatchSchema, driverDispatch),
  applicationCancelled: define(applicationCancelledSchema, applicationCancelled),
  applicationHandled: define(applicationHandledSchema, applicationHandled),
  applicationClosed: define(applicationClosedSchema, applicationClosed),
  applicationReturned: define(applicationReturnedSchema, applicationReturned),
  repairTicketNotice: define(repairTicketNoticeSchema, repairTicketNotice),
};

type Templates = typeof templates;
export type MailTemplateName = keyof Templates;
/** What callers pass for each template (dates may be Date or ISO strings). */
export type MailTemplateData = { [N in MailTemplateName]: z.input<Templates[N]['schema']> };
export const MAIL_TEMPLATE_NAMES = Object.keys(templates) as MailTemplateName[];

export function isMailTemplateName(name: unknown): name is MailTemplateName {
  return typeof name === 'string' && Object.hasOwn(templates, name);
}

export function renderMail<N extends MailTemplateName>(
  template: N,
  data: MailTemplateData[N],
  ctx: RenderContext = {},
): RenderedMail {
  if (!isMailTemplateName(template)) throw new MailTemplateError(`Unknown mail template "${String(template)}"`);
  const { schema, render } = templates[template] as unknown as MailTemplate<z.ZodType>;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    // Paths and messages only: the values may include a one-time code.
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ');
    throw new MailTemplateError(`Invalid data for mail template "${template}": ${problems}`);
  }
  return render(parsed.data, ctx);
}
