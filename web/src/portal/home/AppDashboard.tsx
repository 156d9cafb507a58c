import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { RetryAlert } from '../../common/RetryAlert';
import { visuallyHidden } from '../../common/visuallyHidden';
import { AppAvatar, appLabel, useRedirectApps } from '../redirect-apps/redirectApps';

/** 應用程式儀表板: one tile per system the user's agency may 轉登 to; a tile opens the system in a new window. */
export function AppDashboard() {
  const apps = useRedirectApps();
  const items = apps.data?.items ?? [];
  return (
    <Paper component="section" aria-labelledby="app-dashboard-heading" sx={{ p: { xs: 2.5, sm: 4 }, mt: 3 }}>
      <Typography variant="h2" id="app-dashboard-heading">
        應用程式儀表板
      </Typography>
      {apps.error ? (
        <RetryAlert onRetry={() => void apps.reload()} sx={{ mt: 2 }}>
          {apps.error}
        </RetryAlert>
      ) : apps.data && items.length === 0 ? (
        <Typography sx={{ mt: 2, color: 'text.secondary' }}>貴機關目前沒有可轉登的應用系統。</Typography>
      ) : (
        <Box
          component="ul"
          aria-busy={apps.loading}
          sx={{
            listStyle: 'none',
            p: 0,
            m: 0,
            mt: 2,
            display: 'grid',
            gap: 2,
            gridTemplateColumns: 'repeat(auto-fill, minmax(8.5rem, 1fr))',
          }}
        >
          {items.map((app) => (
            <li key={app.id}>
              <ButtonBase
                component="a"
                href={app.launchUrl}
                target="_blank"
                rel="noopener"
                title={app.name}
                sx={{
                  width: '100%',
                  flexDirection: 'column',
                  gap: 1,
                  p: 2,
                  borderRadius: 2,
                  border: 1,
                  borderColor: 'divider',
                  '&:hover': { bgcolor: 'action.hover' },
                }}
              >
                <AppAvatar app={app} />
                <Typography sx={{ fontWeight: 600, textAlign: 'center' }}>{appLabel(app)}</Typography>
                <Box component="span" sx={visuallyHidden}>
                  （轉登，另開新視窗）
                </Box>
              </ButtonBase>
            </li>
          ))}
        </Box>
      )}
    </Paper>
  );
}
