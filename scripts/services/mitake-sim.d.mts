// Types for mitake-sim.mjs, so TypeScript tests and tools can import it.

export type MitakeFailMode = 'none' | 'auth' | 'ipBlocked' | 'down5xx' | 'timeout';

export interface SimulatedSms {
  /** Mitake msgid */
  id: string;
  to: string;
  body: string;
  time: string;
  clientid: string;
  destname: string;
  dlvtime: string;
  vldtime: string;
  response: string;
  username: string;
  statuscode: string;
  points: number;
}

export interface MitakeSimulator {
  port: number;
  /** http://127.0.0.1:<port> — the value for MITAKE_URL and SMS_SIMULATOR_URL */
  url: string;
  stop(): Promise<void>;
}

export function startMitakeSimulator(options: {
  port: number;
  storeDir: string;
  username?: string;
  password?: string;
  host?: string;
  accountPoint?: number;
  log?: (message: string) => void;
}): Promise<MitakeSimulator>;
