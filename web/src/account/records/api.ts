// 個人帳號登入紀錄 / 個人帳號使用紀錄 (GET /api/account/login-records, /usage-records).
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../lib/api';

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
  const [result, setResult] = useState<{ path: string; error?: string } | null>(null);
  const [shown, setShown] = useState<RecordPage<T> | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.get<RecordPage<T>>(path, { signal: controller.signal }).then(
      (page) => {
        setResult({ path });
        setShown(page);
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setResult({ path, error: errorMessage(cause) });
      },
    );
    return () => controller.abort();
  }, [path]);
  const current = result?.path === path ? result : null;
  return { page: shown, loading: !current, error: current?.error ?? null };
}
