import { decideAgencyChange, type AgencyChangeDeps } from '../../../commands/agency-change';
import { requestInboxRoutes } from '../request-inbox';

interface Summary {
  reason?: string;
  fromOrganizationPath?: string;
  fromAgencyName?: string;
  toOrganizationPath?: string;
  toAgencyName?: string;
}

/**
 * 管理主控台 › 帳號管理 › 機關異動審核: 機關(單位)異動申請 decided by the NEW agency's admins (the
 * request's agency), system admins any. The old agency's admins neither see nor decide them.
 */
export function agencyChangeReviewRoutes(deps: AgencyChangeDeps) {
  return requestInboxRoutes(deps, {
    type: 'AGENCY_CHANGE',
    actions: { list: 'agencyChangeRequest.list', read: 'agencyChangeRequest.read', decide: 'agencyChangeRequest.decide' },
    showAgency: false,
    fields: (s: Summary) => ({
      fromOrganizationPath: s.fromOrganizationPath ?? '',
      toOrganizationPath: s.toOrganizationPath ?? '',
      reason: s.reason ?? '',
    }),
    decide: (workflowId, input) => decideAgencyChange(deps, workflowId, input),
    usageTarget: '機關(單位)異動申請',
    batchNeedsRejectComment: true,
  });
}
