import { HOME_PATH } from '../routes/paths';

export interface LoginRedirectState {
  /** Where to return after logging in. */
  from?: string;
}

/** Where to go after logging in: the page that asked for the login if it is a path of this site, else 內容主頁. */
export function safeReturnPath(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\')) return HOME_PATH;
  return from;
}
