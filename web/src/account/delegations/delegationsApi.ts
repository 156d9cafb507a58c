// 代理人設定's calls to /api/account/delegations (docs/api/delegations.md).
import type { DelegationStatus } from '../../../../domain/delegation';
import { api } from '../../lib/api';

export interface Person {
  account: string;
  name: string;
  title: string | null;
}

export interface Delegation {
  id: string;
  principal: Person;
  deputy: Person;
  period: string;
  status: DelegationStatus;
  statusLabel: string;
}

export interface Candidate extends Person {
  unit: string;
}

export interface NewDelegation {
  deputyAccount: string;
  startDate: string;
  endDate: string;
}

export const delegationsApi = {
  list: (signal: AbortSignal) => api.get<{ given: Delegation[]; held: Delegation[] }>('/api/account/delegations', { signal }),
  candidates: (q: string, signal: AbortSignal) =>
    api.get<{ items: Candidate[] }>(`/api/account/delegations/candidates?q=${encodeURIComponent(q)}`, { signal }),
  create: (input: NewDelegation) => api.post<{ id: string }>('/api/account/delegations', input),
  cancel: (id: string) => api.post<void>(`/api/account/delegations/${encodeURIComponent(id)}/cancel`),
};
