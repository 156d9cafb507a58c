import { proxyActivities } from '@temporalio/workflow';
import type { createSmsActivities } from '../activities/sms';

type Sms = ReturnType<typeof createSmsActivities>;

// A Mitake outage delays the message; a verification code is worth little after its TTL, so retries
// stop after an hour.
const sms = proxyActivities<Sms>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '1 hour',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

export const smsDeliveryWorkflowId = (key: string) => `sms-${key}`;

/**
 * Delivers one SMS the API queued in the outbox (手機號碼綁定 / 忘記密碼 codes): the workflow carries
 * only the outbox key, never the body, so no code enters its history.
 */
export async function smsDelivery(input: { key: string }): Promise<{ outboxId: string }> {
  const { outboxId } = await sms.deliverQueuedSms({ key: input.key });
  return { outboxId };
}
