// 報修類型管理 (api/routes/repair-types; docs/api/repair-types.md). 所在地 / agencies and the account
// search are 物品管理's (itemsApi.options, itemsApi.people).
import { api } from '../../lib/api';
import { query, type Audience, type Named, type Person } from '../items/api';
import type { ChangesPath } from '../items/ChangeLog';

export interface RepairTypeRow {
  id: string;
  name: string;
  agency: string;
  audienceLabel: string;
  vendors: string[];
  custodians: string[];
}

export interface RepairCategory {
  id: string;
  name: string;
  retired: boolean;
}

export interface RepairTypeDetail {
  id: string;
  name: string;
  agency: Named;
  audience: Audience;
  audienceLabel: string;
  allowedAgencies: Named[];
  vendors: Person[];
  categories: RepairCategory[];
  replyTargetHours: number | null;
  custodian1: Person;
  custodian2: Person | null;
  allowedActions: string[];
}

const BASE = '/api/repair-types';
const typePath = (id?: string) => `${BASE}${id ? `/${encodeURIComponent(id)}` : ''}`;

export const repairTypesApi = {
  listPath: (q: string) => `${BASE}${query({ q, pageSize: 100 })}`,
  get: (id: string, signal?: AbortSignal) => api.get<RepairTypeDetail>(typePath(id), { signal }),
  create: (body: object) => api.post<{ id: string }>(BASE, body),
  update: (id: string, body: object) => api.put<void>(typePath(id), body),
  remove: (id: string) => api.delete(typePath(id)),
  setCustodian: (id: string, slot: 1 | 2, body: { userId: string | null; reason: string }) =>
    api.put<void>(`${typePath(id)}/custodians/${slot}`, body),
  changesPath:
    (id: string): ChangesPath =>
    (range, xlsx) =>
      `${typePath(id)}/custodian-changes${xlsx ? '.xlsx' : ''}${query(range)}`,
};
