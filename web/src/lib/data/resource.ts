// The state behind useResource, kept out of React so it can be tested on its own: one read at a time
// per resource, the previous one aborted when another starts, and an answer that arrives after it was
// superseded (or after the page left) dropped — so an older answer can never put the page back.
import { errorMessage } from '../api';

export type Loader<T> = (signal: AbortSignal) => Promise<T>;

export interface ResourceSnapshot<T> {
  /** The key of the newest read asked for (null: none yet). */
  key: string | null;
  /** True while the newest read has not answered. */
  busy: boolean;
  /** The newest answer, and the key it answers. */
  data: T | null;
  dataKey: string | null;
  /** The newest failure (zh-TW), the thrown value, and the key it belongs to; cleared by an answer. */
  error: string | null;
  cause: unknown;
  errorKey: string | null;
}

export interface ResourceStore<T> {
  getSnapshot: () => ResourceSnapshot<T>;
  subscribe: (listener: () => void) => () => void;
  /** Reads `key` now; a read in flight is aborted and its answer dropped. */
  load: (key: string, loader: Loader<T>) => void;
  /** Reads the last key again; what is shown stays until the answer (the promise settles with it). */
  reload: () => Promise<void>;
  /** Puts a value the page already has (e.g. the answer of a save) in place of the last answer. */
  set: (data: T) => void;
  /** Aborts the read in flight and drops its answer (unmount, or the key is about to change). */
  stop: () => void;
}

export function createResourceStore<T>(): ResourceStore<T> {
  let snapshot: ResourceSnapshot<T> = {
    key: null,
    busy: false,
    data: null,
    dataKey: null,
    error: null,
    cause: undefined,
    errorKey: null,
  };
  const listeners = new Set<() => void>();
  let last: { key: string; loader: Loader<T> } | null = null;
  let inFlight: AbortController | null = null;

  const update = (patch: Partial<ResourceSnapshot<T>>) => {
    snapshot = { ...snapshot, ...patch };
    for (const listener of listeners) listener();
  };

  const stop = () => {
    inFlight?.abort();
    inFlight = null;
    if (snapshot.busy) update({ busy: false });
  };

  const start = (key: string, loader: Loader<T>): Promise<void> => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    last = { key, loader };
    update({ key, busy: true });
    let answer: Promise<T>;
    try {
      answer = loader(controller.signal);
    } catch (cause) {
      answer = Promise.reject(cause);
    }
    return answer.then(
      (data) => {
        if (inFlight !== controller) return;
        inFlight = null;
        update({ busy: false, data, dataKey: key, error: null, cause: undefined, errorKey: null });
      },
      (cause: unknown) => {
        if (inFlight !== controller || controller.signal.aborted) return;
        inFlight = null;
        update({ busy: false, error: errorMessage(cause), cause, errorKey: key });
      },
    );
  };

  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load: (key, loader) => void start(key, loader),
    reload: () => (last ? start(last.key, last.loader) : Promise.resolve()),
    set: (data) => update({ data, dataKey: snapshot.key, error: null, cause: undefined, errorKey: null }),
    stop,
  };
}

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

/**
 * A string that changes exactly when one of `deps` changes as React compares them (Object.is): values
 * are written out, objects and functions by their identity.
 */
export function depsKey(deps: readonly unknown[]): string {
  return deps
    .map((dep) => {
      if ((typeof dep === 'object' && dep !== null) || typeof dep === 'function') {
        let id = identities.get(dep);
        if (id === undefined) {
          id = ++nextIdentity;
          identities.set(dep, id);
        }
        return `#${id}`;
      }
      if (typeof dep === 'string') return JSON.stringify(dep);
      if (typeof dep === 'number' && Object.is(dep, -0)) return '-0';
      return String(dep);
    })
    .join('|');
}

export interface ResourceView<T> {
  data: T | null;
  error: string | null;
  cause: unknown;
  loading: boolean;
}

/**
 * What a page shows for `key` (null: nothing to read): the newest answer — of an earlier key too when
 * `keepPrevious`, so a list does not flash empty between pages — the failure of this key, and whether
 * the read of this key is still under way.
 */
export function viewOf<T>(snapshot: ResourceSnapshot<T>, key: string | null, keepPrevious: boolean): ResourceView<T> {
  if (key === null) return { data: null, error: null, cause: undefined, loading: false };
  const mine = snapshot.errorKey === key;
  return {
    data: keepPrevious || snapshot.dataKey === key ? snapshot.data : null,
    error: mine ? snapshot.error : null,
    cause: mine ? snapshot.cause : undefined,
    loading: snapshot.key !== key || snapshot.busy,
  };
}
