// Types for history-dump.mjs.
export declare function dumpHistories(options: {
  address: string;
  namespace: string;
  since: number;
  file: string;
  concurrency?: number;
}): Promise<{ workflows: number; bytes: number }>;
