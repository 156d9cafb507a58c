import { describe, expect, it } from 'vitest';
import {
  COMMENT_MAX_LENGTH,
  COMMENT_TOO_LONG,
  decisionCommentProblem,
  REJECT_COMMENT_REQUIRED,
  RETURN_COMMENT_REQUIRED,
} from './decision';

describe('審核意見 rule', () => {
  it('asks for a comment to reject, not to approve', () => {
    expect(decisionCommentProblem('REJECT', undefined)).toBe(REJECT_COMMENT_REQUIRED);
    expect(decisionCommentProblem('REJECT', '  \n ')).toBe(REJECT_COMMENT_REQUIRED);
    expect(decisionCommentProblem('REJECT', '資料不符')).toBeNull();
    expect(decisionCommentProblem('APPROVE', undefined)).toBeNull();
  });

  it('asks for a comment to return a request for correction (退回補正)', () => {
    expect(decisionCommentProblem('RETURN', ' ')).toBe(RETURN_COMMENT_REQUIRED);
    expect(decisionCommentProblem('RETURN', '請補充驗證處理常式')).toBeNull();
  });

  it('refuses a comment over the limit, counted after trimming', () => {
    expect(decisionCommentProblem('APPROVE', 'x'.repeat(COMMENT_MAX_LENGTH))).toBeNull();
    expect(decisionCommentProblem('APPROVE', ` ${'x'.repeat(COMMENT_MAX_LENGTH)} `)).toBeNull();
    expect(decisionCommentProblem('REJECT', 'x'.repeat(COMMENT_MAX_LENGTH + 1))).toBe(COMMENT_TOO_LONG);
  });
});
