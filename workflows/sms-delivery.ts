import { ActivityFailure, proxyActivities, sleep } from '@temporalio/workflow';
import type { createSmsActivities } from '../activities/sms';
import type { createSmsApiActivities } from '../activities/sms/api-messages';

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

type SmsApi = ReturnType<typeof createSmsApiActivities>;

// The SMS API's messages: a Mitake outage is retried for up to a day (nothing lost), then the message
// is given up as FAILED; the delivery state is asked for after growing pauses.
const smsApi = proxyActivities<SmsApi>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '24 hours',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
const smsApiGiveUp = proxyActivities<SmsApi>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });

/** Pauses before each SmQuery: quick at first (most SMS arrive in seconds), then hourly — about two days in all. */
export const DELIVERY_CHECKS = [
  '2 seconds',
  '5 seconds',
  '15 seconds',
  '1 minute',
  '5 minutes',
  '15 minutes',
  ...Array<string>(48).fill('1 hour'),
];

export const smsApiDeliveryWorkflowId = (messageId: string) => `sms-api-${messageId}`;

/**
 * Delivers one message of the SMS API (POST /api/integrations/v1/sms/messages) and follows it to the
 * handset. The workflow carries the message id only: the activity reads the row and decrypts the
 * number, so no recipient enters the history. Mitake's delivery state is polled with SmQuery (the
 * same authenticated channel as sending) rather than taken from its receipt callback: the callback
 * is unauthenticated, best effort and needs the portal reachable from Mitake.
 */
export async function smsApiDelivery(input: { messageId: string }): Promise<{ status: string }> {
  let sent;
  try {
    sent = await smsApi.deliverSmsApiMessage({ messageId: input.messageId });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    return smsApiGiveUp.abandonSmsApiMessage({ messageId: input.messageId });
  }
  if (sent.status !== 'SENT') return sent;
  for (const pause of DELIVERY_CHECKS) {
    await sleep(pause);
    const state = await smsApi.checkSmsApiDelivery({ messageId: input.messageId });
    if (state.status !== 'SENT') return state;
  }
  return { status: 'SENT' };
}
