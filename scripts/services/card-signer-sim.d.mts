// Types for card-signer-sim.mjs (the 自然人憑證 card reader + HiPKI signing component simulator).

export const RET: {
  OK: 0;
  JSON_ERROR: number;
  PARAM_ERROR: number;
  NO_CARD: number;
  UNTRUSTED_SITE: number;
  NO_PIN: number;
  LOGIN_FAILED: number;
};
export const LAST_ERROR: { PIN_LOCKED: number; ONE_LEFT: number; TWO_LEFT: number };

export interface CardSignerSimulator {
  port: number;
  url: string;
  crlUrl: string;
  rootCaFile: string;
  stop(): Promise<void>;
}

export function startCardSignerSimulator(options: {
  port: number;
  pkiDir: string;
  origins?: string[];
  defaultCard?: string;
  host?: string;
  log?: (message: string) => void;
}): Promise<CardSignerSimulator>;
