/** What a login method's route answers (api/sso/login-kit.ts `success`). */
export type LoginResult = { redirectTo: string } | { passwordExpired: true; changeToken: string; account: string };

export type LoginMethod = 'MOBILE_CERT' | 'CITIZEN_CERT' | 'OTP' | 'TEMP_PASSWORD' | 'PASSWORD';

/** GET /api/sso/interaction/:uid/details */
export interface InteractionDetails {
  uid: string;
  prompt: 'login' | 'consent' | string;
  client: { id: string; name: string };
  /** 府內網路 or not: outside only the certificate methods are offered. */
  internal: boolean;
  methods: LoginMethod[];
  /** The system asked for a certificate login (OpenID Connect acr_values): only those are offered. */
  certificateRequired?: boolean;
  user?: { name: string; account: string } | null;
  scopes?: { scope: string; label: string }[];
}

/** Props every login tab (web/src/sso/tabs/<Name>Tab.tsx) takes. */
export interface LoginTabProps {
  uid: string;
  onResult: (result: LoginResult) => void;
}
