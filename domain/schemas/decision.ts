import { z } from 'zod';
import { COMMENT_MAX_LENGTH, COMMENT_TOO_LONG } from '../requests/decision';

/** 核准/駁回 with the reviewer's 審核意見, as every console inbox takes it (the reject rule: requireRejectComment). */
export const decisionSchema = z.object({
  decision: z.enum(['APPROVE', 'REJECT'], { error: '請選擇核准或駁回' }),
  comment: z.string().trim().max(COMMENT_MAX_LENGTH, COMMENT_TOO_LONG).optional(),
});

/** 核准 / 駁回 / 退回補正 (應用系統服務介接審核): a comment is required to reject or return. */
export const returnableDecisionSchema = decisionSchema.extend({
  decision: z.enum(['APPROVE', 'REJECT', 'RETURN'], { error: '請選擇核准、駁回或退回補正' }),
});
