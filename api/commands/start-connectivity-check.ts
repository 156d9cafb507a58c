import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { connectivityCheck } from '../../workflows/connectivity-check';
import { connectivityCheckWorkflowId, CONNECTIVITY_TARGETS } from '../../workflows/connectivity-check.messages';
import { requestSearchAttributes } from '../../workflows/search-attributes';
import { fail } from '../errors';
import type { Actor } from '../policies';
import type { Temporal } from '../temporal';

/**
 * Records the request, then starts its workflow. The row comes first so the page can show the run
 * even before the worker picks it up; if Temporal refuses, the row says so and the caller gets 503.
 */
export async function startConnectivityCheck(
  deps: { prisma: PrismaClient; temporal: Temporal },
  actor: Actor,
  agencyCode: string,
) {
  const requestId = crypto.randomUUID();
  const workflowId = connectivityCheckWorkflowId(requestId);
  await deps.prisma.request.create({
    data: {
      id: requestId,
      workflowId,
      type: 'CONNECTIVITY_CHECK',
      status: 'RUNNING',
      statusLabel: '測試中',
      applicantUserId: actor.id,
      applicantAccount: actor.account,
      applicantName: actor.name,
      agencyId: actor.agencyId,
      summary: { targets: [...CONNECTIVITY_TARGETS] },
    },
  });
  try {
    await deps.temporal.client.workflow.start(connectivityCheck, {
      taskQueue: deps.temporal.settings.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'FAIL',
      args: [{ requestId, startedBy: { account: actor.account, name: actor.name }, agencyCode }],
      typedSearchAttributes: requestSearchAttributes({
        requestType: 'CONNECTIVITY_CHECK',
        agencyCode,
        applicantAccount: actor.account,
        status: 'RUNNING',
      }),
    });
  } catch (error) {
    await deps.prisma.request.update({ where: { id: requestId }, data: { status: 'FAILED', statusLabel: '無法啟動流程' } });
    throw fail('DEPENDENCY_UNAVAILABLE', '流程服務（Temporal）暫時無法使用，請稍後再試。');
  }
  return { id: requestId, workflowId };
}
