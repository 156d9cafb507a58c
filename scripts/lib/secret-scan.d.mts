// Types for secret-scan.mjs, so its TypeScript test can import it.

export interface Secret {
  kind: string;
  value: string;
}
export interface ScanHit {
  file: string;
  kind: string;
  count: number;
  /** The first characters and the length only. */
  value: string;
}
export function logOffsets(dir: string): Map<string, number>;
export function secretsInMessages(input: { mailDir: string; smsDir: string; since: number }): Secret[];
export function recordedSecrets(file: string): Secret[];
export function scanLogs(input: { logsDir: string; offsets?: Map<string, number>; secrets: Secret[] }): {
  values: number;
  files: number;
  bytes: number;
  hits: ScanHit[];
};
export function describeScan(result: ReturnType<typeof scanLogs>, secretsByKind: Map<string, number>): string[];
