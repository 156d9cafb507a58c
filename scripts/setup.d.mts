// Types for the parts of setup.mjs that TypeScript tests import.

export interface ServiceHandle {
  name: string;
  pid: number;
  logFile: string;
  readonly exited: boolean;
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts a Node service script unless its port already answers (then null). `secrets` go in its
 * environment, never in `args`.
 */
export function ensureNodeService(input: {
  name: string;
  script: string;
  args: string[];
  secrets?: Record<string, string>;
  port: number;
  stateDir: string;
  log: (line: string) => void;
}): Promise<ServiceHandle | null>;
