// 報修類型管理 › 處理狀況 (api/routes/repair-stats.ts, docs/api/repair-stats.md).
import type { RepairStats } from '../../../../domain/repairs/stats';
import { api } from '../../lib/api';

export type { RepairStats };
export {
  currentMonthRange,
  formatDuration,
  formatShare,
  STATS_MAX_RANGE_DAYS,
  STATS_GRANULARITY_LABELS,
} from '../../../../domain/repairs/stats';

export interface StatsRange {
  from: string;
  to: string;
}

const base = (typeId: string) => `/api/repair-stats/${encodeURIComponent(typeId)}`;
const query = ({ from, to }: StatsRange) => `?${new URLSearchParams({ from, to }).toString()}`;

export const statsApi = {
  path: (typeId: string, range: StatsRange) => `${base(typeId)}${query(range)}`,
  get: (typeId: string, range: StatsRange, signal?: AbortSignal) =>
    api.get<RepairStats>(statsApi.path(typeId, range), { signal }),
  /** 匯出: the period's 11-column Excel. */
  exportPath: (typeId: string, range: StatsRange) => `${base(typeId)}/export${query(range)}`,
};
