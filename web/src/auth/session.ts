import { createContext, useContext } from 'react';
import type { SessionUser } from '../lib/api/types';

export type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'anonymous'; user: null }
  | { status: 'authenticated'; user: SessionUser }
  /** The session probe itself failed (network, server error): shown with a retry, never as "logged out". */
  | { status: 'error'; user: null; message: string };

export interface SessionContextValue {
  state: SessionState;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The current session (GET /api/session) and 登出. Logging in goes through the SSO (/login). */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
