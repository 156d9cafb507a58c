// 個人帳號復用 (api/routes/public/reactivation.ts): the verified account's form data, and 確定.
import type { ReactivationForm } from '../../../../domain/schemas/account-reactivation';
import { api } from '../../lib/api';
import type { ApplicationEvent } from '../../lib/api';
import { identityHeaders } from '../../verification/api';
import type { VerifiedIdentity } from '../../verification/methods';

export interface ReactivationRequest {
  id: string;
  /** Still in progress (a new request is refused meanwhile). */
  open: boolean;
  status: string;
  statusLabel: string;
  submittedAt: string;
  events: ApplicationEvent[];
}

/** GET /api/reactivation: the disabled account (read-only), its editable data and its latest request. */
export interface ReactivationView {
  account: string;
  name: string;
  organizationCode: string;
  organizationPath: string;
  title: string;
  officePhone: string;
  officeExt: string;
  request: ReactivationRequest | null;
}

export interface ReactivationSubmitted {
  id: string;
  status: string;
  statusLabel: string;
  url: string;
}

export const reactivationApi = {
  view: (identity: VerifiedIdentity, signal?: AbortSignal) =>
    api.get<ReactivationView>('/api/reactivation', { headers: identityHeaders(identity), signal }),
  submit: (identity: VerifiedIdentity, body: ReactivationForm) =>
    api.post<ReactivationSubmitted>('/api/reactivation', body, { headers: identityHeaders(identity) }),
};
