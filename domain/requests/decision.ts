/**
 * 審核意見 on every reviewed request: one rule read by the inbox dialogs, the API's decision schema and
 * the workflows' decide validators, so the three never disagree on what an approver may send.
 * Free of libraries: the workflow bundle imports it.
 */
export type DecisionKind = 'APPROVE' | 'REJECT';

export const COMMENT_MAX_LENGTH = 500;
export const REJECT_COMMENT_REQUIRED = '駁回時請填寫審核意見';
export const COMMENT_TOO_LONG = `審核意見不可超過 ${COMMENT_MAX_LENGTH} 個字元`;

/** What is wrong with a decision's comment (trimmed as the API stores it), or null. */
export function decisionCommentProblem(decision: DecisionKind, comment: string | undefined): string | null {
  const text = comment?.trim() ?? '';
  if (decision === 'REJECT' && text === '') return REJECT_COMMENT_REQUIRED;
  if (text.length > COMMENT_MAX_LENGTH) return COMMENT_TOO_LONG;
  return null;
}
