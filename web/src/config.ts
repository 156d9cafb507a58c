// Front-end configuration, read once at build time from VITE_* variables (see vite-env.d.ts).
// Every external address the UI links to lives here, so operators change one place.
// What differs per deployment and the server knows (below: runtime settings) is asked of the API
// at run time instead, so one build serves development, tests and production.
import { api } from './lib/api';

function read(value: string | undefined, fallback: string): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : fallback;
}

export interface ExternalLinks {
  yonghuaTemperature: string;
  energySaving: string;
  propertySystem: string;
  smallProcurement: string;
  personnelIshare: string;
  salaryQuery: string;
  councillors: string;
}

export interface PortalConfig {
  /** Opened in a new window by 機關及系統郵件帳號登入專區. */
  mailLoginUrl: string;
  /** Recipient of the footer's 聯絡系統管理員 link. */
  adminContactEmail: string;
  /** External links; an empty string means "not configured": the menu then shows the 尚未開放 page. */
  links: ExternalLinks;
}

const env = import.meta.env ?? {};

export const config: PortalConfig = {
  mailLoginUrl: read(env.VITE_MAIL_LOGIN_URL, 'https://mail.tainan.gov.tw'),
  // Development default; set VITE_ADMIN_CONTACT_EMAIL to the help-desk address when building for production.
  adminContactEmail: read(env.VITE_ADMIN_CONTACT_EMAIL, 'portal-admin@mail.tainan.gov.tw'),
  links: {
    yonghuaTemperature: read(env.VITE_LINK_YONGHUA_TEMPERATURE, ''),
    energySaving: read(env.VITE_LINK_ENERGY_SAVING, ''),
    propertySystem: read(env.VITE_LINK_PROPERTY_SYSTEM, ''),
    smallProcurement: read(env.VITE_LINK_SMALL_PROCUREMENT, ''),
    personnelIshare: read(env.VITE_LINK_PERSONNEL_ISHARE, ''),
    salaryQuery: read(env.VITE_LINK_SALARY_QUERY, ''),
    councillors: read(env.VITE_LINK_COUNCILLORS, 'https://www.tncc.gov.tw'),
  },
};

export const PORTAL_NAME = '臺南市政府公務入口網';

// ---------------------------------------------------------------------------------------------
// Runtime settings, from the API.

/** The HiPKI component's address on a user's PC when the API cannot be asked. */
export const DEFAULT_CITIZEN_CERT_SIGNER_URL = 'http://localhost:61161';
let signerUrl: Promise<string> | undefined;

/**
 * Where the 自然人憑證 signing component answers on the user's PC (CITIZEN_CERT_SIGNER_URL of the
 * API: the simulator in development and tests). Asked once per page load.
 */
export function citizenCertSignerUrl(): Promise<string> {
  signerUrl ??= api.get<{ signerUrl: string }>('/api/identity/citizen-cert/config').then(
    (answer) => answer.signerUrl || DEFAULT_CITIZEN_CERT_SIGNER_URL,
    () => {
      signerUrl = undefined; // ask again next time
      return DEFAULT_CITIZEN_CERT_SIGNER_URL;
    },
  );
  return signerUrl;
}
