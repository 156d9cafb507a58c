import { z } from 'zod';
import { decideReactivation, type ReactivationDeps } from '../../../commands/account-reactivation';
import { inboxListQuery, requestInboxRoutes } from '../request-inbox';

const listQuery = inboxListQuery.extend({
  status: z.enum(['PENDING', 'DECIDED', 'ALL'], { error: '狀態篩選錯誤' }).default('PENDING'),
  q: z.string().trim().max(100, '查詢條件最多 100 字').optional(),
});

type Summary = { organizationPath?: string; fromOrganizationPath?: string; title?: string; agencyName?: string };

/** 管理主控台 › 帳號管理 › 復用申請審核: the requested unit's agency admins decide, system admins any. */
export function reactivationReviewRoutes(deps: Pick<ReactivationDeps, 'prisma' | 'temporal'>) {
  return requestInboxRoutes(deps, {
    type: 'ACCOUNT_REACTIVATION',
    actions: { list: 'reactivationRequest.list', read: 'reactivationRequest.read', decide: 'reactivationRequest.decide' },
    listQuery,
    fields: (s: Summary) => ({
      organizationPath: s.organizationPath ?? '',
      fromOrganizationPath: s.fromOrganizationPath ?? '',
      title: s.title ?? '',
    }),
    decide: (workflowId, input) => decideReactivation(deps, workflowId, input),
    usageTarget: '個人帳號復用',
  });
}
