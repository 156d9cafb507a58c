import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type DependencyList } from 'react';
import { api } from '../api';
import { createResourceStore, depsKey, viewOf, type Loader, type ResourceView } from './resource';

/** A GET path of the API, or a function that reads with the given signal; null: nothing to read yet. */
export type ResourceSource<T> = string | Loader<T> | null | undefined | false;

export interface ResourceOptions {
  /**
   * Whether the last answer stays on screen while the next key loads (default true: a list or a
   * detail page keeps its content while it reads anew); false for a resource that is someone else's
   * (another application, another agency), which must never show for the new key.
   */
  keepPrevious?: boolean;
  /** Told of a failure that is shown (not of a read given up because the key changed or the page left). */
  onError?: (cause: unknown) => void;
}

export interface Resource<T> extends ResourceView<T> {
  /** Reads again; what is shown stays until the answer (an error too), which the promise waits for. */
  reload: () => Promise<void>;
  /** Shows a value the page already has (e.g. the answer of a save) without reading. */
  set: (data: T) => void;
}

/**
 * The one way a page reads from the API: `source` is read when the page shows and again whenever
 * `deps` (and, for a path, the path) change; the read in flight is aborted on change and on unmount,
 * and an answer that arrives late is dropped. `error` is the API's zh-TW message.
 */
export function useResource<T>(source: ResourceSource<T>, deps: DependencyList = [], options: ResourceOptions = {}): Resource<T> {
  const [store] = useState(() => createResourceStore<T>());
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const enabled = source !== null && source !== undefined && source !== false;
  const key = enabled ? depsKey([typeof source === 'string' ? source : '', ...deps]) : null;
  const latest = useRef({ source, options });
  useEffect(() => {
    latest.current = { source, options };
  });

  useEffect(() => {
    if (key === null) return undefined;
    store.load(key, (signal) => {
      const { source: current, options: currentOptions } = latest.current;
      const answer =
        typeof current === 'function'
          ? current(signal)
          : typeof current === 'string'
            ? api.get<T>(current, { signal })
            : new Promise<T>(() => undefined);
      return answer.catch((cause: unknown) => {
        if (!signal.aborted) currentOptions.onError?.(cause);
        throw cause;
      });
    });
    return store.stop;
  }, [key, store]);

  const reload = useCallback(() => store.reload(), [store]);
  const set = useCallback((data: T) => store.set(data), [store]);
  return { ...viewOf(snapshot, key, options.keepPrevious ?? true), reload, set };
}
