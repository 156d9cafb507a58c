// Types for card-pki.mjs (the 自然人憑證 test PKI), so TypeScript tests and tools can import it.

export interface TestCardSpec {
  id: string;
  holder: string;
  pin?: string;
  revoked?: boolean;
  expired?: boolean;
}

export interface TestCard {
  id: string;
  holder: string;
  pin: string;
  revoked: boolean;
  expired: boolean;
  /** Serial number of the signing certificate, lower-case hex. */
  serial: string;
  keyPem: string;
  signCertPem: string;
  encCertPem: string;
}

export interface TestPki {
  caName: string;
  crlUrl: string | null;
  root: { certPem: string; keyPem: string };
  cards: TestCard[];
}

export const TEST_CA_NAME: string;
export const TEST_CARD_PIN: string;
export const TEST_CARDS: readonly TestCardSpec[];

export function createTestPki(options?: {
  caName?: string;
  crlUrl?: string;
  cards?: readonly TestCardSpec[];
  now?: Date;
}): Promise<TestPki>;
export function ensureTestPki(
  dir: string,
  options?: { crlUrl?: string },
): Promise<{ pki: TestPki; dir: string; rootCaFile: string }>;
export function issueCrl(
  pki: TestPki,
  options?: { now?: Date; validForMs?: number; extraRevokedSerials?: string[] },
): Promise<Buffer>;
export function signWithCard(card: TestCard, data: string | Buffer): Buffer;
export function pemToBase64(pem: string): string;
