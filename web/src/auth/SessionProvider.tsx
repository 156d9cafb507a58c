import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, errorMessage, onUnauthenticated } from '../lib/api';
import { SessionContext, type SessionContextValue, type SessionState } from './session';
import { sessionApi } from './sessionApi';

/** GET /api/session as a session state: 401 = anonymous; anything else that fails = error (with a retry). */
async function fetchSession(): Promise<SessionState> {
  try {
    const { user } = await sessionApi.get();
    return { status: 'authenticated', user };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { status: 'anonymous', user: null };
    return { status: 'error', user: null, message: errorMessage(error) };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading', user: null });

  const refresh = useCallback(async () => {
    setState(await fetchSession());
  }, []);

  useEffect(() => {
    let active = true;
    void fetchSession().then((next) => {
      if (active) setState(next);
    });
    return () => {
      active = false;
    };
  }, []);

  // Any later 401 means the session ended (expired, logged out elsewhere): the guards then send the user to /login.
  useEffect(() => onUnauthenticated(() => setState({ status: 'anonymous', user: null })), []);

  // 登出 ends the portal session and the SSO session in one POST (a GET would let any link log the user
  // out), then loads the landing page afresh, leaving nothing of the session in memory.
  const logout = useCallback(async () => {
    try {
      await sessionApi.logout();
    } finally {
      window.location.assign('/');
    }
  }, []);

  const value = useMemo<SessionContextValue>(() => ({ state, logout, refresh }), [state, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
