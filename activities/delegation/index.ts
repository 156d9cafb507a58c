import type { ReturnableDecisionKind } from '../../domain/requests/decision';
import type { PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import { mailPath } from '../../domain/mail-links';
import { isReviewedRequestType, REVIEWED_REQUEST_TYPES } from '../../domain/requests/reviewed';
import { mailAddressOf } from '../../infra/db/accounts';
import type { createMailActivities } from '../mail';

interface Deps {
  prisma: PrismaClient;
  mail: Pick<ReturnType<typeof createMailActivities>, 'sendMail'>;
}

export interface DelegatedDecisionInput {
  workflowId: string;
  principalUserId: string;
  deputyName: string;
  decision: ReturnableDecisionKind;
  decidedAt: string;
}

/** 代理人設定: telling an approver that their deputy decided one of their requests. */
export function createDelegationActivities({ prisma, mail }: Deps) {
  return {
    /** Mails the approver once per request (the outbox key), naming the request and the decision. */
    async notifyDelegatedDecision(input: DelegatedDecisionInput) {
      const [request, principal] = await Promise.all([
        prisma.request.findUnique({ where: { workflowId: input.workflowId } }),
        prisma.user.findUnique({ where: { id: input.principalUserId } }),
      ]);
      if (!request || !principal) throw ApplicationFailure.nonRetryable('找不到申請或被代理人', 'DelegationTargetMissing');
      if (!isReviewedRequestType(request.type))
        throw ApplicationFailure.nonRetryable(`${request.type} 不是審核案件`, 'NotReviewed');
      const to = mailAddressOf(principal);
      if (!to) return { notified: 0 };
      const kind = REVIEWED_REQUEST_TYPES[request.type];
      const pageId = kind.byApplication
        ? String((request.summary as { applicationId?: string }).applicationId ?? '')
        : request.id;
      await mail.sendMail({
        key: `${input.workflowId}:delegated-decision`,
        to,
        template: 'delegatedDecision',
        data: {
          principalName: principal.name,
          deputyName: input.deputyName,
          requestType: kind.label,
          applicantName: request.applicantName ?? '',
          decision: input.decision,
          decidedAt: input.decidedAt,
          detailUrl: mailPath(kind.reviewPage, pageId),
        },
      });
      return { notified: 1 };
    },
  };
}

export type DelegationActivities = ReturnType<typeof createDelegationActivities>;
