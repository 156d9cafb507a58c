// 系統參數管理 (GET /api/console/system-parameters, PUT …/:key).
import { api } from '../../lib/api';

const BASE = '/api/console/system-parameters';

export interface Parameter {
  key: string;
  type: 'INT' | 'BOOL' | 'STRING' | 'DURATION';
  label: string;
  description: string;
  unit: string | null;
  value: number | boolean | string;
  valueText: string;
  defaultText: string;
  min: number | null;
  max: number | null;
  updatedAt: string | null;
  updatedBy: { account: string; name: string } | null;
}

export const parametersApi = {
  list: (signal?: AbortSignal) => api.get<{ items: Parameter[] }>(BASE, { signal }),
  save: (key: string, value: number | undefined) => api.put<Parameter>(`${BASE}/${encodeURIComponent(key)}`, { value }),
};
