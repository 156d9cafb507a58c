// One request at a time per action: a second call while the first is still running is ignored
// (returns undefined) instead of sending a second request — a double click sends one decision.

export interface SingleFlight {
  run<T>(task: () => Promise<T>): Promise<T | undefined>;
  readonly busy: boolean;
}

export function createSingleFlight(onChange?: (busy: boolean) => void): SingleFlight {
  let busy = false;
  return {
    get busy() {
      return busy;
    },
    async run<T>(task: () => Promise<T>): Promise<T | undefined> {
      if (busy) return undefined;
      busy = true;
      onChange?.(true);
      try {
        return await task();
      } finally {
        busy = false;
        onChange?.(false);
      }
    },
  };
}
