import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from './api';

/**
 * GETs `url`, and again every `intervalMs` while `keepPolling(value)` holds (a running workflow's
 * request) or while it fails (a request just started may not be recorded yet). `onSettled` runs once
 * polling stops, so the page behind can refresh.
 */
export function usePolledResource<T>(
  url: string,
  keepPolling: (value: T) => boolean,
  onSettled?: () => void,
  intervalMs = 1000,
): { value: T | null; error: string | null } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const callbacks = useRef({ keepPolling, onSettled });
  useEffect(() => {
    callbacks.current = { keepPolling, onSettled };
  });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      api.get<T>(url, { signal: controller.signal }).then(
        (next) => {
          setValue(next);
          setError(null);
          if (callbacks.current.keepPolling(next)) timer = setTimeout(load, intervalMs);
          else callbacks.current.onSettled?.();
        },
        (cause: unknown) => {
          if (controller.signal.aborted) return;
          setError(errorMessage(cause));
          timer = setTimeout(load, intervalMs * 2);
        },
      );
    void load();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [url, intervalMs]);

  return { value, error };
}
