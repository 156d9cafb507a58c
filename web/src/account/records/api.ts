// 個人帳號登入紀錄 / 個人帳號使用紀錄 (GET /api/account/login-records, /usage-records).
import { api } from '../../lib/api';
import { usePagedList } from '../../lib/data';

export interface LoginRecordRow {
  id: string;
  at: string;
  method: string;
  ip: string;
  browser: string;
  action: string;
  result: 'SUCCESS' | 'FAILURE';
}

export interface LoginRecordDetail extends LoginRecordRow {
  account: string;
  userAgent: string;
  browserName: string | null;
  browserVersion: string | null;
  os: string | null;
  reason: string | null;
  reasonText: string;
  via: { clientId: string; name: string } | null;
}

export interface UsageRecordRow {
  id: string;
  at: string;
  action: string;
  actionLabel: string;
  target: string | null;
  ip: string;
}

export interface RecordPage<T> {
  from: string;
  to: string;
  total: number;
  items: T[];
}

export const recordsApi = {
  loginRecord: (id: string, signal?: AbortSignal) =>
    api.get<LoginRecordDetail>(`/api/account/login-records/${encodeURIComponent(id)}`, { signal }),
};

/** Loads one page whenever the path changes; the previous rows stay on screen while the next page loads. */
export function useRecordPage<T>(path: string) {
  const { page, loading, error } = usePagedList<RecordPage<T>>(path);
  return { page, loading, error };
}
