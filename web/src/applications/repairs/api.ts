// 線上報修 and 報修處理狀況回報: the calls to /api/repairs (docs/api/repairs.md).
import type { RepairStatusCode } from '../../../../domain/repairs/labels';
import { api, ApiError, messageForCode, type ApplicationEvent } from '../../lib/api';
import { ROUTES } from '../../routes/paths';

const BASE = '/api/repairs';

export type RepairStatus = RepairStatusCode;
export type RepairReplyKind = 'REPLY' | 'RETURN' | 'RATING' | 'AUTO_CLOSE';

export interface RepairTypeChoice {
  id: string;
  name: string;
  agencyName: string;
}

export interface RepairLocation {
  id: string;
  name: string;
  floors: string[];
}

/** A ticket in a list (報修類型詳細頁, 我的維修, 報修處理狀況回報). */
export interface RepairTicketRow {
  key: string;
  repairType: { id: string; name: string };
  unitName: string;
  reporterName: string;
  location: string;
  floor: string;
  fault: string;
  status: RepairStatus;
  statusLabel: string;
  returnCount: number;
  rating: number | null;
  createdAt: string;
}

export interface PagedTickets {
  total: number;
  items: RepairTicketRow[];
}

export interface RepairReplyRow {
  seq: number;
  kind: RepairReplyKind;
  kindLabel: string;
  authorName: string | null;
  handlerName: string | null;
  handledAt: string | null;
  result: string | null;
  categoryName: string | null;
  reason: string | null;
  rating: number | null;
  note: string | null;
  at: string;
}

export type RepairAction = 'reply' | 'rate' | 'return';

export interface RepairTicketDetail extends RepairTicketRow {
  officePhone: string | null;
  ratingNote: string | null;
  autoClosed: boolean;
  closedAt: string | null;
  photos: { id: string; fileName: string; contentType: string; size: number }[];
  replies: RepairReplyRow[];
  categories?: { id: string; name: string }[];
  events?: ApplicationEvent[];
  allowedActions: RepairAction[];
  temporalUrl?: string;
}

export interface NewRepairTicket {
  locationId: string;
  floor: string;
  fault: string;
  photos: File[];
}

const query = (q: Record<string, string | number | undefined>) => {
  const entries = Object.entries(q).filter(([, v]) => v !== undefined && v !== '') as [string, string][];
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
};
const enc = encodeURIComponent;

export const repairTypePath = (id: string) => ROUTES.repairType.path.replace(':id', enc(id));
export const repairNewPath = (id: string) => ROUTES.repairNew.path.replace(':id', enc(id));
export const repairTicketPath = (key: string) => ROUTES.repairTicket.path.replace(':key', enc(key));
export const repairHandlingTicketPath = (key: string) => ROUTES.repairHandlingTicket.path.replace(':key', enc(key));

export const repairsApi = {
  types: (signal: AbortSignal) => api.get<{ items: RepairTypeChoice[] }>(`${BASE}/types`, { signal }),
  typePath: (id: string, page: number, pageSize: number) => `${BASE}/types/${enc(id)}${query({ page, pageSize })}`,
  locations: (signal: AbortSignal) => api.get<{ items: RepairLocation[] }>(`${BASE}/locations`, { signal }),
  minePath: (status: RepairStatus | '', page: number, pageSize: number) => `${BASE}/mine${query({ status, page, pageSize })}`,
  handlingPath: (status: RepairStatus | '', page: number, pageSize: number) =>
    `${BASE}/handling${query({ status, page, pageSize })}`,
  ticket: (key: string, signal: AbortSignal) => api.get<RepairTicketDetail>(`${BASE}/tickets/${enc(key)}`, { signal }),
  photoUrl: (key: string, photoId: string) => `${BASE}/tickets/${enc(key)}/photos/${enc(photoId)}`,
  rate: (key: string, input: { rating: number; note?: string }) =>
    api.post<RepairTicketDetail>(`${BASE}/tickets/${enc(key)}/rate`, input),
  giveBack: (key: string, reason: string) => api.post<RepairTicketDetail>(`${BASE}/tickets/${enc(key)}/return`, { reason }),
  reply: (key: string, input: { handlerName: string; handledAt: string; result: string; categoryId: string }) =>
    api.post<RepairTicketDetail>(`${BASE}/tickets/${enc(key)}/reply`, input),
  /** 送出: the fields and the photos in one form (the server reads each photo's type from its bytes). */
  async report(typeId: string, input: NewRepairTicket): Promise<{ key: string }> {
    const form = new FormData();
    form.append('locationId', input.locationId);
    form.append('floor', input.floor);
    form.append('fault', input.fault);
    for (const photo of input.photos) form.append('photos', photo, photo.name);
    let response: Response;
    try {
      response = await fetch(`${BASE}/types/${enc(typeId)}/tickets`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        body: form,
      });
    } catch {
      throw new ApiError(0, 'NETWORK_ERROR', messageForCode('NETWORK_ERROR'));
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw ApiError.fromBody(response.status, body);
    return body as { key: string };
  },
};
