import { decideAdminRole, type SelfServiceDeps } from '../../../commands/account-self-service';
import { requestInboxRoutes } from '../request-inbox';

type Summary = { reason?: string; organizationPath?: string; agencyName?: string };

/** 管理主控台 › 帳號管理 › 機關管理者申請審核 (權限異動申請): the agency's admins decide, system admins any. */
export function adminRoleRequestReviewRoutes(deps: SelfServiceDeps) {
  return requestInboxRoutes(deps, {
    type: 'ADMIN_ROLE',
    actions: { list: 'adminRoleRequest.list', read: 'adminRoleRequest.read', decide: 'adminRoleRequest.decide' },
    fields: (s: Summary) => ({ organizationPath: s.organizationPath ?? '', reason: s.reason ?? '' }),
    decide: (workflowId, input) => decideAdminRole(deps, workflowId, input),
    usageTarget: '機關管理者申請',
  });
}
