import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { LoadingScreen } from '../common/LoadingScreen';
import { usePageTitle } from '../common/usePageTitle';
import { ROUTES } from '../routes/paths';
import { safeReturnPath } from './returnPath';

const ERRORS: Record<string, string> = {
  expired: '登入作業已逾時，請重新登入。',
  failed: '登入未完成，請重新登入。',
};

/** The portal's side of the SSO login: the server starts the OpenID Connect code flow. */
export const ssoLoginUrl = (returnTo: string) => `/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`;

/**
 * 個人帳號登入: the portal is a relying party of 單一帳號認證平台, so this page only sends the browser
 * there (and back to the page that asked for the login). A failed return shows why, with a retry.
 */
export default function LoginPage() {
  usePageTitle(ROUTES.login.title);
  const location = useLocation();
  const [params] = useSearchParams();
  const error = ERRORS[params.get('error') ?? ''];
  const target = ssoLoginUrl(safeReturnPath(location.state));

  useEffect(() => {
    if (!error) window.location.replace(target);
  }, [error, target]);

  if (!error) return <LoadingScreen label="正在前往單一帳號認證平台…" />;
  return (
    <Box sx={{ maxWidth: 480, mx: 'auto' }}>
      <Alert
        severity="warning"
        action={
          <Button color="inherit" href={target}>
            重新登入
          </Button>
        }
      >
        {error}
      </Alert>
    </Box>
  );
}
