import { describe, expect, it } from 'vitest';
import { decideEach } from './batch';

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('批次核准/駁回 (decideEach)', () => {
  it('decides one at a time by default, in order, reporting a failure without stopping the others', async () => {
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const results = await decideEach(['a', 'b', 'c'], async (id) => {
      most = Math.max(most, ++running);
      order.push(id);
      await settle();
      running--;
      if (id === 'b') throw Object.assign(new Error('此申請已審核'), { code: 'REQUEST_DECIDED' });
    });
    expect(most).toBe(1);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(results).toEqual([
      { id: 'a', ok: true },
      { id: 'b', ok: false, error: { code: 'REQUEST_DECIDED', message: '此申請已審核' } },
      { id: 'c', ok: true },
    ]);
  });

  it('decides up to `concurrency` at once and still answers in the order asked', async () => {
    let running = 0;
    let most = 0;
    const ids = Array.from({ length: 10 }, (_v, i) => `r${i}`);
    const results = await decideEach(
      ids,
      async (id) => {
        most = Math.max(most, ++running);
        // Later ids finish first: the answer must not follow completion order.
        await new Promise((resolve) => setTimeout(resolve, 20 - Number(id.slice(1))));
        running--;
        if (id === 'r3') throw new Error('找不到此申請。');
      },
      4,
    );
    expect(most).toBe(4);
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(results.filter((r) => !r.ok)).toEqual([
      { id: 'r3', ok: false, error: { code: 'INTERNAL', message: '找不到此申請。' } },
    ]);
  });
});
