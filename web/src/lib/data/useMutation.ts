import { useEffect, useState, useSyncExternalStore } from 'react';
import { createMutation, type MutationOptions, type MutationSnapshot } from './mutation';

export interface MutationState<R, A extends unknown[]> extends MutationSnapshot {
  /** Calls `fn` (ignored while a call runs); resolves to its answer, undefined when it failed. */
  run: (...args: A) => Promise<R | undefined>;
  /** Forgets the last error (e.g. when a dialog closes). */
  reset: () => void;
}

/**
 * A write to the API with its pending state (for disabling the buttons) and its zh-TW error; the
 * newest `fn` and options are used at each call.
 */
export function useMutation<R, A extends unknown[]>(
  fn: (...args: A) => Promise<R>,
  options: MutationOptions<R, A> = {},
): MutationState<R, A> {
  const [mutation] = useState(() => createMutation<R, A>(fn, options));
  useEffect(() => mutation.use(fn, options));
  const snapshot = useSyncExternalStore(mutation.subscribe, mutation.getSnapshot, mutation.getSnapshot);
  return { ...snapshot, run: mutation.run, reset: mutation.reset };
}
