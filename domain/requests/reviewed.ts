import type { MailPage } from '../mail-links';
import { REACTIVATION_REQUEST_TYPE_LABEL } from './account-reactivation';
import { ADMIN_ROLE_REQUEST_TYPE_LABEL } from './admin-role-request';
import { AGENCY_CHANGE_TYPE_LABEL } from './agency-change';

/**
 * The requests an approver decides from a console inbox: their zh-TW name and the inbox detail page a
 * mail about one links to. `byApplication`: the page's id is the application's (個人帳號申請), not the
 * request row's. Free of libraries: the workflow bundle imports it.
 */
export const REVIEWED_REQUEST_TYPES = {
  ACCOUNT_APPLICATION: { label: '個人帳號申請', reviewPage: 'accountApplicationReview', byApplication: true },
  ACCOUNT_REACTIVATION: { label: REACTIVATION_REQUEST_TYPE_LABEL, reviewPage: 'reactivationReview', byApplication: false },
  ADMIN_ROLE: { label: ADMIN_ROLE_REQUEST_TYPE_LABEL, reviewPage: 'adminRoleRequestReview', byApplication: false },
  AGENCY_CHANGE: { label: AGENCY_CHANGE_TYPE_LABEL, reviewPage: 'agencyChangeReview', byApplication: false },
} as const satisfies Record<string, { label: string; reviewPage: MailPage; byApplication: boolean }>;

export type ReviewedRequestType = keyof typeof REVIEWED_REQUEST_TYPES;

export const isReviewedRequestType = (type: string): type is ReviewedRequestType => Object.hasOwn(REVIEWED_REQUEST_TYPES, type);
