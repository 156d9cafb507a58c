import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { createResourceStore, depsKey, viewOf, type Loader } from './resource';

/** A loader whose reads the test answers by hand, in any order. */
function manualLoader<T>() {
  const reads: { resolve: (value: T) => void; reject: (cause: unknown) => void; signal: AbortSignal }[] = [];
  const loader: Loader<T> = (signal) => new Promise<T>((resolve, reject) => reads.push({ resolve, reject, signal }));
  return { reads, loader };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A store, its loader, and the first read of `key` (answered with `answer` unless it is null). */
async function started(key: string, answer: string | null) {
  const store = createResourceStore<string>();
  const { reads, loader } = manualLoader<string>();
  store.load(key, loader);
  if (answer !== null) {
    reads[0]!.resolve(answer);
    await settle();
  }
  return { store, reads, loader };
}

describe('createResourceStore', () => {
  it('shows the answer of the key it read and clears loading', async () => {
    const { store, reads } = await started('a', null);
    expect(viewOf(store.getSnapshot(), 'a', true)).toMatchObject({ data: null, loading: true, error: null });
    reads[0]!.resolve('A');
    await settle();
    expect(viewOf(store.getSnapshot(), 'a', true)).toMatchObject({ data: 'A', loading: false, error: null });
  });

  it('aborts the read in flight when another key is read, and drops its late answer', async () => {
    const { store, reads, loader } = await started('a', null);
    store.load('b', loader);
    expect(reads[0]!.signal.aborted).toBe(true);
    reads[1]!.resolve('B');
    reads[0]!.resolve('A (late)');
    await settle();
    expect(viewOf(store.getSnapshot(), 'b', true).data).toBe('B');
  });

  it('keeps the previous answer while the next key loads only when asked to', async () => {
    const { store, loader } = await started('page=1', 'rows of page 1');
    store.load('page=2', loader);
    expect(viewOf(store.getSnapshot(), 'page=2', true)).toMatchObject({ data: 'rows of page 1', loading: true });
    expect(viewOf(store.getSnapshot(), 'page=2', false)).toMatchObject({ data: null, loading: true });
  });

  it('says loading for a key the store has not been asked for yet (the first render)', () => {
    const store = createResourceStore<string>();
    expect(viewOf(store.getSnapshot(), 'a', true).loading).toBe(true);
    expect(viewOf(store.getSnapshot(), null, true)).toEqual({ data: null, error: null, cause: undefined, loading: false });
  });

  it("gives the API's zh-TW message and the thrown value of a failure, for its key only", async () => {
    const { store, reads, loader } = await started('a', null);
    const refusal = new ApiError(403, 'FORBIDDEN', '您沒有執行此操作的權限');
    reads[0]!.reject(refusal);
    await settle();
    expect(viewOf(store.getSnapshot(), 'a', true)).toMatchObject({
      error: '您沒有執行此操作的權限',
      cause: refusal,
      loading: false,
    });
    store.load('b', loader);
    expect(viewOf(store.getSnapshot(), 'b', true).error).toBeNull();
  });

  it('keeps what is shown (the error too) during a reload, and the answer clears the error', async () => {
    const { store, reads } = await started('a', 'A');
    store.reload();
    reads[1]!.reject(new ApiError(0, 'NETWORK_ERROR', '無法連線'));
    await settle();
    expect(viewOf(store.getSnapshot(), 'a', true)).toMatchObject({ data: 'A', error: '無法連線', loading: false });
    store.reload();
    expect(viewOf(store.getSnapshot(), 'a', true)).toMatchObject({ data: 'A', error: '無法連線', loading: true });
    reads[2]!.resolve('A2');
    await settle();
    expect(viewOf(store.getSnapshot(), 'a', true)).toMatchObject({ data: 'A2', error: null, loading: false });
  });

  it('drops everything after stop (the page left), and an aborted read is no error', async () => {
    const store = createResourceStore<string>();
    const { reads, loader } = manualLoader<string>();
    const seen: unknown[] = [];
    store.subscribe(() => seen.push(store.getSnapshot()));
    store.load('a', loader);
    store.stop();
    expect(reads[0]!.signal.aborted).toBe(true);
    const before = seen.length;
    reads[0]!.reject(new DOMException('aborted', 'AbortError'));
    await settle();
    expect(seen.length).toBe(before);
    expect(viewOf(store.getSnapshot(), 'a', true)).toMatchObject({ error: null, loading: false, data: null });
  });

  it('a loader that throws at once is a failure like any other', async () => {
    const store = createResourceStore<string>();
    store.load('a', () => {
      throw new ApiError(400, 'VALIDATION_ERROR', '輸入資料有誤');
    });
    await settle();
    expect(viewOf(store.getSnapshot(), 'a', true).error).toBe('輸入資料有誤');
  });

  it('set shows a value the page already has, for the current key', async () => {
    const { store } = await started('a', 'A');
    store.set('A saved');
    expect(viewOf(store.getSnapshot(), 'a', false).data).toBe('A saved');
  });
});

describe('depsKey', () => {
  it('changes exactly when a dependency changes as React compares them', () => {
    const identity = { token: 't' };
    const fn = () => undefined;
    expect(depsKey(['a', 1, identity, fn])).toBe(depsKey(['a', 1, identity, fn]));
    expect(depsKey(['a', 1, identity])).not.toBe(depsKey(['a', 1, { token: 't' }]));
    expect(depsKey(['1'])).not.toBe(depsKey([1]));
    expect(depsKey([null])).not.toBe(depsKey([undefined]));
    expect(depsKey(['a|b'])).not.toBe(depsKey(['a', 'b']));
  });
});
