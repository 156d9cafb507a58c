import { db, mail, MAIL_STEP, STEP } from './activity-options';
import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { RepairActivities, RecordRepairReplyInput } from '../activities/repairs';
import { mailPath } from '../domain/mail-links';
import { rateProblem, replyProblem, returnProblem } from '../domain/repairs/rules';
import { applicantMail } from './applicant-mail';
import {
  getRepairTicketStateQuery,
  rateRepairUpdate,
  repairTypeChangedSignal,
  replyRepairUpdate,
  returnRepairUpdate,
  REPAIR_REQUEST_TYPE_LABEL,
  REPAIR_STATUS_LABELS,
  type RepairRateInput,
  type RepairReplyInput,
  type RepairReturnInput,
  type RepairTicketInput,
  type RepairTicketState,
} from './repair-ticket.messages';
import { requestTimeline } from './request-timeline';
import { requestSearchAttributes } from './search-attributes';

const repairs = proxyActivities<RepairActivities>(STEP);
// Notices wait out an SMTP outage: the step is recorded first, the notice follows once.
const notices = proxyActivities<RepairActivities>(MAIL_STEP);

const HOUR = 3600;
const refuse = (problem: string | null, type: string) => {
  if (problem) throw ApplicationFailure.nonRetryable(problem, type);
};

/**
 * 線上報修 (manual 圖 17): a ticket is answered, not approved.
 *   待處理 → a 維修人員 of the type replies (處理人員, 處理時間, 處理結果, 分類) → 已處理;
 *   已處理 → the reporter 評分 (1–5, 備註) → 已結案, or 退回 (退回原因) → 待處理 again (退回次數 + 1);
 *   已處理 left unrated for repair.autoCloseAfter → 已結案 by itself (an AUTO_CLOSE row).
 * Each 待處理 period has its SLA: unanswered after the type's replyTargetHours (else repair.replyTarget)
 * the vendors are reminded, after repair.escalateAfter more the type's custodians are told. The vendors
 * are mailed each new or returned ticket, the reporter each answer and the close by itself; every
 * step is a 處理狀況回覆 row, the ticket row and a timeline row.
 */
export async function repairTicket(input: RepairTicketInput): Promise<RepairTicketState> {
  const { ticketId, reporterUserId } = input;
  const { workflowId, startTime } = workflowInfo();
  const state: RepairTicketState = { status: 'PENDING', returnCount: 0, replies: 0 };
  const labels = REPAIR_STATUS_LABELS;
  const { event } = requestTimeline({ workflowId, labels, state, appendRequestEvent: db.appendRequestEvent });
  let parties = { vendorUserIds: input.vendorUserIds, categoryIds: input.categoryIds, replyTargetHours: null as number | null };
  let typeChanged = false;
  let reply: RepairReplyInput | undefined;
  let rate: RepairRateInput | undefined;
  let ret: RepairReturnInput | undefined;
  /** The status a step being recorded leads to: a second step is judged against it. */
  const upcoming = () => (reply ? 'HANDLED' : rate ? 'CLOSED' : ret ? 'PENDING' : state.status);
  /** A step is recorded (its 處理狀況回覆 row, the ticket and the timeline): its update answers. */
  const stepDone = (clear?: () => void) => {
    state.replies++;
    clear?.();
  };

  // Handlers first: a reply, rating or return may arrive with the workflow's first task.
  setHandler(getRepairTicketStateQuery, () => state);
  setHandler(repairTypeChangedSignal, () => void (typeChanged = true));
  setHandler(
    replyRepairUpdate,
    async (r) => {
      reply = r;
      // Answered once the step is recorded (its row, the ticket and the timeline) and cleared.
      await condition(() => reply !== r);
      return state;
    },
    {
      validator: (r) => {
        const vendor = parties.vendorUserIds.includes(r.actor.userId);
        refuse(replyProblem(upcoming(), r, { vendor, categoryIds: parties.categoryIds }), 'RepairReplyRefused');
      },
    },
  );
  setHandler(
    rateRepairUpdate,
    async (r) => {
      rate = r;
      // Answered once the step is recorded (its row, the ticket and the timeline) and cleared.
      await condition(() => rate !== r);
      return state;
    },
    {
      validator: (r) => {
        const reporter = r.actor.userId === reporterUserId;
        const rated = state.rating !== undefined || rate !== undefined;
        refuse(rateProblem(upcoming(), rated, r, { reporter }), 'RepairRateRefused');
      },
    },
  );
  setHandler(
    returnRepairUpdate,
    async (r) => {
      ret = r;
      // Answered once the step is recorded (its row, the ticket and the timeline) and cleared.
      await condition(() => ret !== r);
      return state;
    },
    {
      validator: (r) => {
        const reporter = r.actor.userId === reporterUserId;
        refuse(returnProblem(upcoming(), r, { reporter }), 'RepairReturnRefused');
      },
    },
  );

  const t = await repairs.loadRepairTicket({ ticketId });
  parties = { vendorUserIds: t.vendorUserIds, categoryIds: t.categoryIds, replyTargetHours: t.replyTargetHours };
  upsertSearchAttributes(
    requestSearchAttributes({
      requestType: 'REPAIR_TICKET',
      agencyCode: t.agencyCode,
      applicantAccount: t.reporterAccount,
      status: state.status,
    }),
  );
  await db.recordRequest({
    workflowId,
    type: 'REPAIR_TICKET',
    status: state.status,
    statusLabel: labels[state.status],
    agencyId: t.agencyId,
    repairTypeId: t.repairTypeId,
    applicantUserId: t.reporterUserId,
    applicantAccount: t.reporterAccount,
    applicantName: t.reporterName,
    summary: {
      key: t.key,
      repairType: t.repairTypeName,
      unitName: t.unitName,
      location: t.location,
      floor: t.floor,
      fault: t.fault,
    },
    createdAt: startTime.toISOString(),
  });
  const toReporter = applicantMail({
    workflowId,
    to: t.reporterEmail,
    name: t.reporterName,
    requestType: REPAIR_REQUEST_TYPE_LABEL,
    statusUrl: mailPath('repairTicket', t.key),
    sendMail: mail.sendMail,
    event,
  });
  const what = `${t.repairTypeName}：${t.location} ${t.floor}樓，${t.fault}`;
  await event('SUBMITTED', `已送出報修（${t.repairTypeName}，${t.location} ${t.floor}樓）`, {
    actorUserId: t.reporterUserId,
    actorName: t.reporterName,
    status: 'PENDING',
  });
  await toReporter('submitted', { note: what });

  /** One row of 處理狀況回覆 and the ticket as it leaves the step. */
  const record = (
    row: Omit<RecordRepairReplyInput, 'ticketId' | 'seq' | 'status' | 'returnCount' | 'at'>,
    status: RepairTicketState['status'],
  ) =>
    repairs.recordRepairReply({
      ticketId,
      seq: state.replies + 1,
      status,
      returnCount: state.returnCount,
      at: new Date().toISOString(),
      ...row,
    });

  /**
   * Waits up to `ms` (for ever without) for a vendor's reply; a change of the type's 維修人員 or 分類
   * meanwhile (the signal) reloads them and the wait goes on for what is left of it.
   */
  const replied = async (ms?: number): Promise<boolean> => {
    const until = ms === undefined ? undefined : Date.now() + ms;
    for (;;) {
      const left = until === undefined ? undefined : until - Date.now();
      if (left !== undefined && left <= 0) return reply !== undefined;
      const woke = await condition(() => reply !== undefined || typeChanged, left);
      if (reply !== undefined) return true;
      if (!woke) return false;
      typeChanged = false;
      parties = await repairs.loadRepairParties({ ticketId });
    }
  };

  /**
   * A 待處理 period: wait for a vendor's reply, reminding the vendors once after the reply target and
   * telling the type's custodians once after repair.escalateAfter more. Timers are Temporal's: a worker
   * down meanwhile finds them fired when it returns.
   */
  const awaitReply = async (round: number) => {
    const params = await db.getSystemParameters(['repair.replyTarget', 'repair.escalateAfter']);
    const target = parties.replyTargetHours !== null ? parties.replyTargetHours * HOUR : params['repair.replyTarget'];
    const escalateAfter = params['repair.escalateAfter'];
    const hours = (seconds: number) => Math.round((seconds / HOUR) * 10) / 10;
    if (await replied(target * 1000)) return;
    await notices.notifyRepairVendors({ workflowId, ticketId, kind: 'reminder', round, waitedHours: hours(target) });
    await event('REMINDED', '已寄送處理提醒給維修人員');
    if (await replied(escalateAfter * 1000)) return;
    await notices.notifyRepairCustodians({ workflowId, ticketId, round, waitedHours: hours(target + escalateAfter) });
    await event('ESCALATED', '逾期未處理，已陳報類型保管人');
    await replied();
  };

  let returnReason: string | undefined;
  for (let round = 1; ; round++) {
    // 待處理: the type's vendors are told (a returned ticket with its reason), then the SLA runs.
    if (round > 1 || typeChanged) {
      typeChanged = false;
      parties = await repairs.loadRepairParties({ ticketId });
    }
    await notices.notifyRepairVendors({
      workflowId,
      ticketId,
      kind: round === 1 ? 'submitted' : 'returned',
      round,
      ...(returnReason ? { reason: returnReason } : {}),
    });
    await awaitReply(round);

    const r = reply!;
    await record(
      {
        kind: 'REPLY',
        authorUserId: r.actor.userId,
        authorName: r.actor.name,
        handlerName: r.handlerName.trim(),
        handledAt: new Date(r.handledAt).toISOString(),
        result: r.result.trim(),
        categoryId: r.categoryId,
      },
      'HANDLED',
    );
    await event('REPLIED', `維修人員已回覆處理狀況：${r.result.trim()}`, {
      actorUserId: r.actor.userId,
      actorName: r.actor.name,
      status: 'HANDLED',
    });
    stepDone(() => (reply = undefined));
    await toReporter('handled', {
      note: `處理人員：${r.handlerName.trim()}；處理結果：${r.result.trim()}`,
      occurrence: round,
    });

    // 已處理: the reporter rates it or returns it; neither within repair.autoCloseAfter closes it.
    const { 'repair.autoCloseAfter': autoCloseAfter } = await db.getSystemParameters(['repair.autoCloseAfter']);
    const acted = await condition(() => rate !== undefined || ret !== undefined, autoCloseAfter * 1000);
    if (!acted) {
      await record({ kind: 'AUTO_CLOSE' }, 'CLOSED');
      await event('AUTO_CLOSED', '逾期未評分，系統自動結案', { status: 'CLOSED' });
      stepDone();
      await toReporter('closed', { note: what });
      return state;
    }
    if (rate) {
      const g = rate;
      const note = g.note?.trim() || undefined;
      await record({ kind: 'RATING', authorUserId: g.actor.userId, authorName: g.actor.name, rating: g.rating, note }, 'CLOSED');
      state.rating = g.rating;
      await event('RATED', `報修人評分 ${g.rating} 分，已結案`, {
        actorUserId: g.actor.userId,
        actorName: g.actor.name,
        comment: note,
        status: 'CLOSED',
      });
      stepDone(() => (rate = undefined));
      return state;
    }
    const back = ret!;
    returnReason = back.reason.trim();
    state.returnCount++;
    await record(
      { kind: 'RETURN', authorUserId: back.actor.userId, authorName: back.actor.name, reason: returnReason },
      'PENDING',
    );
    await event('RETURNED', `報修人退回（第 ${state.returnCount} 次）`, {
      actorUserId: back.actor.userId,
      actorName: back.actor.name,
      comment: returnReason,
      status: 'PENDING',
    });
    stepDone(() => (ret = undefined));
  }
}
