import { proxyActivities } from '@temporalio/workflow';
import type { BenchActivities } from '../activities/bench';
import { STEP } from './activity-options';

const { benchEcho } = proxyActivities<BenchActivities>(STEP);

/**
 * Exists for bench/bookings only: the baseline its booking throughput is compared with — one workflow,
 * one activity, started by the Temporal client on the worker's own task queue (the worker's workflow
 * bundle is this whole folder, so it lives here). No route or schedule starts it.
 */
export async function benchBaseline(input: { n: number }): Promise<{ n: number }> {
  return benchEcho(input);
}
