import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingScreen } from '../common/LoadingScreen';
import { PortalLayout } from '../layout/PortalLayout';
import { PublicLayout } from '../layout/PublicLayout';
import { LOGIN_PATH } from '../routes/paths';
import { safeReturnPath, type LoginRedirectState } from './returnPath';
import { useSession } from './session';

/** The logged-in part of the portal: sends anonymous users to /login (and back afterwards). */
export function RequireSession() {
  const { state, refresh } = useSession();
  const location = useLocation();

  if (state.status === 'loading') return <LoadingScreen label="確認登入狀態中…" />;
  if (state.status === 'error') {
    return (
      <Container maxWidth="sm" sx={{ py: 8 }}>
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void refresh()}>
              重新嘗試
            </Button>
          }
        >
          {state.message}
        </Alert>
      </Container>
    );
  }
  if (state.status === 'anonymous') {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={LOGIN_PATH} replace state={{ from } satisfies LoginRedirectState} />;
  }
  return <PortalLayout user={state.user} />;
}

/**
 * The landing and login pages are for visitors who are not logged in: a logged-in user (including one who has
 * just logged in) goes back where the login was asked for, or to 內容主頁.
 */
export function RedirectIfLoggedIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'authenticated') return <Navigate to={safeReturnPath(location.state)} replace />;
  return <>{children}</>;
}

/** For pages open to everyone that should keep the frame the visitor is in (e.g. 找不到網頁). */
export function SessionAwareLayout() {
  const { state } = useSession();
  if (state.status === 'loading') return <LoadingScreen />;
  return state.status === 'authenticated' ? <PortalLayout user={state.user} /> : <PublicLayout />;
}
