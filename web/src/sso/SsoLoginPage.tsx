import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { createElement, lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useNavigate, useParams } from 'react-router';
import { LoadingScreen } from '../common/LoadingScreen';
import { RouterLink } from '../common/RouterLink';
import { usePageTitle } from '../common/usePageTitle';
import { ApiError, errorMessage } from '../lib/api';
import { ROUTES } from '../routes/paths';
import { ssoApi } from './api';
import { ConsentView } from './ConsentView';
import type { InteractionDetails, LoginMethod, LoginResult, LoginTabProps } from './types';

/** The manual's five methods, in its order, with the tab component file each one lives in. */
const METHODS: { method: LoginMethod; label: string; file: string }[] = [
  { method: 'MOBILE_CERT', label: '行動自然人憑證', file: 'MobileCertTab' },
  { method: 'CITIZEN_CERT', label: '自然人憑證', file: 'CitizenCertTab' },
  { method: 'OTP', label: '動態驗證碼', file: 'OtpTab' },
  { method: 'TEMP_PASSWORD', label: '臨時密碼', file: 'TempPasswordTab' },
  { method: 'PASSWORD', label: '一般登入', file: 'PasswordTab' },
];

const tabModules = import.meta.glob<{ default: ComponentType<LoginTabProps> }>('./tabs/*Tab.tsx');
const tabs = new Map(
  METHODS.flatMap(({ method, file }) => {
    const load = tabModules[`./tabs/${file}.tsx`];
    return load ? [[method, lazy(load)] as const] : [];
  }),
);

/** 密碼逾期: the forced change (web/src/auth/password/ExpiredPasswordPage.tsx). */
const PASSWORD_EXPIRED_PATH = '/login/password-expired';

/** Where a finished step sends the browser: back to the system, or to the forced password change. */
function useResultHandler() {
  const navigate = useNavigate();
  return (result: LoginResult) => {
    if ('redirectTo' in result) window.location.assign(result.redirectTo);
    else navigate(PASSWORD_EXPIRED_PATH, { state: result });
  };
}

/**
 * 單一帳號認證平台 › 登入 (manual 第二章 壹, 圖 18): the five methods as tabs — outside 府內網路 only
 * the two certificate methods — and, for systems that are not first-party, the 授權 screen.
 */
export default function SsoLoginPage() {
  usePageTitle('登入');
  const { uid = '' } = useParams();
  const [details, setDetails] = useState<InteractionDetails | null>(null);
  const [error, setError] = useState<{ message: string; expired: boolean } | null>(null);
  const [method, setMethod] = useState<LoginMethod | null>(null);
  const onResult = useResultHandler();

  useEffect(() => {
    let active = true;
    ssoApi.details(uid).then(
      (found) => {
        if (!active) return;
        setDetails(found);
        setMethod(found.methods.includes('PASSWORD') ? 'PASSWORD' : (found.methods[0] ?? null));
      },
      (cause: unknown) => {
        if (active)
          setError({ message: errorMessage(cause), expired: cause instanceof ApiError && cause.code === 'INTERACTION_EXPIRED' });
      },
    );
    return () => {
      active = false;
    };
  }, [uid]);

  if (error) {
    return (
      <Box sx={{ maxWidth: 480, mx: 'auto' }}>
        <Alert
          severity="warning"
          action={
            <Button color="inherit" href="/login">
              重新登入
            </Button>
          }
        >
          {error.message}
        </Alert>
      </Box>
    );
  }
  if (!details || !method) return <LoadingScreen label="載入登入頁面…" />;
  if (details.prompt === 'consent') return <ConsentView details={details} />;

  const offered = METHODS.filter((item) => details.methods.includes(item.method));
  const Current = tabs.get(method);
  return (
    <Box sx={{ maxWidth: 640, mx: 'auto' }}>
      <Paper sx={{ overflow: 'hidden' }}>
        <Box sx={{ px: { xs: 2.5, sm: 4 }, pt: { xs: 3, sm: 4 }, pb: 1 }}>
          <Typography variant="overline" component="p" sx={{ color: 'text.secondary', letterSpacing: '0.12em', lineHeight: 1.6 }}>
            臺南市政府
          </Typography>
          <Typography variant="h1" sx={{ fontSize: { xs: '1.5rem', sm: '1.75rem' } }}>
            單一帳號認證平台
          </Typography>
          <Typography sx={{ color: 'text.secondary', mt: 0.5 }}>登入「{details.client.name}」</Typography>
        </Box>
        {details.certificateRequired && (
          <Alert severity="info" sx={{ mx: { xs: 2.5, sm: 4 }, mb: 1 }}>
            「{details.client.name}」要求以行動自然人憑證或自然人憑證登入。
          </Alert>
        )}
        {!details.internal && !details.certificateRequired && (
          <Alert severity="info" sx={{ mx: { xs: 2.5, sm: 4 }, mb: 1 }}>
            您目前位於府外網路，僅可使用行動自然人憑證或自然人憑證登入。
          </Alert>
        )}
        <Tabs
          value={method}
          onChange={(_event, value: LoginMethod) => setMethod(value)}
          aria-label="登入方式"
          variant="scrollable"
          allowScrollButtonsMobile
          sx={{ px: { xs: 1.5, sm: 3 }, borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { minWidth: 0, px: 1.5 } }}
        >
          {offered.map((item) => (
            <Tab
              key={item.method}
              value={item.method}
              label={item.label}
              id={`login-tab-${item.method}`}
              aria-controls="login-panel"
            />
          ))}
        </Tabs>
        <Box role="tabpanel" id="login-panel" aria-labelledby={`login-tab-${method}`} sx={{ px: { xs: 2.5, sm: 4 }, py: 3 }}>
          {Current ? (
            <Suspense fallback={<LoadingScreen />}>{createElement(Current, { key: method, uid, onResult })}</Suspense>
          ) : (
            <Alert severity="info">此登入方式即將開放。</Alert>
          )}
        </Box>
        <Stack
          direction="row"
          spacing={3}
          sx={{ justifyContent: 'center', px: 2, py: 2, borderTop: 1, borderColor: 'divider', bgcolor: 'action.hover' }}
        >
          {method === 'PASSWORD' && <RouterLink to={ROUTES.forgotPassword.path}>忘記密碼</RouterLink>}
          <RouterLink to={ROUTES.activateAccount.path}>開通帳號</RouterLink>
        </Stack>
      </Paper>
      <Typography sx={{ textAlign: 'center', mt: 3 }}>
        <RouterLink to={ROUTES.landing.path}>進入臺南市政府公務入口網</RouterLink>
      </Typography>
    </Box>
  );
}
