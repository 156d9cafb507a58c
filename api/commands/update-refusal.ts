import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { fail } from '../errors';

/** The failure types the reviewed-request workflows' update validators throw, as the API's errors. */
const REFUSALS = {
  CommentRequired: (message: string) => fail('VALIDATION_FAILED', message, { comment: message }),
  SelfDecision: (message: string) => fail('FORBIDDEN', message),
  AccountTaken: (message: string) => fail('ACCOUNT_TAKEN', message),
  ReasonRequired: (message: string) => fail('VALIDATION_FAILED', message, { reason: message }),
  NotCancellable: (message: string) => fail('BOOKING_NOT_CANCELLABLE', message),
  // 線上報修: the API checks the same rules first (domain/repairs/rules.ts); these are the races.
  RepairReplyRefused: (message: string) => fail('CONFLICT', message),
  RepairRateRefused: (message: string) => fail('CONFLICT', message),
  RepairReturnRefused: (message: string) => fail('CONFLICT', message),
  // 應用系統服務介接申請's 補正: the API checks first; these are the races.
  ResubmitRefused: (message: string) => fail('CONFLICT', message),
  ReturnNotAllowed: (message: string) => fail('VALIDATION_FAILED', message, { decision: message }),
} as const;

/**
 * A refused `decide` (or `amend`) update in the API's words, with the workflow's own zh-TW message.
 * Anything else the workflow refuses means it was decided meanwhile: `decided` names that code
 * (個人帳號申請 keeps APPLICATION_DECIDED, which its applicant's pages read; the other requests
 * REQUEST_DECIDED).
 */
export function updateRefusal(decided: 'REQUEST_DECIDED' | 'APPLICATION_DECIDED' = 'REQUEST_DECIDED') {
  return (error: unknown): never => {
    // A decided request's workflow may already have completed: the decision came first.
    if (error instanceof WorkflowNotFoundError) throw fail(decided);
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause as { message?: string; type?: string } | undefined;
      const message = cause?.message ?? '無法處理此申請';
      const refusal = REFUSALS[cause?.type as keyof typeof REFUSALS];
      throw refusal ? refusal(message) : fail(decided, message);
    }
    throw error;
  };
}
