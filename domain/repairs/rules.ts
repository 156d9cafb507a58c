import type { RepairStatusCode } from './labels';
import { REPAIR_STATUS_LABELS } from './labels';

/**
 * What may be done to a 報修案件 and what is said when not: one set of rules read by the workflow's
 * update validators, the API's checks before them and the pages' offer of 回覆 / 評分 / 退回.
 * Free of libraries: the workflow bundle imports it.
 */
export const REPAIR_LIMITS = { handlerName: 50, result: 1000, reason: 500, note: 500, fault: 500 } as const;

export const REPAIR_MESSAGES = {
  NOT_VENDOR: '您不是此報修類型的維修人員，無法回覆此報修案件',
  NOT_REPORTER: '僅報修人可評分或退回此報修案件',
  HANDLER_REQUIRED: '請輸入處理人員',
  HANDLED_AT_REQUIRED: '請輸入處理時間',
  RESULT_REQUIRED: '請輸入處理結果',
  CATEGORY_REQUIRED: '請選擇分類',
  RATING_RANGE: '評分須為 1 至 5 分',
  REASON_REQUIRED: '請輸入退回原因',
  ALREADY_RATED: '此報修案件已評分，無法再次評分',
} as const;

const tooLong = (label: string, max: number) => `${label}不可超過 ${max} 個字元`;

/** A vendor's reply on a ticket in `status`: what is wrong, or null. */
export function replyProblem(
  status: RepairStatusCode,
  input: { handlerName?: string; handledAt?: string; result?: string; categoryId?: string },
  opts: { vendor: boolean; categoryIds: readonly string[] },
): string | null {
  if (!opts.vendor) return REPAIR_MESSAGES.NOT_VENDOR;
  if (status !== 'PENDING') return `此報修案件目前狀態為「${REPAIR_STATUS_LABELS[status]}」，無法回覆`;
  const handler = input.handlerName?.trim() ?? '';
  if (!handler) return REPAIR_MESSAGES.HANDLER_REQUIRED;
  if (handler.length > REPAIR_LIMITS.handlerName) return tooLong('處理人員', REPAIR_LIMITS.handlerName);
  if (!input.handledAt || Number.isNaN(Date.parse(input.handledAt))) return REPAIR_MESSAGES.HANDLED_AT_REQUIRED;
  const result = input.result?.trim() ?? '';
  if (!result) return REPAIR_MESSAGES.RESULT_REQUIRED;
  if (result.length > REPAIR_LIMITS.result) return tooLong('處理結果', REPAIR_LIMITS.result);
  if (!input.categoryId || !opts.categoryIds.includes(input.categoryId)) return REPAIR_MESSAGES.CATEGORY_REQUIRED;
  return null;
}

/** The reporter's 評分 on a ticket in `status` (rated: it has a rating already). */
export function rateProblem(
  status: RepairStatusCode,
  rated: boolean,
  input: { rating?: number; note?: string },
  opts: { reporter: boolean },
): string | null {
  if (!opts.reporter) return REPAIR_MESSAGES.NOT_REPORTER;
  if (rated) return REPAIR_MESSAGES.ALREADY_RATED;
  if (status !== 'HANDLED') return `此報修案件目前狀態為「${REPAIR_STATUS_LABELS[status]}」，僅已處理的案件可評分`;
  if (!Number.isInteger(input.rating) || input.rating! < 1 || input.rating! > 5) return REPAIR_MESSAGES.RATING_RANGE;
  if ((input.note?.trim().length ?? 0) > REPAIR_LIMITS.note) return tooLong('備註', REPAIR_LIMITS.note);
  return null;
}

/** The reporter's 退回 on a ticket in `status`. */
export function returnProblem(status: RepairStatusCode, input: { reason?: string }, opts: { reporter: boolean }): string | null {
  if (!opts.reporter) return REPAIR_MESSAGES.NOT_REPORTER;
  if (status !== 'HANDLED') return `此報修案件目前狀態為「${REPAIR_STATUS_LABELS[status]}」，僅已處理的案件可退回`;
  const reason = input.reason?.trim() ?? '';
  if (!reason) return REPAIR_MESSAGES.REASON_REQUIRED;
  if (reason.length > REPAIR_LIMITS.reason) return tooLong('退回原因', REPAIR_LIMITS.reason);
  return null;
}
