/**
 * Exists for bench/bookings only: the one activity of the `benchBaseline` workflow, which measures what
 * the worker and Temporal cost a bare workflow on this machine. It touches nothing.
 */
export function createBenchActivities() {
  return {
    async benchEcho(input: { n: number }): Promise<{ n: number }> {
      return input;
    },
  };
}

export type BenchActivities = ReturnType<typeof createBenchActivities>;
