import type { ProbeResult } from '../domain/contracts/connectivity';

/** One dependency's reachability check (連線測試 and GET /healthz share it). */
export type Ping = () => Promise<unknown>;

/** Describes a ping's outcome for people: the error's own words, with its code when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const cause = error.cause instanceof Error ? `（${error.cause.message}）` : '';
    return `${code !== undefined ? `[${String(code)}] ` : ''}${error.message}${cause}`;
  }
  return String(error);
}

export async function probe(ping: Ping, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`逾時：${timeoutMs / 1000} 秒內沒有回應`)), timeoutMs);
      }),
    ]);
    return { ok: true, message: '連線正常', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, message: describeError(error), latencyMs: null };
  } finally {
    clearTimeout(timer);
  }
}
