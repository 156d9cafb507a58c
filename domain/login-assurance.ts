// How strongly each of the five login methods proves who a person is, in OpenID Connect's terms:
// `amr` (RFC 8176 method references) and `acr` (an assurance level a relying party can ask for with
// `acr_values`). Pure; shared by the SSO (api/sso) and the login page. docs/decisions/0005.

/** The five login methods of the manual (第二章 壹). */
export type LoginMethodName = 'PASSWORD' | 'OTP' | 'TEMP_PASSWORD' | 'CITIZEN_CERT' | 'MOBILE_CERT';

/** 單一因子: something the person knows or receives (密碼、動態驗證碼、臨時密碼). */
export const ACR_SINGLE_FACTOR = 'urn:tainan:gov:loa:1';
/** 憑證: a key held in a card or phone and unlocked by the person (自然人憑證、行動自然人憑證). */
export const ACR_CERTIFICATE = 'urn:tainan:gov:loa:2';
export const ACR_VALUES = [ACR_SINGLE_FACTOR, ACR_CERTIFICATE] as const;
export type AcrValue = (typeof ACR_VALUES)[number];

const LEVEL: Record<AcrValue, number> = { [ACR_SINGLE_FACTOR]: 1, [ACR_CERTIFICATE]: 2 };

export const METHOD_ASSURANCE: Record<LoginMethodName, { acr: AcrValue; amr: readonly string[] }> = {
  PASSWORD: { acr: ACR_SINGLE_FACTOR, amr: ['pwd'] },
  // A TOTP code from the 驗證器 APP (RFC 6238).
  OTP: { acr: ACR_SINGLE_FACTOR, amr: ['otp'] },
  // A one-time password mailed to the 備用信箱.
  TEMP_PASSWORD: { acr: ACR_SINGLE_FACTOR, amr: ['otp'] },
  // The MOICA card's key signs our nonce after the card holder enters the PIN: two factors.
  CITIZEN_CERT: { acr: ACR_CERTIFICATE, amr: ['sc', 'hwk', 'pin', 'mfa'] },
  // TW FidO: a push to the registered phone, whose key is unlocked by the person on the phone.
  MOBILE_CERT: { acr: ACR_CERTIFICATE, amr: ['hwk', 'mca', 'mfa'] },
};

const isAcr = (value: string): value is AcrValue => value in LEVEL;

/**
 * The lowest level that meets a request's `acr_values` (space-separated, in the RP's order of
 * preference): any of them satisfies it, so the floor is the weakest one we know. Values we do not
 * know are ignored, as OpenID Connect Core §3.1.2.1 makes acr_values a voluntary request.
 */
export function requiredLevel(acrValues: string | undefined): number {
  const known = (acrValues ?? '').split(' ').filter(isAcr);
  return known.length === 0 ? 0 : Math.min(...known.map((value) => LEVEL[value]));
}

/** Whether a login (or an existing session's `acr`) satisfies the request's `acr_values`. */
export function satisfies(acr: string | undefined, acrValues: string | undefined): boolean {
  const floor = requiredLevel(acrValues);
  if (floor === 0) return true;
  return acr !== undefined && isAcr(acr) && LEVEL[acr] >= floor;
}

/** The methods among `offered` (by network zone) whose assurance meets the request's `acr_values`. */
export function methodsMeeting<M extends LoginMethodName>(offered: readonly M[], acrValues: string | undefined): M[] {
  const floor = requiredLevel(acrValues);
  return offered.filter((method) => LEVEL[METHOD_ASSURANCE[method].acr] >= floor);
}
