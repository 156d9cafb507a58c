import type { PrismaClient } from '@prisma/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { precheckMessage } from '../../domain/account-prechecks';
import type { UsageAction } from '../../domain/usage-actions';
import { accountLeavePrechecks } from '../../infra/db/account-prechecks';
import { agencyOf, claimDisableRequest } from '../../infra/db/accounts';
import { accountDisable } from '../../workflows/account-disable';
import { accountDisableWorkflowId } from '../../workflows/account-disable.messages';
import { requestSearchAttributes } from '../../workflows/search-attributes';
import { fail } from '../errors';
import { authorize, type Actor } from '../policies';
import type { Temporal } from '../temporal';
import { personTarget, recordUsage } from './usage';

export interface AccountDisableDeps {
  prisma: PrismaClient;
  temporal: Temporal;
}

/** Where the console shows a 停用 / 閒置停用 / 啟用 / 重設 request's progress and timeline (帳號管理). */
export const disableRequestUrl = (workflowId: string) => `/console/accounts?request=${encodeURIComponent(workflowId)}`;

/**
 * 停用 by an agency admin (own agency) or a system admin: authorised, pre-checked (the answer names
 * what to hand over and to whom), refused while another disable of the account is open (with its
 * link), then the `accountDisable` workflow does the rest durably (sessions, database, AD, mail).
 */
export async function startAccountDisable(
  deps: AccountDisableDeps,
  actor: Actor | undefined,
  input: { userId: string; reason: string; ip?: string },
) {
  const { prisma, temporal } = deps;
  const user = await prisma.user.findUnique({ where: { id: input.userId } });
  if (!user) throw fail('NOT_FOUND', '找不到此帳號。');
  const agency = await agencyOf(prisma, user.organizationId);
  authorize(actor, 'consoleAccount.disable', { agencyId: agency.agencyId });
  if (user.id === actor.id) throw fail('FORBIDDEN', '不可停用自己的帳號，請由其他管理者辦理');
  if (user.status === 'DISABLED') throw fail('ACCOUNT_ALREADY_DISABLED');

  const checks = await accountLeavePrechecks(prisma, user.id);
  if (!checks.ok) throw fail('ACCOUNT_PRECHECK_FAILED', precheckMessage(checks), undefined, { problems: checks.problems });

  const workflowId = accountDisableWorkflowId('MANUAL', user.id, Date.now().toString(36));
  const claim = await claimDisableRequest(prisma, {
    userId: user.id,
    workflowId,
    type: 'ACCOUNT_DISABLE',
    agencyId: agency.agencyId,
    account: user.account,
    name: user.name,
    summary: { userId: user.id, kind: 'MANUAL', reason: input.reason },
  });
  if (!claim.claimed) {
    throw fail(
      'DISABLE_IN_PROGRESS',
      `此帳號已有進行中的${claim.openType === 'IDLE_DISABLE' ? '閒置停用' : '停用'}作業，請至該作業查看進度`,
      undefined,
      { openRequest: { workflowId: claim.openWorkflowId, url: disableRequestUrl(claim.openWorkflowId) } },
    );
  }
  try {
    await temporal.client.workflow.start(accountDisable, {
      taskQueue: temporal.settings.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'FAIL',
      args: [
        {
          userId: user.id,
          kind: 'MANUAL',
          reason: input.reason,
          actor: { userId: actor.id, account: actor.account, name: actor.name },
        },
      ],
      typedSearchAttributes: requestSearchAttributes({
        requestType: 'ACCOUNT_DISABLE',
        agencyCode: agency.agencyCode,
        applicantAccount: user.account,
        status: 'CHECKING',
      }),
    });
  } catch (error) {
    // Nothing happened yet: release the claim so the admin can try again.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      await prisma.request.deleteMany({ where: { workflowId, statusSeq: 0 } });
      throw fail('DEPENDENCY_UNAVAILABLE', '停用作業暫時無法啟動，請稍後再試');
    }
  }
  await recordUsage(prisma, {
    userId: actor.id,
    action: 'account.disable' satisfies UsageAction,
    target: personTarget(user),
    detail: { userId: user.id, workflowId },
    ip: input.ip ?? null,
  });
  return { workflowId, requestUrl: disableRequestUrl(workflowId), temporalUrl: temporal.workflowUrl(workflowId) };
}
