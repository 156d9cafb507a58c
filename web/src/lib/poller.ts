// The one way a page follows a resource that moves on by itself (a workflow's 帳號建立中, 套用至 AD 中…).
// Lessons it encodes, each once the cause of a page stuck on a state the server had long left:
// - the next read is scheduled after an answer, never on a fixed interval that aborts a slow read
//   before it lands (under load every read was cut off by the next tick);
// - an older answer arriving after a newer one is dropped, so it cannot put the page back;
// - whether to go on is asked at every answer, of the page's latest predicate (no stale closure);
// - `refresh` (e.g. after 核准) starts following again even when polling had stopped.

export interface PollerOptions<T> {
  load: (signal: AbortSignal) => Promise<T>;
  /** Poll again while this holds for the newest answer (read anew at every answer). */
  isTransitional: (value: T) => boolean;
  onValue: (value: T) => void;
  onError: (cause: unknown) => void;
  /** Whether a failed read is tried again (after twice the interval); default: only while transitional. */
  retryOnError?: (last: T | undefined) => boolean;
  /** True while the newest read has not answered. */
  onBusy?: (busy: boolean) => void;
  intervalMs: number;
  timers?: { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export interface Poller {
  /** Reads now (a scheduled read is replaced; reads in flight still land if they are not older). */
  refresh: () => void;
  /** Stops for good: aborts reads in flight and drops their answers. */
  stop: () => void;
}

const realTimers = {
  set: (run: () => void, ms: number) => setTimeout(run, ms),
  clear: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createPoller<T>(options: PollerOptions<T>): Poller {
  const timers = options.timers ?? realTimers;
  const retryOnError = options.retryOnError ?? ((last: T | undefined) => last !== undefined && options.isTransitional(last));
  let issued = 0;
  let shown = 0;
  let last: T | undefined;
  let timer: unknown;
  let stopped = false;
  const inFlight = new Set<AbortController>();

  const schedule = (ms: number) => {
    if (timer !== undefined) timers.clear(timer);
    timer = timers.set(() => {
      timer = undefined;
      read();
    }, ms);
  };

  function read() {
    if (stopped) return;
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
    const seq = ++issued;
    const controller = new AbortController();
    inFlight.add(controller);
    options.onBusy?.(true);
    const settle = () => {
      inFlight.delete(controller);
      if (seq === issued) options.onBusy?.(false);
    };
    options.load(controller.signal).then(
      (value) => {
        settle();
        if (stopped || seq < shown) return;
        shown = seq;
        last = value;
        options.onValue(value);
        // A newer read is under way: its answer decides what comes next.
        if (seq === issued && options.isTransitional(value)) schedule(options.intervalMs);
      },
      (cause: unknown) => {
        settle();
        if (stopped || seq !== issued) return;
        options.onError(cause);
        if (retryOnError(last)) schedule(options.intervalMs * 2);
      },
    );
  }

  return {
    refresh: read,
    stop: () => {
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      for (const controller of inFlight) controller.abort();
      inFlight.clear();
    },
  };
}
