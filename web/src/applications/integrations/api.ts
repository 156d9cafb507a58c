// 應用系統服務介接申請: the calls to /api/application-systems (docs/api/application-systems.md) and to the
// applications' API of integrationReview (/api/application-systems/:id/services/:kind/…, /api/integration-applications).
import type {
  ApplicationStatus,
  IntegrationActionCode,
  ServiceKind,
  ServiceStatus,
} from '../../../../domain/integrations/services';
import type { ApplicationSystemInput } from '../../../../domain/schemas/integration';
import type { NamedAgency } from '../../common/AgencyListPicker';
import { api, type ApplicationEvent } from '../../lib/api';
import { ROUTES } from '../../routes/paths';

const BASE = '/api/application-systems';
const enc = encodeURIComponent;

/** The address's service segment (sso | verify | redirect | sms) ↔ ServiceKind. */
export const kindSegment = (kind: ServiceKind) => kind.toLowerCase();
export const kindOfSegment = (segment: string): ServiceKind | null => {
  const kind = segment.toUpperCase();
  return kind === 'SSO' || kind === 'VERIFY' || kind === 'REDIRECT' || kind === 'SMS' ? kind : null;
};

export interface SystemRow {
  id: string;
  name: string;
  shortName: string | null;
  agency: NamedAgency;
  vendorName: string;
  url: string;
  createdAt: string;
  services: { kind: ServiceKind; status: ServiceStatus }[];
}

export interface PagedSystems {
  total: number;
  items: SystemRow[];
}

/** 應用系統資料 as 審核紀錄 and the printed 申請單 name it. */
export interface SystemSummary {
  name: string;
  shortName: string | null;
  agencyName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  vendorName: string;
  description: string;
  url: string;
  productionIps: string[];
}

/** 應用系統資料 (GET /api/application-systems/:id). */
export interface SystemFields extends Omit<SystemSummary, 'agencyName' | 'description'> {
  id: string;
  agency: NamedAgency;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export interface ServiceState {
  kind: ServiceKind;
  label: string;
  status: ServiceStatus | 'NONE';
  statusLabel: string;
  clientId?: string;
  openApplicationKey?: string;
  canApply: boolean;
  canRotate: boolean;
  canRevoke: boolean;
}

export interface ApplicationRow {
  key: string;
  kind: ServiceKind;
  kindLabel: string;
  action: IntegrationActionCode;
  actionLabel: string;
  status: ApplicationStatus;
  statusLabel: string;
  createdAt: string;
}

export interface SystemDetail {
  system: SystemFields;
  services: ServiceState[];
  applications: ApplicationRow[];
  canEdit: boolean;
}

export interface SystemDefaults {
  agency: NamedAgency;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

/** 審核紀錄 (GET /api/integration-applications/:key). */
export interface ApplicationView extends Omit<ApplicationRow, 'createdAt'> {
  revision: number;
  form: Record<string, unknown>;
  system: { id: string } & SystemSummary;
  applicant: { name: string; account: string; unitName: string };
  createdAt: string;
  decidedAt: string | null;
  reviewComment: string | null;
  events: ApplicationEvent[];
  temporalUrl?: string;
  credential?: { clientId: string; secretRevealable: boolean; revealedAt?: string | null };
  canResubmit: boolean;
}

/** 變更金鑰 / 停用: the change asked for, in the address (`?action=`). */
export type CredentialChange = 'ROTATE' | 'REVOKE';

export const integrationSystemPath = (id: string) => ROUTES.integrationSystem.path.replace(':id', enc(id));
export const integrationApplyPath = (id: string, kind: ServiceKind, action?: CredentialChange) =>
  ROUTES.integrationServiceApply.path.replace(':id', enc(id)).replace(':kind', kindSegment(kind)) +
  (action ? `?action=${action}` : '');
export const integrationRecordPath = (key: string) => ROUTES.integrationRecord.path.replace(':key', enc(key));

const query = (q: Record<string, string | number | undefined>) => {
  const entries = Object.entries(q).filter(([, v]) => v !== undefined && v !== '') as [string, string][];
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
};

export const integrationsApi = {
  listPath: (name: string, page: number, pageSize: number) => `${BASE}${query({ name, page, pageSize })}`,
  defaults: (signal: AbortSignal) => api.get<SystemDefaults>(`${BASE}/new-defaults`, { signal }),
  agencies: (signal: AbortSignal) => api.get<{ items: NamedAgency[] }>(`${BASE}/agencies`, { signal }),
  system: (id: string, signal: AbortSignal) => api.get<SystemDetail>(`${BASE}/${enc(id)}`, { signal }),
  create: (input: ApplicationSystemInput) => api.post<{ id: string }>(BASE, input),
  update: (id: string, input: ApplicationSystemInput) => api.put<SystemDetail>(`${BASE}/${enc(id)}`, input),
  apply: (id: string, kind: ServiceKind, form: unknown) =>
    api.post<{ key: string }>(`${BASE}/${enc(id)}/services/${kindSegment(kind)}/applications`, form),
  change: (id: string, kind: ServiceKind, action: CredentialChange, reason: string) =>
    api.post<{ key: string }>(
      `${BASE}/${enc(id)}/services/${kindSegment(kind)}/${action === 'ROTATE' ? 'rotations' : 'revocations'}`,
      { reason },
    ),
  application: (key: string, signal: AbortSignal) =>
    api.get<ApplicationView>(`/api/integration-applications/${enc(key)}`, { signal }),
  resubmit: (key: string, form: unknown) => api.put<ApplicationView>(`/api/integration-applications/${enc(key)}`, form),
  revealSecret: (key: string) =>
    api.post<{ clientId: string; clientSecret: string }>(`/api/integration-applications/${enc(key)}/secret`),
};
