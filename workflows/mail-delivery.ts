import { proxyActivities } from '@temporalio/workflow';
import type { createMailActivities } from '../activities/mail';

type Mail = ReturnType<typeof createMailActivities>;

// SMTP outages delay the mail; Temporal keeps retrying for up to a day.
const mail = proxyActivities<Mail>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export const mailDeliveryWorkflowId = (key: string) => `mail-${key}`;

/**
 * Delivers one e-mail the API queued in the outbox (verification codes, status links): the workflow
 * carries only the outbox key, never the content, so no code or link key enters its history.
 */
export async function mailDelivery(input: { key: string }): Promise<{ outboxId: string }> {
  const { outboxId } = await mail.deliverQueuedMail({ key: input.key });
  return { outboxId };
}
