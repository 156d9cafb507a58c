/**
 * 批次核准/駁回 in the console inboxes: each request decided on its own; one that fails (already decided,
 * another agency, account taken …) is reported with its error and does not stop the others. The results
 * keep the order of `ids`. One at a time, in order, unless the inbox says its decisions are independent
 * (`concurrency` > 1: e.g. bookings, each its own workflow and slot).
 */
export async function decideEach(ids: readonly string[], decide: (id: string) => Promise<unknown>, concurrency = 1) {
  const results: { id: string; ok: boolean; error?: { code: string; message: string } }[] = new Array(ids.length);
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i]!;
      try {
        await decide(id);
        results[i] = { id, ok: true };
      } catch (error) {
        const e = error as { code?: string; message?: string };
        results[i] = { id, ok: false, error: { code: e.code ?? 'INTERNAL', message: e.message ?? '處理失敗' } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, ids.length)) }, lane));
  return results;
}
