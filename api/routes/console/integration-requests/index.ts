import { z } from 'zod';
import { returnableDecisionSchema } from '../../../../domain/schemas/decision';
import { decideIntegration, type IntegrationDeps } from '../../../commands/integration-applications';
import { fail } from '../../../errors';
import {
  integrationApplicationByKey,
  integrationScope,
  presentIntegrationApplication,
} from '../../../queries/integration-applications';
import { requestOfWorkflow } from '../../../queries/requests';
import { requestInboxRoutes, type InboxSubject } from '../request-inbox';

type Summary = { key?: string; systemName?: string; kind?: string; serviceLabel?: string; action?: string; actionLabel?: string };

const applicationKey = z
  .string()
  .trim()
  .regex(/^I\d{8}-\d{5}$/, '申請單號格式錯誤');

/**
 * 管理主控台 › 應用系統服務介接審核: the system admins only; addressed by the 申請單號; 核准 / 駁回 /
 * 退回補正 (a comment to reject or return). The detail shows the form as last sent, the system, the
 * applicant, the timeline and the Temporal link.
 */
export function integrationRequestReviewRoutes(deps: Pick<IntegrationDeps, 'prisma' | 'temporal'>) {
  const { prisma } = deps;

  async function application(key: string): Promise<InboxSubject> {
    const row = await integrationApplicationByKey(prisma, key);
    if (!row) throw fail('NOT_FOUND', '找不到此申請。');
    const request = await requestOfWorkflow(prisma, row.workflowId);
    return {
      workflowId: row.workflowId,
      ...integrationScope(row),
      applicantAccount: row.applicant.account,
      // The request row's status (the workflow's), so 待審核 means the same here as in the list.
      status: request?.status ?? row.status,
      ...(request ? { request } : {}),
      detail: async () => {
        const { events: _events, ...record } = await presentIntegrationApplication(prisma, row, { userId: '' });
        return {
          id: row.key,
          account: row.applicant.account,
          name: row.applicant.name,
          submittedAt: record.createdAt,
          ...record,
        };
      },
    };
  }

  return requestInboxRoutes(deps, {
    type: 'INTEGRATION_APPLICATION',
    actions: { list: 'integration.decide', read: 'integration.read', decide: 'integration.decide' },
    fields: (s: Summary) => ({
      key: s.key ?? '',
      systemName: s.systemName ?? '',
      kind: s.kind ?? '',
      kindLabel: s.serviceLabel ?? '',
      action: s.action ?? '',
      actionLabel: s.actionLabel ?? '',
    }),
    decisionBody: returnableDecisionSchema,
    decide: (workflowId, input) => decideIntegration(deps, workflowId, input),
    usageTarget: '應用系統服務介接申請',
    subject: {
      id: applicationKey,
      batchId: applicationKey,
      idOf: (r) => (r.summary as Summary).key ?? r.workflowId.replace(/^integration-review-/, ''),
      load: application,
      idName: 'key',
    },
  });
}
