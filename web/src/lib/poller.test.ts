import { describe, expect, it } from 'vitest';
import { reviewInTransition } from '../console/account-applications/useReviewApplications';
import { createPoller } from './poller';

interface Detail {
  status: string;
  statusLabel: string;
}

/** Reads the test answers by hand, in any order, and a clock the test moves. */
function harness(isTransitional: (value: Detail) => boolean) {
  const reads: { resolve: (value: Detail) => void; reject: (cause: unknown) => void; signal: AbortSignal }[] = [];
  const timers: { at: number; run: () => void; cleared: boolean }[] = [];
  let now = 0;
  const shown: string[] = [];
  const errors: unknown[] = [];
  const poller = createPoller<Detail>({
    load: (signal) => new Promise<Detail>((resolve, reject) => reads.push({ resolve, reject, signal })),
    isTransitional: (value) => isTransitional(value),
    onValue: (value) => shown.push(value.statusLabel),
    onError: (cause) => errors.push(cause),
    intervalMs: 1000,
    timers: {
      set: (run, ms) => {
        const timer = { at: now + ms, run, cleared: false };
        timers.push(timer);
        return timer;
      },
      clear: (timer) => {
        (timer as { cleared: boolean }).cleared = true;
      },
    },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    poller,
    reads,
    shown,
    errors,
    answer: async (index: number, status: string, statusLabel = status) => {
      reads[index]!.resolve({ status, statusLabel });
      await settle();
    },
    fail: async (index: number) => {
      reads[index]!.reject(new Error('down'));
      await settle();
    },
    /** Moves the clock, running the timers that fall due. */
    advance: async (ms: number) => {
      now += ms;
      for (const timer of timers.filter((t) => !t.cleared && t.at <= now)) {
        timer.cleared = true;
        timer.run();
      }
      await settle();
    },
  };
}

const provisioning = (value: Detail) => value.status === 'PROVISIONING';

describe('createPoller', () => {
  it('reads again after each answer while the state is transitional, and stops once it settles', async () => {
    const h = harness(provisioning);
    h.poller.refresh();
    await h.answer(0, 'PROVISIONING', '帳號建立中');
    await h.advance(1000);
    expect(h.reads).toHaveLength(2);
    await h.answer(1, 'AWAITING_ACTIVATION', '待開通帳號');
    await h.advance(10_000);
    expect(h.reads).toHaveLength(2);
    expect(h.shown).toEqual(['帳號建立中', '待開通帳號']);
  });

  it('lets a slow read land instead of cutting it off with the next one (the old 3-second interval did)', async () => {
    const h = harness(provisioning);
    h.poller.refresh();
    await h.answer(0, 'PROVISIONING', '帳號建立中');
    await h.advance(1000);
    // The second read takes 20 s under load: nothing is read over it, and nothing aborts it.
    await h.advance(20_000);
    expect(h.reads).toHaveLength(2);
    expect(h.reads[1]!.signal.aborted).toBe(false);
    await h.answer(1, 'AWAITING_ACTIVATION', '待開通帳號');
    expect(h.shown.at(-1)).toBe('待開通帳號');
  });

  it('drops an older answer arriving after a newer one, so the page never goes back to 帳號建立中', async () => {
    const h = harness(provisioning);
    h.poller.refresh();
    h.poller.refresh(); // e.g. the read after 核准 while the first one is still under way
    await h.answer(1, 'AWAITING_ACTIVATION', '待開通帳號');
    await h.answer(0, 'PROVISIONING', '帳號建立中');
    expect(h.shown).toEqual(['待開通帳號']);
    await h.advance(10_000);
    expect(h.reads).toHaveLength(2);
  });

  it('shows an older answer while a newer read is under way, and lets the newer one decide what follows', async () => {
    const h = harness(provisioning);
    h.poller.refresh();
    h.poller.refresh();
    await h.answer(0, 'PROVISIONING', '帳號建立中');
    await h.advance(5000);
    expect(h.reads).toHaveLength(2); // no third read scheduled by the older answer
    await h.answer(1, 'PROVISIONING', '帳號建立中');
    await h.advance(1000);
    expect(h.reads).toHaveLength(3);
  });

  it('asks the latest predicate at every answer: after 核准, a 待審核 not yet updated keeps it reading', async () => {
    let decided = false;
    const h = harness((value) => reviewInTransition(value, decided));
    h.poller.refresh();
    await h.answer(0, 'PENDING', '待審核');
    await h.advance(5000);
    expect(h.reads).toHaveLength(1); // nothing moves before a decision

    decided = true; // 核准 answered; the read model is written a moment later
    h.poller.refresh();
    await h.answer(1, 'PENDING', '待審核');
    await h.advance(1000);
    await h.answer(2, 'PROVISIONING', '帳號建立中');
    await h.advance(1000);
    await h.answer(3, 'AWAITING_ACTIVATION', '待開通帳號');
    await h.advance(10_000);
    expect(h.reads).toHaveLength(4);
    expect(h.shown).toEqual(['待審核', '待審核', '帳號建立中', '待開通帳號']);
  });

  it('tries a failed read again while the last answer was transitional, and stops for good on stop()', async () => {
    const h = harness(provisioning);
    h.poller.refresh();
    await h.answer(0, 'PROVISIONING', '帳號建立中');
    await h.advance(1000);
    await h.fail(1);
    expect(h.errors).toHaveLength(1);
    await h.advance(2000);
    expect(h.reads).toHaveLength(3);
    h.poller.stop();
    expect(h.reads[2]!.signal.aborted).toBe(true);
    await h.answer(2, 'AWAITING_ACTIVATION', '待開通帳號');
    expect(h.shown).toEqual(['帳號建立中']);
  });
});

describe('reviewInTransition', () => {
  it('follows 帳號建立中, and 待審核 only once a decision was made', () => {
    expect(reviewInTransition({ status: 'PROVISIONING' }, false)).toBe(true);
    expect(reviewInTransition({ status: 'PENDING' }, false)).toBe(false);
    expect(reviewInTransition({ status: 'PENDING' }, true)).toBe(true);
    expect(reviewInTransition({ status: 'AWAITING_ACTIVATION' }, true)).toBe(false);
    expect(reviewInTransition({ status: 'REJECTED' }, true)).toBe(false);
  });
});
