// The public 個人帳號申請 resource (docs/api/account-application.md). The verification token of the
// backup e-mail travels in X-Verification-Token; the status link's key in ?key=.
import { api } from '../lib/api';
import type {
  AccountAvailability,
  AmendmentBody,
  ApplicationBody,
  ApplicationStatusView,
  MyApplication,
  SubmittedApplication,
} from '../lib/api';
import { verificationHeaders } from '../verification/api';

const BASE = '/api/account-applications';

export function checkAccountAvailability(account: string, signal?: AbortSignal): Promise<AccountAvailability> {
  return api.get<AccountAvailability>(`${BASE}/account-availability?${new URLSearchParams({ account })}`, { signal });
}

export function submitApplication(token: string, body: ApplicationBody): Promise<SubmittedApplication> {
  return api.post<SubmittedApplication>(BASE, body, { headers: verificationHeaders(token) });
}

export async function fetchMyApplications(token: string, signal?: AbortSignal): Promise<MyApplication[]> {
  const body = await api.get<{ items: MyApplication[] }>(`${BASE}/mine`, { headers: verificationHeaders(token), signal });
  return body.items;
}

/** By the key of the mailed link, or by a STATUS verification token of the same backup e-mail. */
export type StatusAccess = { key: string } | { token: string };

export function fetchApplicationStatus(id: string, access: StatusAccess, signal?: AbortSignal): Promise<ApplicationStatusView> {
  const path = `${BASE}/${encodeURIComponent(id)}/status`;
  if ('key' in access) return api.get<ApplicationStatusView>(`${path}?${new URLSearchParams({ key: access.key })}`, { signal });
  return api.get<ApplicationStatusView>(path, { headers: verificationHeaders(access.token), signal });
}

export function amendApplication(id: string, token: string, body: AmendmentBody): Promise<ApplicationStatusView> {
  return api.put<ApplicationStatusView>(`${BASE}/${encodeURIComponent(id)}`, body, { headers: verificationHeaders(token) });
}
