import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { PublicPanel } from '../../apply/PublicPanel';
import { RouterLink } from '../../common/RouterLink';
import { ROUTES } from '../../routes/paths';
import { passwordApi } from '../forgot/api';
import { PasswordChangeDone, PasswordWizardHeader, REDIRECT_SECONDS } from './PasswordWizard';
import { SetPasswordForm } from './SetPasswordForm';

/** What the SSO login page passes in the router state when a login answered { passwordExpired }. */
interface ExpiredState {
  passwordExpired: true;
  changeToken: string;
  account: string;
}

function expiredState(value: unknown): ExpiredState | null {
  const v = value as Partial<ExpiredState> | null;
  return v && v.passwordExpired === true && typeof v.changeToken === 'string' && typeof v.account === 'string'
    ? (v as ExpiredState)
    : null;
}

/**
 * 密碼已逾期: the login succeeded but the password is older than 密碼有效期限, so a new one must be set
 * before going on (the changeToken is a single-use proof of that login). Then back to 個人帳號登入.
 */
export default function ExpiredPasswordPage() {
  const location = useLocation();
  const [state] = useState(() => expiredState(location.state));
  const [stage, setStage] = useState<'password' | 'expired' | { account: string; redirectAt: number }>('password');

  return (
    <PublicPanel
      title={ROUTES.passwordExpired.title}
      maxWidth={760}
      footer={<RouterLink to={ROUTES.landing.path}>進入臺南市政府公務入口網</RouterLink>}
    >
      <PasswordWizardHeader step={typeof stage === 'object' ? 'done' : 'password'} />
      {!state || stage === 'expired' ? (
        <Stack spacing={2} sx={{ maxWidth: 560, mx: 'auto' }}>
          <Alert severity="warning">變更密碼的作業已逾時或已完成，請重新登入；若密碼仍已逾期，登入後會再請您設定新密碼。</Alert>
          <Stack direction="row" spacing={1.5}>
            <Button variant="contained" component={Link} to={ROUTES.login.path} replace>
              重新登入
            </Button>
            <Button component={Link} to={ROUTES.forgotPassword.path}>
              忘記密碼
            </Button>
          </Stack>
        </Stack>
      ) : typeof stage === 'object' ? (
        <PasswordChangeDone
          redirectAt={stage.redirectAt}
          message={
            <>
              帳號 <strong>{stage.account}</strong> 的密碼已變更，請使用新密碼重新登入。
            </>
          }
        />
      ) : (
        <Stack spacing={2.5}>
          <Alert severity="warning" sx={{ maxWidth: 560, mx: 'auto', width: '100%', boxSizing: 'border-box' }}>
            帳號 <strong>{state.account}</strong> 的密碼已超過有效期限，請設定新密碼後再重新登入。
          </Alert>
          <SetPasswordForm
            account={state.account}
            submit={(body) => passwordApi.changeExpired(state.changeToken, body)}
            onExpired={() => setStage('expired')}
            onDone={(account) => setStage({ account, redirectAt: Date.now() + REDIRECT_SECONDS * 1000 })}
          />
        </Stack>
      )}
    </PublicPanel>
  );
}
