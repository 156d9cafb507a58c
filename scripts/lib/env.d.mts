// Types for the part of env.mjs TypeScript tests use.

export interface ModeConfig {
  apiPort: number;
  webPort: number | null;
  database: string;
  namespace: string;
  stateDir: string;
}

/** A mode's settings; in test mode TEST_SLOT gives the slot's own ports, database and state directory. */
export function modeConfig(mode: 'development' | 'test', slot?: string): ModeConfig;
