import type { PrismaClient } from '@prisma/client';
import { renderMail, type MailTemplateData, type MailTemplateName } from '../../infra/mail/templates';
import { createPrismaOutboxStore } from '../../infra/mail/outbox';
import { mailDelivery, mailDeliveryWorkflowId } from '../../workflows/mail-delivery';
import type { Temporal } from '../temporal';

/**
 * Mail whose content is secret (verification codes, links with keys): rendered here into the
 * outbox, then delivered by a workflow that carries only the outbox key. If Temporal is down the row
 * stays queued and the start is retried on the next request for the same key.
 */
export async function queueMail<N extends MailTemplateName>(
  deps: { prisma: PrismaClient; temporal: Temporal; webUrl: string },
  message: { key: string; to: string; template: N; data: MailTemplateData[N] },
) {
  const outbox = createPrismaOutboxStore(deps.prisma);
  if (!(await outbox.findByKey(message.key))) {
    const content = renderMail(message.template, message.data, { webUrl: deps.webUrl });
    await outbox.create({
      key: message.key,
      channel: 'EMAIL',
      recipient: message.to,
      subject: content.subject,
      body: content.text,
      html: content.html,
    });
  }
  await deps.temporal.client.workflow.start(mailDelivery, {
    taskQueue: deps.temporal.settings.taskQueue,
    workflowId: mailDeliveryWorkflowId(message.key),
    workflowIdConflictPolicy: 'USE_EXISTING',
    args: [{ key: message.key }],
  });
}
