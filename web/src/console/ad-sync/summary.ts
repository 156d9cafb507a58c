// Pure helpers for the 連線測試 screen: which row shows what, and the one-line result summary.
import type { ConnectivityCheck, ConnectivityResult, ConnectivityTarget } from '../../lib/api/types';

/** The four targets, always in this order, with the manual-style labels used until a result arrives. */
export const TARGETS: readonly { target: ConnectivityTarget; label: string }[] = [
  { target: 'postgres', label: '資料庫' },
  { target: 'ad', label: 'AD 主機' },
  { target: 'smtp', label: '郵件伺服器' },
  { target: 'sms', label: '簡訊平台' },
];

/** ok 成功 / failed 失敗 / checking 檢查中 (run still going) / missing 未完成 (run ended without this result). */
export type TargetState = 'ok' | 'failed' | 'checking' | 'missing';

export interface TargetRow {
  target: ConnectivityTarget;
  label: string;
  state: TargetState;
  result: ConnectivityResult | null;
}

export function targetRows(check: ConnectivityCheck): TargetRow[] {
  return TARGETS.map(({ target, label }) => {
    const result = check.results.find((item) => item.target === target) ?? null;
    const state: TargetState = result ? (result.ok ? 'ok' : 'failed') : check.status === 'RUNNING' ? 'checking' : 'missing';
    return { target, label: result?.label || label, state, result };
  });
}

export const RUN_STATUS_LABELS: Record<ConnectivityCheck['status'], string> = {
  RUNNING: '執行中',
  COMPLETED: '已完成',
  FAILED: '執行失敗',
};

/** 「4 項全部正常」, 「1 項異常」, 「檢查中（已完成 2/4 項）」, 「執行失敗」. */
export function summarize(check: ConnectivityCheck): string {
  const failed = check.results.filter((result) => !result.ok).length;
  if (check.status === 'RUNNING') {
    return failed > 0
      ? `檢查中（已完成 ${check.results.length}/${TARGETS.length} 項，${failed} 項異常）`
      : `檢查中（已完成 ${check.results.length}/${TARGETS.length} 項）`;
  }
  if (failed > 0) return `${failed} 項異常`;
  if (check.status === 'FAILED') return '執行失敗';
  if (check.results.length === 0) return '沒有檢查結果';
  return `${check.results.length} 項全部正常`;
}

/** The summary's tone, for its colour. */
export function summaryTone(check: ConnectivityCheck): 'success' | 'error' | 'info' {
  if (check.status === 'RUNNING') return 'info';
  return check.status === 'FAILED' || check.results.some((result) => !result.ok) || check.results.length === 0
    ? 'error'
    : 'success';
}

export function formatLatency(latencyMs: number | null | undefined): string {
  return latencyMs == null ? '—' : `${Math.round(latencyMs)} ms`;
}
