/**
 * 審核意見 on every reviewed request: one rule read by the inbox dialogs, the API's decision schema and
 * the workflows' decide validators, so the three never disagree on what an approver may send.
 * Free of libraries: the workflow bundle imports it.
 */
export type DecisionKind = 'APPROVE' | 'REJECT';
/**
 * 退回補正 besides 核准 / 駁回: the request goes back to the applicant, who corrects it and sends it
 * again to the same process (應用系統服務介接申請). Only a process that says so takes it.
 */
export type ReturnableDecisionKind = DecisionKind | 'RETURN';

export const COMMENT_MAX_LENGTH = 500;
export const REJECT_COMMENT_REQUIRED = '駁回時請填寫審核意見';
export const RETURN_COMMENT_REQUIRED = '退回補正時請填寫審核意見';
export const COMMENT_TOO_LONG = `審核意見不可超過 ${COMMENT_MAX_LENGTH} 個字元`;

/** What is wrong with a decision's comment (trimmed as the API stores it), or null. */
export function decisionCommentProblem(decision: ReturnableDecisionKind, comment: string | undefined): string | null {
  const text = comment?.trim() ?? '';
  if (decision === 'REJECT' && text === '') return REJECT_COMMENT_REQUIRED;
  if (decision === 'RETURN' && text === '') return RETURN_COMMENT_REQUIRED;
  if (text.length > COMMENT_MAX_LENGTH) return COMMENT_TOO_LONG;
  return null;
}

/** Who decides a reviewed request, as the decide update carries it. */
export interface DecisionActor {
  userId: string;
  account: string;
  name: string;
  /**
   * 代理: the approver whose authority the actor used (個人帳號管理 › 代理人設定) — absent when the
   * actor decided in their own right.
   */
  onBehalfOf?: { userId: string; account: string; name: string };
}

/** The decide update's input; `K` widens to ReturnableDecisionKind for a process that may send back. */
export interface DecisionInput<K extends ReturnableDecisionKind = DecisionKind> {
  decision: K;
  actor: DecisionActor;
  comment?: string;
}

/** How a decision's maker is shown in timelines and messages: 「王小明（代理 林怡君）」 for a deputy. */
export function deciderName(actor: Pick<DecisionActor, 'name' | 'onBehalfOf'>): string {
  return actor.onBehalfOf ? `${actor.name}（代理 ${actor.onBehalfOf.name}）` : actor.name;
}

/** Whether the decision would be on the actor's own request, directly or as someone's deputy. */
export const decidesOwnRequest = (actor: DecisionActor, applicantUserId: string | undefined) =>
  applicantUserId !== undefined && (actor.userId === applicantUserId || actor.onBehalfOf?.userId === applicantUserId);
