import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RepairStatusCode } from '../domain/repairs/labels';
export { REPAIR_STATUS_LABELS, type RepairStatusCode } from '../domain/repairs/labels';

/** 線上報修 (repairTicket): what the workflow takes, accepts and reports. */
export const REPAIR_TICKET_WORKFLOW_PREFIX = 'repair-ticket-';
export const repairTicketWorkflowId = (key: string) => `${REPAIR_TICKET_WORKFLOW_PREFIX}${key}`;
export const REPAIR_REQUEST_TYPE_LABEL = '線上報修';

/** Who acts on a ticket, as the updates carry them (the API fills it from the session). */
export interface RepairActor {
  userId: string;
  account: string;
  name: string;
}

export interface RepairTicketInput {
  /** The repair_tickets row, written (待處理) before the workflow started. */
  ticketId: string;
  /**
   * What the update validators need before anything is loaded (an update may arrive with the first
   * task): the reporter (the only one who rates or returns), the type's 維修人員 and its offered 分類.
   * Refreshed from the database at each 待處理 period and on `repairTypeChanged`.
   */
  reporterUserId: string;
  vendorUserIds: string[];
  categoryIds: string[];
}

export interface RepairTicketState {
  status: RepairStatusCode;
  /** 退回次數. */
  returnCount: number;
  /** 評分 once rated. */
  rating?: number;
  /** How many 處理狀況回覆 rows (seq of the last). */
  replies: number;
}

/** 報修處理狀況回報: a 維修人員 of the type answers a 待處理 ticket. */
export interface RepairReplyInput {
  actor: RepairActor;
  /** 處理人員 (pre-filled with the vendor's name). */
  handlerName: string;
  /** 處理時間 (ISO instant). */
  handledAt: string;
  /** 處理結果. */
  result: string;
  /** 分類: one of the type's categories still offered. */
  categoryId: string;
}

/** 評分: the reporter, on an 已處理 ticket; 1–5 with an optional 備註. */
export interface RepairRateInput {
  actor: RepairActor;
  rating: number;
  note?: string;
}

/** 退回: the reporter, on an 已處理 ticket, with 退回原因. */
export interface RepairReturnInput {
  actor: RepairActor;
  reason: string;
}

export const replyRepairUpdate = defineUpdate<RepairTicketState, [RepairReplyInput]>('reply');
export const rateRepairUpdate = defineUpdate<RepairTicketState, [RepairRateInput]>('rate');
export const returnRepairUpdate = defineUpdate<RepairTicketState, [RepairReturnInput]>('return');
/** 報修類型管理 changed the type's 維修人員 or 分類: the workflow reloads them. */
export const repairTypeChangedSignal = defineSignal('repairTypeChanged');
export const getRepairTicketStateQuery = defineQuery<RepairTicketState>('getRepairTicketState');
