import { z } from 'zod';
import { maskNationalId } from '../../../../domain/national-id';
import { decryptNationalId } from '../../../../infra/db/pii';
import { decideApplication, type ApplicationDeps } from '../../../commands/account-application';
import { fail } from '../../../errors';
import { organizationPath } from '../../../presenters/account-application';
import { applicationForReview } from '../../../queries/account-applications';
import { decisionBody } from '../decision-routes';
import { inboxListQuery, requestInboxRoutes, type InboxSubject } from '../request-inbox';

type Summary = { applicationId?: string; organizationPath?: string; escalated?: boolean };

/** 管理主控台 › 帳號管理 › 帳號申請審核: addressed by the application's id, 是否核發公務郵件 with 核准. */
export function accountApplicationReviewRoutes(deps: ApplicationDeps) {
  const { prisma } = deps;

  async function application(id: string): Promise<InboxSubject> {
    const found = await applicationForReview(prisma, id);
    if (!found) throw fail('NOT_FOUND', '找不到此申請。');
    const { row, agencyId } = found;
    return {
      workflowId: row.workflowId,
      agencyId,
      applicantAccount: row.account,
      status: row.status,
      // No check before the workflow: it refuses a decided application itself, in the words (and with
      // the APPLICATION_DECIDED) the applicant's own pages share.
      detail: async () => ({
        id: row.id,
        workflowId: row.workflowId,
        nationalId: maskNationalId(decryptNationalId(row.nationalIdCipher, deps.dataKey)),
        account: row.account,
        needOfficialMail: row.needOfficialMail,
        officialMailGranted: row.officialMailGranted,
        backupEmail: row.backupEmail,
        name: row.name,
        organization: { code: row.organization.code, pathLabel: await organizationPath(prisma, row.organizationId) },
        agency: row.organization.agency ? { code: row.organization.agency.code, name: row.organization.agency.name } : null,
        title: row.title,
        officePhone: row.officePhone,
        officeExt: row.officeExt,
        remark: row.remark,
        submittedAt: row.createdAt.toISOString(),
      }),
    };
  }

  return requestInboxRoutes(deps, {
    type: 'ACCOUNT_APPLICATION',
    actions: { list: 'accountApplication.list', read: 'accountApplication.read', decide: 'accountApplication.decide' },
    listQuery: inboxListQuery.extend({ agencyCode: z.string().trim().max(32).optional() }),
    fields: (s: Summary) => ({ organizationPath: s.organizationPath ?? '', escalated: s.escalated ?? false }),
    decisionBody: decisionBody.extend({ grantOfficialMail: z.boolean().optional() }),
    decide: (workflowId, input) => decideApplication(deps, workflowId, input),
    usageTarget: '個人帳號申請',
    subject: {
      id: z.uuid('申請編號格式錯誤'),
      batchId: z.uuid(),
      idOf: (r) => (r.summary as Summary).applicationId ?? r.workflowId.replace(/^account-application-/, ''),
      load: application,
      idName: 'applicationId',
    },
  });
}
