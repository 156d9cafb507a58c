import { proxyActivities, proxyLocalActivities, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';
import type { createDbActivities } from '../activities/db';
import type { createMailActivities } from '../activities/mail';

// How the workflows call their activities, named once: each workflow proxies its own activity
// types with one of these, so "how long, how often" is the same for the same kind of step.

/** A database step (the read model, a timeline row, a parameter): quick, retried with backoff up to a minute. */
export const DB_STEP: ActivityOptions = { startToCloseTimeout: '15 seconds', retry: { maximumInterval: '1 minute' } };

/** A process's own step (load, apply, record): retried with backoff up to a minute. */
export const STEP: ActivityOptions = { startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } };

/**
 * A short database step run as a local activity: by the worker inside the workflow task, with no activity
 * task of its own on the server (a booking's steps: many per request, each a few queries). Retried as
 * DB_STEP / STEP are, without end — a database outage delays the request, nothing is lost; once the wait
 * between tries passes 10 s it is kept by a workflow timer instead of the open workflow task, so a long
 * outage adds a few history events a minute, not a workflow task heartbeat every few seconds. Only for
 * idempotent steps that take seconds at most.
 */
export const LOCAL_DB_STEP: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
  localRetryThreshold: '10 seconds',
};

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
export const localDb = proxyLocalActivities<ReturnType<typeof createDbActivities>>(LOCAL_DB_STEP);
