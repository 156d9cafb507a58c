// The state behind useMutation, kept out of React so it can be tested on its own: one call at a time
// (a second call while the first runs is ignored, so a double click sends one request), its zh-TW
// error kept until the next call or a reset.
import { errorMessage } from '../api';

export interface MutationSnapshot {
  pending: boolean;
  /** The last failure's zh-TW text (null: none, or the failure was handled by `onError`). */
  error: string | null;
  /** The last failure's thrown value (an ApiError carries the code and field messages). */
  cause: unknown;
}

export interface MutationOptions<R, A extends unknown[]> {
  /** Runs after a success, before `run` resolves. */
  onSuccess?: (value: R, ...args: A) => void;
  /**
   * Runs after a failure: return a text to show instead of the API's message, or null when the page
   * handled it itself (e.g. put the message under a field).
   */
  onError?: (cause: unknown, ...args: A) => string | null | void;
}

export interface Mutation<R, A extends unknown[]> {
  getSnapshot: () => MutationSnapshot;
  subscribe: (listener: () => void) => () => void;
  /** Calls the function; resolves to its answer, or to undefined when it failed or another call ran. */
  run: (...args: A) => Promise<R | undefined>;
  reset: () => void;
  /** The function and options the next call uses (a page's newest closures). */
  use: (fn: (...args: A) => Promise<R>, options?: MutationOptions<R, A>) => void;
}

export function createMutation<R, A extends unknown[]>(
  initialFn: (...args: A) => Promise<R>,
  initialOptions: MutationOptions<R, A> = {},
): Mutation<R, A> {
  let fn = initialFn;
  let options = initialOptions;
  let snapshot: MutationSnapshot = { pending: false, error: null, cause: undefined };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<MutationSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    for (const listener of listeners) listener();
  };

  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run: async (...args) => {
      if (snapshot.pending) return undefined;
      update({ pending: true, error: null, cause: undefined });
      try {
        const value = await fn(...args);
        update({ pending: false });
        options.onSuccess?.(value, ...args);
        return value;
      } catch (cause) {
        const shown = options.onError?.(cause, ...args);
        update({ pending: false, error: shown === undefined ? errorMessage(cause) : shown, cause });
        return undefined;
      }
    },
    reset: () => update({ error: null, cause: undefined }),
    use: (nextFn, nextOptions = {}) => {
      fn = nextFn;
      options = nextOptions;
    },
  };
}
