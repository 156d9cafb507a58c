import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../common/PageHeading';
import { ROUTES } from '../../routes/paths';
import { AppDashboard } from './AppDashboard';

/** 內容主頁: a welcome with the user's name and agency, and 應用程式儀表板 (訊息介接 and 公告 come later). */
export default function HomePage() {
  const { state } = useSession();
  if (state.status !== 'authenticated') return null;
  const { user } = state;

  return (
    <>
      <PageHeading title={ROUTES.home.title} />
      <Paper component="section" aria-labelledby="welcome-heading" sx={{ p: { xs: 2.5, sm: 4 } }}>
        <Typography variant="h2" id="welcome-heading">
          {user.name}，歡迎使用臺南市政府公務入口網
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 1, mt: 2.5, mb: 0 }}>
          <Term>機關單位</Term>
          <Detail>{user.organization.pathLabel || user.organization.name}</Detail>
          {user.title && (
            <>
              <Term>職稱</Term>
              <Detail>{user.title}</Detail>
            </>
          )}
          <Term>登入帳號</Term>
          <Detail>{user.account}</Detail>
        </Box>
      </Paper>
      <AppDashboard />
      <Alert severity="info" sx={{ mt: 3 }}>
        首頁的訊息介接及各項公告尚未開放，請由選單使用各項功能。
      </Alert>
    </>
  );
}

function Term({ children }: { children: ReactNode }) {
  return (
    <Typography component="dt" sx={{ color: 'text.secondary' }}>
      {children}
    </Typography>
  );
}

function Detail({ children }: { children: ReactNode }) {
  return (
    <Typography component="dd" sx={{ m: 0, fontWeight: 500 }}>
      {children}
    </Typography>
  );
}
