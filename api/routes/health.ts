import { Router } from 'express';
import { probe, type Ping } from '../../infra/probe';

/**
 * GET /healthz: one entry per dependency; 200 when all answer, 503 naming the failing ones.
 * Probes run in parallel with their own timeout so one hung service cannot stall the answer.
 */
export function healthRoutes(pings: Record<'postgres' | 'temporal' | 'ad' | 'smtp' | 'sms', Ping>) {
  const router = Router();
  router.get('/', async (_req, res) => {
    const entries = await Promise.all(
      Object.entries(pings).map(async ([name, ping]) => {
        const result = await probe(ping, 5_000);
        return [name, { ok: result.ok, latencyMs: result.latencyMs, ...(result.ok ? {} : { error: result.message }) }] as const;
      }),
    );
    const checks = Object.fromEntries(entries);
    const failing = entries.filter(([, r]) => !r.ok).map(([name]) => name);
    res.status(failing.length ? 503 : 200).json({ status: failing.length ? 'degraded' : 'ok', failing, checks });
  });
  return router;
}
