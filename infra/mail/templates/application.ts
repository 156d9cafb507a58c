import { z } from 'zod';
import { line, link, resolveLink, type RenderContext } from './format';
import { layout, note, p, type Block, type RenderedMail } from './layout';

// 線上申請作業 notifications: submitted, approved, rejected. They share the applicant, the kind of
// request and an optional link to its status page.
const applicationBase = z.object({
  /** Applicant's name, as the salutation. */
  name: line(100),
  /** The request kind in the manual's words, e.g. 帳號申請, 管理者權限申請, 場地預約. */
  requestType: line(60),
  /** Case number shown to the applicant. */
  requestId: line(60).optional(),
  /** Status page: a portal page's path (domain/mail-links.ts). */
  statusUrl: link.optional(),
});

export const applicationSubmittedSchema = applicationBase.extend({
  statusUrl: link,
  /** What was asked, in a line (場地借用: the venue and the time). */
  note: z.string().trim().max(1000).optional(),
});
export const applicationApprovedSchema = applicationBase.extend({
  note: z.string().trim().max(1000).optional(),
  /** The 開通帳號 page, when approval leaves the account 待開通 (復用): the link then says so. */
  activationUrl: link.optional(),
});
export const applicationRejectedSchema = applicationBase.extend({
  reason: z.string().trim().min(1).max(1000),
  note: z.string().trim().max(1000).optional(),
});
/** An approved request withdrawn by its approver (a custodian's 取消借用), with the reason. */
export const applicationCancelledSchema = applicationBase.extend({
  reason: z.string().trim().min(1).max(1000),
  note: z.string().trim().max(1000).optional(),
});

function caseFields(data: { requestType: string; requestId?: string | undefined }): Block {
  return {
    kind: 'fields',
    rows: [['申請項目', data.requestType], ...(data.requestId ? [['案件編號', data.requestId] as const] : [])],
  };
}

function noteFields(text: string | undefined, label: string): Block[] {
  return text ? [{ kind: 'fields', rows: [[label, text]] }] : [];
}

function statusButton(url: string | undefined, ctx: RenderContext): Block[] {
  return url ? [{ kind: 'button', label: '查詢案件進度', url: resolveLink(url, ctx) }] : [];
}

export function applicationSubmitted(data: z.output<typeof applicationSubmittedSchema>, ctx: RenderContext): RenderedMail {
  return layout(`${data.requestType}已送出`, [
    p(`${data.name} 您好：`),
    p(`您的「${data.requestType}」已送出，待相關承辦人員審核。審核結果將以電子郵件通知您，您也可以隨時查詢案件進度。`),
    caseFields(data),
    ...noteFields(data.note, '申請內容'),
    ...statusButton(data.statusUrl, ctx),
  ]);
}

export function applicationApproved(data: z.output<typeof applicationApprovedSchema>, ctx: RenderContext): RenderedMail {
  return layout(`${data.requestType}已核准`, [
    p(`${data.name} 您好：`),
    p(`您的「${data.requestType}」已審核通過。`),
    caseFields(data),
    ...noteFields(data.note, '備註'),
    ...(data.activationUrl
      ? [{ kind: 'button', label: '開通帳號', url: resolveLink(data.activationUrl, ctx) } satisfies Block]
      : statusButton(data.statusUrl, ctx)),
  ]);
}

export function applicationRejected(data: z.output<typeof applicationRejectedSchema>, ctx: RenderContext): RenderedMail {
  return layout(`${data.requestType}未通過審核`, [
    p(`${data.name} 您好：`),
    p(`很抱歉，您的「${data.requestType}」未通過審核。`),
    caseFields(data),
    ...noteFields(data.note, '申請內容'),
    { kind: 'fields', rows: [['退件原因', data.reason]] },
    note('如對審核結果有疑問，請洽貴機關帳號管理人員；您可依退件原因修正後重新提出申請。'),
    ...statusButton(data.statusUrl, ctx),
  ]);
}

export function applicationCancelled(data: z.output<typeof applicationCancelledSchema>, ctx: RenderContext): RenderedMail {
  return layout(`${data.requestType}已取消`, [
    p(`${data.name} 您好：`),
    p(`很抱歉，您已通過審核的「${data.requestType}」已由承辦人員取消。`),
    caseFields(data),
    ...noteFields(data.note, '申請內容'),
    { kind: 'fields', rows: [['取消原因', data.reason]] },
    ...statusButton(data.statusUrl, ctx),
  ]);
}

/** Answered rather than approved (線上報修's 已處理): what was done, and what the applicant may do now. */
export const applicationHandledSchema = applicationBase.extend({
  statusUrl: link,
  /** The answer (處理結果, 處理人員 …). */
  note: z.string().trim().min(1).max(2000),
});

export function applicationHandled(data: z.output<typeof applicationHandledSchema>, ctx: RenderContext): RenderedMail {
  return layout(`${data.requestType}已處理`, [
    p(`${data.name} 您好：`),
    p(`您的「${data.requestType}」已處理，請至案件頁面評分；如處理狀況與實際情況不符，可退回並說明退回原因。`),
    caseFields(data),
    { kind: 'fields', rows: [['處理狀況', data.note]] },
    ...statusButton(data.statusUrl, ctx),
  ]);
}

/** Closed by itself (線上報修: 已處理 and neither rated nor returned in time). */
export const applicationClosedSchema = applicationBase.extend({
  note: z.string().trim().max(1000).optional(),
});

export function applicationClosed(data: z.output<typeof applicationClosedSchema>, ctx: RenderContext): RenderedMail {
  return layout(`${data.requestType}已結案`, [
    p(`${data.name} 您好：`),
    p(`您的「${data.requestType}」已處理且逾期未評分，系統已自動結案。`),
    caseFields(data),
    ...noteFields(data.note, '備註'),
    ...statusButton(data.statusUrl, ctx),
  ]);
}

/** 退回補正: the approver sent the request back; the applicant corrects it and sends it again. */
export const applicationReturnedSchema = applicationBase.extend({
  statusUrl: link,
  reason: z.string().trim().min(1).max(1000),
  note: z.string().trim().max(1000).optional(),
});

export function applicationReturned(data: z.output<typeof applicationReturnedSchema>, ctx: RenderContext): RenderedMail {
  return layout(`${data.requestType}退回補正`, [
    p(`${data.name} 您好：`),
    p(`您的「${data.requestType}」經審核退回補正，請依審核意見修正後，於審核紀錄頁面補正送出。`),
    caseFields(data),
    ...noteFields(data.note, '申請內容'),
    { kind: 'fields', rows: [['審核意見', data.reason]] },
    ...statusButton(data.statusUrl, ctx),
  ]);
}
