import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { ConnectivityRunPanel } from './ConnectivityRunPanel';
import { RecentChecksGrid } from './RecentChecksGrid';
import { useConnectivityCheck, useConnectivityChecks, useStartConnectivityCheck } from './useConnectivityChecks';

/** 連線檢查: the 連線測試 of the database, AD, mail server and SMS platform, and the recent runs. */
export function ConnectivityTab() {
  const { state } = useSession();
  const isSystemAdmin = state.status === 'authenticated' && state.user.roles.includes('SYSTEM_ADMIN');
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const list = useConnectivityChecks(10);
  const run = useConnectivityCheck(runId);
  const starter = useStartConnectivityCheck();
  const { reload } = list;
  const runStatus = run.check?.status;

  // Refresh the list when the shown run starts or finishes.
  useEffect(() => {
    if (runStatus) reload();
  }, [runStatus, reload]);

  // The run being polled is fresher than the list: show its latest state in the list too.
  const live = run.check;
  const items = live ? list.items.map((item) => (item.id === live.id ? live : item)) : list.items;

  const showRun = (id: string) => setParams({ run: id });

  const handleStart = async () => {
    const started = await starter.start();
    if (started) showRun(started.id);
  };

  return (
    <>
      <Paper component="section" aria-labelledby="connectivity-heading" sx={{ p: { xs: 2, sm: 3 }, mb: 3 }}>
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={2}
          sx={{ justifyContent: 'space-between', alignItems: { xs: 'stretch', sm: 'flex-start' }, mb: 2 }}
        >
          <div>
            <Typography variant="h2" id="connectivity-heading">
              連線測試
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
              檢查公務入口網與資料庫、AD 主機、郵件伺服器及簡訊平台之間的連線。每次測試由 Temporal 流程執行並留存紀錄。
            </Typography>
          </div>
          {isSystemAdmin && (
            <Button
              variant="contained"
              startIcon={<PlayArrowOutlined />}
              onClick={() => void handleStart()}
              disabled={starter.pending || runStatus === 'RUNNING'}
              loading={starter.pending}
              sx={{ flexShrink: 0 }}
            >
              執行連線測試
            </Button>
          )}
        </Stack>
        {starter.error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {starter.error}
          </Alert>
        )}
        {runId ? (
          <ConnectivityRunPanel check={run.check} error={run.error} onRetry={run.retry} />
        ) : (
          <Typography sx={{ color: 'text.secondary' }}>請按「執行連線測試」，或由下方最近的連線測試選擇「檢視結果」。</Typography>
        )}
      </Paper>

      <Paper component="section" aria-labelledby="recent-heading" sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography variant="h2" id="recent-heading" sx={{ mb: 2 }}>
          最近的連線測試
        </Typography>
        {list.error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {list.error}
          </Alert>
        )}
        <RecentChecksGrid items={items} loading={list.loading} selectedId={runId} onSelect={showRun} />
      </Paper>
    </>
  );
}
