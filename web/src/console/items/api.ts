// 物品管理 (api/routes/items): 場地清單管理, 公務車清單管理, 派遣司機清單管理.
import { ITEM_KIND_SLUGS, type ItemKind } from '../../../../domain/bookings/resource-schema';
import type { OpenHours } from '../../../../domain/bookings/slots';
import { api, ApiError, messageForCode } from '../../lib/api';

export type { ItemKind };
export type Audience = 'CITY' | 'OWN_AGENCY' | 'OWN_AND_LISTED';

export interface Named {
  id: string;
  name: string;
}
export interface Person {
  id: string;
  account: string;
  name: string;
  unit: string;
}
export interface DriverChoice {
  id: string;
  name: string;
  licence: string | null;
  phone: string | null;
}

export interface ItemRow {
  id: string;
  name: string;
  location: string;
  agency: string;
  floor: string | null;
  capacity: number | null;
  vehicleType: string | null;
  carCode: string | null;
  licence: string | null;
  phone: string | null;
  isPublic: boolean;
  custodians: string[];
}

export interface ItemDetail {
  id: string;
  kind: ItemKind;
  location: Named;
  agency: Named;
  name: string;
  floor: string | null;
  capacity: number | null;
  vehicleType: string | null;
  make: string | null;
  year: number | null;
  displacement: number | null;
  carCode: string | null;
  licence: string | null;
  phone: string | null;
  phoneExt: string | null;
  description: string | null;
  rules: string | null;
  remarks: string | null;
  openHours: OpenHours;
  isPublic: boolean;
  audience: Audience;
  audienceLabel: string;
  allowedAgencies: Named[];
  custodian1: Person;
  custodian2: Person | null;
  drivers: DriverChoice[];
  photos: { id: string; fileName: string; contentType: string; size: number }[];
  allowedActions: string[];
}

export interface ItemOptions {
  locations: Named[];
  agencies: Named[];
  managedAgencyIds: string[];
}

export interface CustodianChange {
  id: string;
  changedAt: string;
  slotLabel: string;
  fromName: string | null;
  toName: string | null;
  reason: string;
  changedBy: { account: string; name: string };
}

export interface BookingRecord {
  key: string;
  resource: string;
  driver: string | null;
  selfDrive: boolean;
  timeLabel: string;
  statusLabel: string;
  applicant: { account: string; name: string };
  unit: string;
  agency: string;
  phone: string;
  phoneExt: string;
  headcount: number;
  host: string | null;
  reason: string;
  destination: string | null;
  reviewComment: string | null;
  decidedAt: string | null;
  createdAt: string;
}

const BASE = '/api/items';
export const itemPath = (kind: ItemKind, id?: string) =>
  `${BASE}/${ITEM_KIND_SLUGS[kind]}${id ? `/${encodeURIComponent(id)}` : ''}`;
/** `?a=1&b=2` of the given values, leaving out the empty ones. */
export const query = (params: Record<string, string | number | undefined>) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][];
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
};

export const itemsApi = {
  options: (signal?: AbortSignal) => api.get<ItemOptions>(`${BASE}/options`, { signal }),
  people: (q: string, signal?: AbortSignal) => api.get<{ items: Person[] }>(`${BASE}/people${query({ q })}`, { signal }),
  driverChoices: (agencyId: string, signal?: AbortSignal) =>
    api.get<{ items: DriverChoice[] }>(`${BASE}/driver-choices${query({ agencyId })}`, { signal }),
  listPath: (kind: ItemKind, q: string) => `${itemPath(kind)}${query({ q, pageSize: 100 })}`,
  get: (kind: ItemKind, id: string, signal?: AbortSignal) => api.get<ItemDetail>(itemPath(kind, id), { signal }),
  create: (kind: ItemKind, body: object) => api.post<{ id: string }>(itemPath(kind), body),
  update: (kind: ItemKind, id: string, body: object) => api.put<void>(itemPath(kind, id), body),
  remove: (kind: ItemKind, id: string) => api.delete(itemPath(kind, id)),
  setDrivers: (id: string, driverIds: string[]) => api.put<void>(`${itemPath('CAR', id)}/drivers`, { driverIds }),
  setCustodian: (kind: ItemKind, id: string, slot: 1 | 2, body: { userId: string | null; reason: string }) =>
    api.put<void>(`${itemPath(kind, id)}/custodians/${slot}`, body),
  changesPath: (kind: ItemKind, id: string, range: { from?: string; to?: string }, xlsx = false) =>
    `${itemPath(kind, id)}/custodian-changes${xlsx ? '.xlsx' : ''}${query(range)}`,
  bookingsPath: (kind: ItemKind, id: string, date: string, page: number) =>
    `${itemPath(kind, id)}/bookings${query({ date, page, pageSize: 20 })}`,
  photoUrl: (id: string, photoId: string) => `${itemPath('VENUE', id)}/photos/${encodeURIComponent(photoId)}`,
  removePhoto: (id: string, photoId: string) => api.delete(`${itemPath('VENUE', id)}/photos/${encodeURIComponent(photoId)}`),
  /** 場地相關圖檔 › 上傳: the file's bytes as they are (the server reads their type). */
  async uploadPhoto(id: string, file: File): Promise<void> {
    let response: Response;
    try {
      response = await fetch(`${itemPath('VENUE', id)}/photos${query({ fileName: file.name })}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
        body: file,
      });
    } catch {
      throw new ApiError(0, 'NETWORK_ERROR', messageForCode('NETWORK_ERROR'));
    }
    if (!response.ok) throw ApiError.fromBody(response.status, await response.json().catch(() => undefined));
  },
};
