import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from './api';
import { createPoller, type Poller } from './poller';

export interface PolledResourceOptions<T> {
  /** Read again while this holds for the newest answer (the page's latest predicate is used). */
  keepPolling: (value: T) => boolean;
  /** Runs on every answer that ends the polling, so the page behind can refresh. */
  onSettled?: () => void;
  /** Whether a failed read is tried again; default: while the last answer kept polling. */
  retryOnError?: (last: T | undefined) => boolean;
  intervalMs?: number;
}

interface State<T> {
  url: string | null;
  value: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * GETs `url` (null: nothing yet) and follows it while `keepPolling` holds, through one poller
 * (lib/poller.ts: reads scheduled after answers, older answers dropped). `refresh` reads at once and
 * follows again — after a decision, say, whose effect the next answers will show.
 */
export function usePolledResource<T>(
  url: string | null,
  options: PolledResourceOptions<T>,
): { value: T | null; error: string | null; loading: boolean; refresh: () => void } {
  const { intervalMs = 1000 } = options;
  const [state, setState] = useState<State<T>>({ url, value: null, error: null, loading: url !== null });
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const poller = useRef<Poller | null>(null);

  useEffect(() => {
    if (url === null) return undefined;
    // Another resource: nothing of the previous one is shown meanwhile.
    const update = (patch: Partial<State<T>>) =>
      setState((current) => ({
        ...(current.url === url ? current : { value: null, error: null, loading: true }),
        ...patch,
        url,
      }));
    const current = createPoller<T>({
      load: (signal) => api.get<T>(url, { signal }),
      isTransitional: (value) => latest.current.keepPolling(value),
      retryOnError: (last) => latest.current.retryOnError?.(last) ?? (last !== undefined && latest.current.keepPolling(last)),
      onValue: (value) => {
        update({ value, error: null });
        if (!latest.current.keepPolling(value)) latest.current.onSettled?.();
      },
      onError: (cause) => update({ error: errorMessage(cause) }),
      onBusy: (loading) => update({ loading }),
      intervalMs,
    });
    poller.current = current;
    current.refresh();
    return () => {
      current.stop();
      if (poller.current === current) poller.current = null;
    };
  }, [url, intervalMs]);

  const refresh = useCallback(() => poller.current?.refresh(), []);
  const mine = state.url === url;
  return {
    value: mine ? state.value : null,
    error: mine ? state.error : null,
    loading: mine ? state.loading : url !== null,
    refresh,
  };
}
