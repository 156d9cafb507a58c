import { describe, expect, it } from 'vitest';
import { createConnectivityActivities, probe } from '.';

describe('connectivity probes', () => {
  it('reports success with a latency', async () => {
    const result = await probe(async () => 'pong', 1_000);
    expect(result.ok).toBe(true);
    expect(result.message).toBe('連線正常');
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('turns a failure into a red result carrying the error code and message', async () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:636'), { code: 'ECONNREFUSED' });
    expect(await probe(async () => Promise.reject(error), 1_000)).toEqual({
      ok: false,
      message: '[ECONNREFUSED] connect ECONNREFUSED 127.0.0.1:636',
      latencyMs: null,
    });
  });

  it('gives up on a hung service after its timeout', async () => {
    const result = await probe(() => new Promise(() => undefined), 50);
    expect(result).toEqual({ ok: false, message: '逾時：0.05 秒內沒有回應', latencyMs: null });
  });

  it('never throws from any of the four activities', async () => {
    const failing = () => Promise.reject(new Error('down'));
    const probes = createConnectivityActivities({ postgres: failing, ad: failing, smtp: failing, sms: failing, timeoutMs: 100 });
    const results = await Promise.all([probes.probePostgres(), probes.probeAd(), probes.probeSmtp(), probes.probeSms()]);
    expect(results.map((r) => r.ok)).toEqual([false, false, false, false]);
  });
});
