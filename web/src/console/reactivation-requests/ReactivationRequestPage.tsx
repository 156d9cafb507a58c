import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useParams } from 'react-router';
import { StatusTimeline } from '../../apply/status/StatusTimeline';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { RouterLink } from '../../common/RouterLink';
import { errorMessage } from '../../lib/api';
import type { ApplicationEvent, Decision } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { usePolledResource } from '../../lib/usePolledResource';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { ROUTES } from '../../routes/paths';
import { DecisionDialog, type DecisionInput } from '../account-applications/DecisionDialog';
import { DECISION_LABELS } from '../account-applications/reviewQuery';
import { REACTIVATION_API, reactivationReviewApi, type ReactivationItem } from './api';

interface Detail extends ReactivationItem {
  workflowId: string;
  events: ApplicationEvent[];
  allowedActions: string[];
  temporalUrl: string;
}

/** 復用申請明細: who, from which unit to which, the timeline, the Temporal UI link, 核准 / 駁回. */
export default function ReactivationRequestPage() {
  const { id = '' } = useParams();
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();

  // While AD is being changed (…中) the page follows the request until it settles; so it does right after
  // a decision, until the read model (written by the workflow a moment later) leaves 待審核.
  const [decided, setDecided] = useState(false);
  const {
    value: detail,
    error,
    refresh,
  } = usePolledResource<Detail>(`${REACTIVATION_API}/${encodeURIComponent(id)}`, {
    keepPolling: (d) => d.status === 'MOVING_AD' || d.status === 'ENABLING_AD' || (decided && d.status === 'PENDING'),
    intervalMs: 1500,
  });

  const decide = (decision: Decision, input: DecisionInput) =>
    void run(async () => {
      setDialogError(null);
      try {
        await reactivationReviewApi.decide(id, decision, input.comment);
        setDialog(null);
        setDecided(true);
        setNotice(
          decision === 'APPROVE'
            ? `已核准 ${detail?.name ?? ''} 的帳號復用申請，申請人開通帳號後即可使用`
            : `已駁回 ${detail?.name ?? ''} 的帳號復用申請`,
        );
        refresh();
      } catch (cause) {
        setDialogError(errorMessage(cause));
      }
    });

  const canDecide = detail?.allowedActions.includes('decide') ?? false;
  return (
    <>
      <PageHeading title={ROUTES.consoleReactivationRequest.title} />
      <Stack spacing={2}>
        <RouterLink to={ROUTES.consoleReactivationRequests.path}>回復用申請審核</RouterLink>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {notice && (
          <Alert severity="success" role="status" onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        {!detail && !error && <LoadingScreen label="載入申請明細中…" />}
        {detail && (
          <Paper component="section" aria-label="申請資料" sx={{ p: { xs: 2, sm: 3 } }}>
            <Stack spacing={1}>
              <Typography variant="h3" component="h2">
                {detail.name}（{detail.account}）
              </Typography>
              <Typography>狀態：{detail.statusLabel}</Typography>
              <Typography variant="body2">申請時間：{formatDateTime(detail.submittedAt)}</Typography>
              <Typography variant="body2">停用前單位：{detail.fromOrganizationPath}</Typography>
              <Typography variant="body2">復用單位：{detail.organizationPath}</Typography>
              <Typography variant="body2">職稱：{detail.title}</Typography>
              <Link href={detail.temporalUrl} target="_blank" rel="noopener" variant="body2">
                於 Temporal UI 檢視流程
              </Link>
            </Stack>
            <Typography variant="h3" component="h2" sx={{ mt: 3, mb: 1 }}>
              處理歷程
            </Typography>
            <StatusTimeline events={detail.events} label="處理歷程" />
            {canDecide && (
              <Stack direction="row" spacing={2} sx={{ mt: 3 }}>
                <Button variant="contained" disabled={pending} onClick={() => setDialog('APPROVE')}>
                  核准
                </Button>
                <Button variant="outlined" color="error" disabled={pending} onClick={() => setDialog('REJECT')}>
                  駁回
                </Button>
              </Stack>
            )}
          </Paper>
        )}
      </Stack>
      {dialog && detail && (
        <DecisionDialog
          decision={dialog}
          title={`${DECISION_LABELS[dialog]}帳號復用申請`}
          description={`${detail.name}（${detail.account}）申請復用帳號於「${detail.organizationPath}」。`}
          pending={pending}
          error={dialogError}
          onSubmit={(input) => decide(dialog, input)}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
