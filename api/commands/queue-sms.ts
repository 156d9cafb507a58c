import type { PrismaClient } from '@prisma/client';
import { createPrismaOutboxStore } from '../../infra/mail/outbox';
import { smsDelivery, smsDeliveryWorkflowId } from '../../workflows/sms-delivery';
import type { Temporal } from '../temporal';

/**
 * An SMS whose body is secret (a verification code): written here into the outbox, then delivered
 * through Mitake by a workflow that carries only the outbox key. If Temporal is down the row stays
 * queued and the start is retried on the next request for the same key.
 */
export async function queueSms(
  deps: { prisma: PrismaClient; temporal: Temporal },
  message: { key: string; to: string; body: string },
) {
  const outbox = createPrismaOutboxStore(deps.prisma);
  if (!(await outbox.findByKey(message.key))) {
    await outbox.create({ key: message.key, channel: 'SMS', recipient: message.to, body: message.body });
  }
  await deps.temporal.client.workflow.start(smsDelivery, {
    taskQueue: deps.temporal.settings.taskQueue,
    workflowId: smsDeliveryWorkflowId(message.key),
    workflowIdConflictPolicy: 'USE_EXISTING',
    args: [{ key: message.key }],
  });
}
