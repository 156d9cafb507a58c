// Types for moi-fido-sim.mjs, so TypeScript tests and tools can import it.

export type MoiFidoFailMode = 'none' | 'down5xx' | 'timeout';
export type SimulatedRequestStatus = 'issued' | 'pending' | 'approved' | 'denied' | 'expired' | 'redeemed';

/** One request as the operator API shows it (the ID number only masked). */
export interface SimulatedMoiRequest {
  sp_ticket_id: string;
  transaction_id: string;
  id_num_masked: string;
  hashed_id_num: string;
  op_code: 'ATH' | 'SIGN';
  op_mode: 'PUSH' | 'I-SCAN' | 'APP2APP' | 'MWEB2APP';
  hint: string;
  status: SimulatedRequestStatus;
  created_at: string;
  expires_at: string;
}

export interface MoiFidoSimulator {
  port: number;
  /** http://127.0.0.1:<port> — the value for MOI_FIDO_URL and MOI_SIMULATOR_URL */
  url: string;
  stop(): Promise<void>;
}

export function startMoiFidoSimulator(options: {
  port: number;
  spServiceId: string;
  /** base64 of the 32-byte AES key shared with the SP */
  spKey: string;
  spName?: string;
  host?: string;
  log?: (message: string) => void;
}): Promise<MoiFidoSimulator>;

export function moiChecksum(payload: string, keyBase64: string, iv?: Buffer): string;
export function moiChecksumValid(payload: string, checksum: string, keyBase64: string): boolean;
