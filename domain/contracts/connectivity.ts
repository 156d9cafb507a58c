/** 連線測試: one probe's answer, as the activities measure it and the workflow reports it. */
export interface ProbeResult {
  ok: boolean;
  message: string;
  latencyMs: number | null;
}
