// The 自然人憑證 card reader simulator (scripts/services/card-signer-sim.mjs) as tests use it: choose
// the card in the reader, and sign like the browser's page does through the HiPKI API.

export const TEST_PIN = '123456';

export function cardSignerUrl() {
  const url = process.env.CARD_SIGNER_SIM_URL;
  if (!url) throw new Error('CARD_SIGNER_SIM_URL is not set: run the tests with `node scripts/test.mjs`');
  return url;
}

async function post(path: string, body: unknown) {
  const response = await fetch(`${cardSignerUrl()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Puts a demo card (card-pki.mjs TEST_CARDS id) in the reader, or takes it out (null). */
export const insertCard = (card: string | null) => post('/sim/insert', { card });

/** Unlocks every card and puts the default one back. */
export const resetCards = () => post('/sim/reset', {});

export interface SimCard {
  id: string;
  holder: string;
  serial: string;
  revoked: boolean;
  expired: boolean;
  locked: boolean;
}

export async function simCards(): Promise<SimCard[]> {
  const response = await fetch(`${cardSignerUrl()}/sim/state`);
  return ((await response.json()) as { cards: SimCard[] }).cards;
}

/** POST /sign as the component's API takes it; answers its JSON (ret_code, last_error, signature, certb64). */
export async function signTbs(tbs: string, pin = TEST_PIN) {
  return (await post('/sign', { func: 'MakeSignature', tbs, hashAlgorithm: 'SHA256', pin, signatureType: 'PKCS1' })) as {
    ret_code: number;
    last_error: number;
    signature?: string;
    certb64?: string;
  };
}
