import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { createDbActivities } from '../activities/db';
import type { createMailActivities } from '../activities/mail';

// How the workflows call their activities, named once: each workflow proxies its own activity
// types with one of these, so "how long, how often" is the same for the same kind of step.

/** A database step (the read model, a timeline row, a parameter): quick, retried with backoff up to a minute. */
export const DB_STEP: ActivityOptions = { startToCloseTimeout: '15 seconds', retry: { maximumInterval: '1 minute' } };

/** A process's own step (load, apply, record): retried with backoff up to a minute. */
export const STEP: ActivityOptions = { startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } };

/** AD may be down for a while: keep trying (the request shows …中) until it answers; nothing is lost. */
export const AD_STEP: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/** A mail through the outbox: SMTP may be down for longer, so the wait between tries grows to minutes. */
export const MAIL_STEP: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
};

export const db = proxyActivities<ReturnType<typeof createDbActivities>>(DB_STEP);
export const mail = proxyActivities<ReturnType<typeof createMailActivities>>(MAIL_STEP);
