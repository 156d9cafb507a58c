import type { PrismaClient } from '@prisma/client';
import type { Duration, WithWorkflowArgs, Workflow } from '@temporalio/common';
import { requestSearchAttributes, type RequestSearchAttributes } from '../../workflows/search-attributes';
import { fail } from '../errors';
import type { Temporal } from '../temporal';

/**
 * Starts the workflow of a request whose read-model row was just claimed. If Temporal refuses, nothing
 * has happened yet: the row is released (unless the workflow already wrote to it) so the person can
 * submit again.
 */
export async function startRequestWorkflow<W extends Workflow>(
  { prisma, temporal }: { prisma: PrismaClient; temporal: Temporal },
  request: { id: string; workflowId: string },
  workflow: W,
  /**
   * The input; `workflowTaskTimeout` only for a workflow whose local activities may hold a workflow task
   * past the 10 s default when the database is slow (a booking's).
   */
  withArgs: WithWorkflowArgs<W, { workflowTaskTimeout?: Duration }>,
  attributes: RequestSearchAttributes,
  /** How to let the claimed row go instead (a booking: its row, which holds the slot). */
  release: () => Promise<unknown> = () => prisma.request.deleteMany({ where: { id: request.id, statusSeq: 0 } }),
) {
  try {
    return await temporal.client.workflow.start(workflow, {
      ...withArgs,
      taskQueue: temporal.settings.taskQueue,
      workflowId: request.workflowId,
      workflowIdConflictPolicy: 'FAIL',
      typedSearchAttributes: requestSearchAttributes(attributes),
    });
  } catch {
    await release();
    throw fail('DEPENDENCY_UNAVAILABLE', '申請暫時無法送出，請稍後再試');
  }
}
