// Types for proc.mjs, so TypeScript tests can start and stop the processes they need.

export interface ProcessHandle {
  name: string;
  pid: number;
  logFile: string;
  readonly exited: boolean;
  stop(timeoutMs?: number): Promise<void>;
}

export function isPortOpen(port: number, host?: string, timeoutMs?: number): Promise<boolean>;
export function waitFor(
  check: () => Promise<boolean> | boolean,
  options?: { timeoutMs?: number; intervalMs?: number; what?: string },
): Promise<void>;
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    logFile: string;
    onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
    echo?: boolean;
  },
): ProcessHandle;
export function tail(file: string, lines?: number): string;
