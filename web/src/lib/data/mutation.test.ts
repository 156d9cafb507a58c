import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { createMutation } from './mutation';

describe('createMutation', () => {
  it('is pending while the call runs and resolves to its answer', async () => {
    let finish: (value: string) => void = () => undefined;
    const mutation = createMutation(
      (name: string) => new Promise<string>((resolve) => (finish = (v) => resolve(`${v} ${name}`))),
    );
    const running = mutation.run('王小明');
    expect(mutation.getSnapshot().pending).toBe(true);
    finish('已核准');
    await expect(running).resolves.toBe('已核准 王小明');
    expect(mutation.getSnapshot()).toEqual({ pending: false, error: null, cause: undefined });
  });

  it('ignores a second call while the first runs (a double click sends one request)', async () => {
    let calls = 0;
    let finish: () => void = () => undefined;
    const mutation = createMutation(() => {
      calls += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const first = mutation.run();
    await expect(mutation.run()).resolves.toBeUndefined();
    finish();
    await first;
    expect(calls).toBe(1);
  });

  it("keeps the API's zh-TW message and the thrown value of a failure until the next call or reset", async () => {
    const refusal = new ApiError(409, 'REQUEST_DECIDED', '此申請已有審核結果');
    let fail = true;
    const mutation = createMutation(async () => {
      if (fail) throw refusal;
      return 'ok';
    });
    await expect(mutation.run()).resolves.toBeUndefined();
    expect(mutation.getSnapshot()).toEqual({ pending: false, error: '此申請已有審核結果', cause: refusal });
    mutation.reset();
    expect(mutation.getSnapshot().error).toBeNull();
    await mutation.run();
    fail = false;
    await expect(mutation.run()).resolves.toBe('ok');
    expect(mutation.getSnapshot().error).toBeNull();
  });

  it('lets the page handle a failure (null) or word it (a text), and tells it of a success', async () => {
    const seen: string[] = [];
    const refusal = new ApiError(400, 'VALIDATION_ERROR', '輸入資料有誤', { reason: '請輸入申請原因' });
    const mutation = createMutation(
      async (reason: string) => {
        if (!reason) throw refusal;
        return reason.length;
      },
      {
        onSuccess: (value, reason) => seen.push(`${reason}:${value}`),
        onError: (cause) => (cause instanceof ApiError && cause.fields.reason ? null : undefined),
      },
    );
    await mutation.run('');
    expect(mutation.getSnapshot()).toMatchObject({ error: null, cause: refusal });
    await mutation.run('調職');
    expect(seen).toEqual(['調職:2']);
    const worded = createMutation(async () => Promise.reject(new Error('boom')), { onError: () => '儲存失敗' });
    await worded.run();
    expect(worded.getSnapshot().error).toBe('儲存失敗');
  });
});
