import { probe, type Ping } from '../../infra/probe';

export { describeError, probe, type Ping } from '../../infra/probe';

export interface ConnectivityDeps {
  postgres: Ping;
  ad: Ping;
  smtp: Ping;
  sms: Ping;
  timeoutMs?: number;
}

/** The four probes of 連線測試. Each reports failure as a result; none throws. */
export function createConnectivityActivities(deps: ConnectivityDeps) {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  return {
    probePostgres: () => probe(deps.postgres, timeoutMs),
    probeAd: () => probe(deps.ad, timeoutMs),
    probeSmtp: () => probe(deps.smtp, timeoutMs),
    probeSms: () => probe(deps.sms, timeoutMs),
  };
}
