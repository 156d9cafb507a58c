import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { RouterLink } from '../common/RouterLink';
import { usePageTitle } from '../common/usePageTitle';
import { ROUTES } from '../routes/routeTable';
import { GeneralLoginForm } from './GeneralLoginForm';

/**
 * 個人帳號登入 → 單一帳號認證平台. The manual's five methods become tabs as the SSO gains them
 * (行動自然人憑證, 自然人憑證, 動態驗證碼, 臨時密碼); 一般登入 is the one available now.
 * After a successful login the route guard takes the user back where they came from, or to 內容主頁.
 */
export default function LoginPage() {
  usePageTitle(ROUTES.login.title);
  const methods = [{ id: 'general', label: '一般登入' }] as const;
  const [method, setMethod] = useState<(typeof methods)[number]['id']>('general');

  return (
    <Box sx={{ maxWidth: 480, mx: 'auto' }}>
      <Paper sx={{ overflow: 'hidden' }}>
        <Box sx={{ px: { xs: 2.5, sm: 4 }, pt: { xs: 3, sm: 4 }, pb: 1 }}>
          <Typography variant="overline" component="p" sx={{ color: 'text.secondary', letterSpacing: '0.12em', lineHeight: 1.6 }}>
            臺南市政府
          </Typography>
          <Typography variant="h1" sx={{ fontSize: { xs: '1.5rem', sm: '1.75rem' } }}>
            單一帳號認證平台
          </Typography>
        </Box>
        <Tabs
          value={method}
          onChange={(_event, value: typeof method) => setMethod(value)}
          aria-label="登入方式"
          variant="scrollable"
          allowScrollButtonsMobile
          sx={{ px: { xs: 1.5, sm: 3 }, borderBottom: 1, borderColor: 'divider' }}
        >
          {methods.map((item) => (
            <Tab
              key={item.id}
              value={item.id}
              label={item.label}
              id={`login-tab-${item.id}`}
              aria-controls={`login-panel-${item.id}`}
            />
          ))}
        </Tabs>
        <Box
          role="tabpanel"
          id={`login-panel-${method}`}
          aria-labelledby={`login-tab-${method}`}
          sx={{ px: { xs: 2.5, sm: 4 }, py: 3 }}
        >
          {method === 'general' && <GeneralLoginForm />}
        </Box>
        <Stack
          direction="row"
          spacing={3}
          sx={{ justifyContent: 'center', px: 2, py: 2, borderTop: 1, borderColor: 'divider', bgcolor: 'action.hover' }}
        >
          <RouterLink to={ROUTES.forgotPassword.path}>忘記密碼</RouterLink>
          <RouterLink to={ROUTES.activateAccount.path}>開通帳號</RouterLink>
        </Stack>
      </Paper>
      <Typography sx={{ textAlign: 'center', mt: 3 }}>
        <RouterLink to={ROUTES.landing.path}>進入臺南市政府公務入口網</RouterLink>
      </Typography>
    </Box>
  );
}
