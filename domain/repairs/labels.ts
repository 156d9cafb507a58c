import type { RepairReplyKind, RepairStatus } from '@prisma/client';

/** The database's RepairStatus, spelled out for the workflow (which never imports Prisma). */
export type RepairStatusCode = 'PENDING' | 'HANDLED' | 'CLOSED';
// Each spelling must be assignable to the other: a status added to the schema fails here first.
const sameStatuses: [RepairStatus, RepairStatusCode] = ['PENDING' as RepairStatusCode, 'PENDING' as RepairStatus];
void sameStatuses;

/** 處理狀況 as the manual's lists and export word them (已結案: 評分, or closed by itself). */
export const REPAIR_STATUS_LABELS: Record<RepairStatusCode, string> = {
  PENDING: '待處理',
  HANDLED: '已處理',
  CLOSED: '已結案',
};

/** The rows of 處理狀況回覆. */
export const REPAIR_REPLY_KIND_LABELS: Record<RepairReplyKind, string> = {
  REPLY: '處理狀況回報',
  RETURN: '退回',
  RATING: '評分',
  AUTO_CLOSE: '逾期未評分，系統自動結案',
};

/** 允許報修機關: the three choices of 允許借用機關, worded for reporting. */
export const REPAIR_AUDIENCE_LABELS = {
  CITY: '全府',
  OWN_AGENCY: '僅限機關同仁報修',
  OWN_AND_LISTED: '開放機關同仁及其他機關人員報修',
} as const;
