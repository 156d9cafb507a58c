// Every portal page a mail links to, and the one way such a link becomes an address. Links go to
// WEB_URL, where browsers reach the web app: the Vite server in development, the API itself in tests,
// nginx in production. PUBLIC_URL is the API's own address; in development it serves no page at all,
// so a link built on it is dead.

/** The pages, as the web app's route table names their paths (web/src/routes/paths.ts). */
export const MAIL_PAGES = {
  landing: '/',
  login: '/login',
  activation: '/login/activate',
  applicationStatusLookup: '/apply/account/status',
  applicationStatus: '/apply/account/status/:id',
  reactivation: '/apply/reactivation',
  account: '/account',
  consoleAccounts: '/console/accounts',
  accountApplicationInbox: '/console/accounts/applications',
  accountApplicationReview: '/console/accounts/applications/:id',
  adminRoleRequestReview: '/console/accounts/admin-role-requests/:id',
  agencyChangeReview: '/console/accounts/agency-change-requests/:id',
  reactivationReview: '/console/accounts/reactivation-requests/:id',
  bookingRecord: '/applications/booking-records/:id',
  venueBookingReview: '/console/items/venue-bookings/:id',
  carBookingReview: '/console/items/car-bookings/:id',
  repairTicket: '/applications/repairs/tickets/:key',
  repairHandlingTicket: '/my/repair-handling/:key',
  integrationRecord: '/applications/integrations/records/:key',
  integrationReview: '/console/integrations/:key',
} as const;

export type MailPage = keyof typeof MAIL_PAGES;
type Query = Record<string, string>;
type PathArgs<P extends string> = P extends `${string}/:${string}` ? [id: string, query?: Query] : [query?: Query];
/** A page addressed by one item: its pattern ends in /:id (or /:key). */
const ITEM_PARAM = /\/:[A-Za-z]+$/;

/** A page's path (and query) as mail template data carries it, e.g. mailPath('applicationStatus', id, { key }). */
export function mailPath<K extends MailPage>(page: K, ...args: PathArgs<(typeof MAIL_PAGES)[K]>): string {
  const pattern: string = MAIL_PAGES[page];
  const takesId = ITEM_PARAM.test(pattern);
  const id = takesId ? (args[0] as string) : undefined;
  const query = (takesId ? args[1] : args[0]) as Query | undefined;
  if (takesId && !id) throw new Error(`mailPath: page ${page} needs an id`);
  const path = takesId ? pattern.replace(ITEM_PARAM, `/${encodeURIComponent(id!)}`) : pattern;
  // By hand rather than URLSearchParams: workflows build these paths too, inside their sandbox.
  const search = Object.entries(query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}

const PATTERNS = Object.values(MAIL_PAGES).map(
  (pattern) => new RegExp(`^${pattern.replace(ITEM_PARAM, '/[^/?#]+')}(?:\\?[^#]*)?$`),
);

/** Whether a value is the path of one of MAIL_PAGES (so never another site, nor an API route). */
export function isMailPath(value: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(value));
}

/** The address a mail shows for a page path: on WEB_URL, whatever else the caller passed. */
export function mailLinkUrl(webUrl: string, path: string): string {
  if (!isMailPath(path)) throw new Error(`"${path.slice(0, 200)}" is not a portal page a mail may link to`);
  const base = new URL(webUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`WEB_URL must be http(s), not ${base.protocol}`);
  // Under WEB_URL as the other links to the web app are (the SSO's issuer, the portal's callback).
  return new URL(`${base.href.replace(/\/+$/, '')}${path}`).href;
}
