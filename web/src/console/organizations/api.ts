// 組織管理 (api/routes/console/organizations): the units, and every change started as a workflow (202).
import { api } from '../../lib/api';
import type { OrgUnit, StartedChange } from './types';

const BASE = '/api/console/organizations';
const unit = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const organizationsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: OrgUnit[] }>(BASE, { signal }),
  create: (body: { parentId: string | null; name: string; shortName: string; kind?: string }) =>
    api.post<StartedChange>(BASE, body),
  rename: (id: string, body: { name: string; shortName: string }) => api.patch<StartedChange>(unit(id), body),
  move: (id: string, body: { parentId: string }) => api.post<StartedChange>(`${unit(id)}/move`, body),
  /** 裁撤 / 復原 and the other changes without a body. */
  act: (id: string, action: string) => api.post<StartedChange>(`${unit(id)}/${action}`),
};
