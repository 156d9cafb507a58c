import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router';
import type { ApplicationStatusView } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { describeStatus } from './statusText';
import { StatusTimeline } from './StatusTimeline';

/** One application: its state in plain words, what was applied for, the timeline and what to do next. */
export function StatusSummary({ view, headingLevel = 'h2' }: { view: ApplicationStatusView; headingLevel?: 'h2' | 'h3' }) {
  const status = describeStatus(view);
  return (
    <Stack spacing={2.5}>
      <Alert severity={status.tone} role="status">
        <AlertTitle sx={{ fontWeight: 700 }}>目前狀態：{status.label}</AlertTitle>
        {status.explanation}
      </Alert>

      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: 'max-content minmax(0, 1fr)' },
          columnGap: 3,
          rowGap: { xs: 0.25, sm: 1 },
          m: 0,
          '& dt': { color: 'text.secondary', mt: { xs: 1, sm: 0 } },
          '& dd': { m: 0, fontWeight: 600 },
        }}
      >
        <dt>登入帳號</dt>
        <dd>{view.account}</dd>
        <dt>姓名</dt>
        <dd>{view.name}</dd>
        <dt>機關單位</dt>
        <dd>{view.organization.pathLabel}</dd>
        <dt>申請時間</dt>
        <dd>{formatDateTime(view.submittedAt)}</dd>
      </Box>

      <div>
        <Typography variant="h3" component={headingLevel === 'h2' ? 'h2' : 'h3'} sx={{ mb: 1.5 }}>
          申請歷程
        </Typography>
        <StatusTimeline events={view.events} current={status} />
      </div>

      {(view.canAmend || view.status === 'AWAITING_ACTIVATION') && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
          {view.canAmend && (
            <Button variant="outlined" component={Link} to={ROUTES.accountApplicationEdit.path}>
              {ROUTES.accountApplicationEdit.title}
            </Button>
          )}
          {view.status === 'AWAITING_ACTIVATION' && (
            <Button variant="contained" component={Link} to={ROUTES.activateAccount.path}>
              {ROUTES.activateAccount.title}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
