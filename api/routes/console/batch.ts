/**
 * 批次核准/駁回 in the console inboxes: each request decided on its own, in order; one that fails (already
 * decided, another agency, account taken …) is reported with its error and does not stop the others.
 */
export async function decideEach(ids: readonly string[], decide: (id: string) => Promise<unknown>) {
  const results: { id: string; ok: boolean; error?: { code: string; message: string } }[] = [];
  for (const id of ids) {
    try {
      await decide(id);
      results.push({ id, ok: true });
    } catch (error) {
      const e = error as { code?: string; message?: string };
      results.push({ id, ok: false, error: { code: e.code ?? 'INTERNAL', message: e.message ?? '處理失敗' } });
    }
  }
  return results;
}
