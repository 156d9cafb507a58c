import ArrowBack from '@mui/icons-material/ArrowBack';
import CheckOutlined from '@mui/icons-material/CheckOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { RetryAlert } from '../../common/RetryAlert';
import { ApiError, errorMessage } from '../../lib/api';
import type { Decision } from '../../lib/api';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { TemporalLink } from '../ad-sync/TemporalLink';
import { DecisionDialog, type DecisionChoice, type DecisionInput } from '../account-applications/DecisionDialog';
import { DECISION_LABELS } from '../account-applications/reviewQuery';
import { decideInboxRequest, inboxDetailUrl } from './api';
import { usePolledResource } from '../../lib/usePolledResource';

/** What every inbox detail answer has (api/routes/console/request-inbox.ts); each inbox adds its fields. */
export interface RequestDetail {
  id: string;
  account: string;
  name: string;
  status: string;
  statusLabel: string;
  allowedActions: string[];
  temporalUrl: string;
}

export interface RequestDetailConfig<D extends RequestDetail> {
  /** The page heading (ROUTES.…title). */
  title: string;
  /** The inbox the page returns to (with the list's query it was opened from). */
  list: { path: string; title: string };
  /** The inbox's API base, e.g. /api/console/account-applications. */
  api: string;
  /** Whether the page keeps reading: while the request moves by itself, or right after a decision. */
  inTransition: (detail: D, decided: boolean) => boolean;
  /** Beside the heading: the status (and e.g. 逾時未審). */
  status: (detail: D) => ReactNode;
  /** The request's own fields, under the heading (a warning first, if any). */
  fields: (detail: D) => ReactNode;
  warning?: (detail: D) => ReactNode;
  /** Its timeline, in a section of its own. */
  timeline: (detail: D) => ReactNode;
  /** 核准 / 駁回 dialog: the title, what the decision will do, and a yes/no of the inbox's own (e.g. 是否核發公務郵件). */
  dialog: {
    title: (decision: Decision) => string;
    description: (decision: Decision, detail: D) => ReactNode;
    choice?: (decision: Decision, detail: D) => (DecisionChoice & { field: string }) | undefined;
  };
}

type Notice = { severity: 'success' | 'error' | 'warning'; text: string };

/**
 * The detail page of a console inbox: the request's fields, its timeline, the Temporal workflow and
 * 核准 / 駁回; it follows the request while it moves and says what a refused decision means.
 */
export function RequestDetailPage<D extends RequestDetail>({ config }: { config: RequestDetailConfig<D> }) {
  const { id } = useParams();
  const location = useLocation();
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch ?? '';
  // Decided here or by someone else meanwhile: the page follows the request until it settles.
  const [decided, setDecided] = useState(false);
  const {
    value: detail,
    error,
    loading,
    refresh: reload,
  } = usePolledResource<D>(id ? inboxDetailUrl(config.api, id) : null, {
    keepPolling: (d) => config.inTransition(d, decided),
    intervalMs: 1500,
  });
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { run, pending } = useSingleFlight();
  const choice = dialog && detail ? config.dialog.choice?.(dialog, detail) : undefined;

  const submit = (decision: Decision, input: DecisionInput) =>
    void run(async () => {
      if (!id) return;
      setDialogError(null);
      try {
        await decideInboxRequest(config.api, id, {
          decision,
          ...(input.comment ? { comment: input.comment } : {}),
          ...(choice && input.choice !== undefined ? { [choice.field]: input.choice } : {}),
        });
        setDialog(null);
        setDecided(true);
        setNotice({ severity: 'success', text: `已${DECISION_LABELS[decision]}此申請。` });
      } catch (cause) {
        if (cause instanceof ApiError && cause.code === 'VALIDATION_FAILED') {
          setDialogError(cause.fields.comment ?? cause.message);
          return;
        }
        // Decided meanwhile, account taken, no right (FORBIDDEN)…: the page says why and shows the
        // request as it is now.
        setDialog(null);
        if (cause instanceof ApiError && cause.status === 409) setDecided(true);
        setNotice({
          severity: cause instanceof ApiError && cause.status === 409 ? 'warning' : 'error',
          text: errorMessage(cause),
        });
      }
      reload();
    });

  const back = (
    <Button component={Link} to={`${config.list.path}${listSearch}`} startIcon={<ArrowBack />} variant="text">
      回{config.list.title}
    </Button>
  );

  if (!detail) {
    return (
      <>
        <PageHeading title={config.title} actions={back} />
        {error ? <RetryAlert onRetry={reload}>{error}</RetryAlert> : <LoadingScreen label="讀取申請資料中…" />}
      </>
    );
  }

  const canDecide = detail.allowedActions.includes('decide');
  const open = (decision: Decision) => {
    setDialogError(null);
    setDialog(decision);
  };
  return (
    <>
      <PageHeading title={config.title} actions={back} />
      {notice && (
        <Alert
          severity={notice.severity}
          onClose={() => setNotice(null)}
          sx={{ mb: 2 }}
          role={notice.severity === 'success' ? 'status' : 'alert'}
        >
          {notice.text}
        </Alert>
      )}
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}

      <Paper component="section" aria-labelledby="application-heading" sx={{ p: { xs: 2, sm: 3 }, mb: 3 }}>
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={2}
          sx={{ justifyContent: 'space-between', alignItems: { sm: 'flex-start' }, mb: 2.5 }}
        >
          <div>
            <Typography variant="h2" id="application-heading">
              {detail.name}（{detail.account}）
            </Typography>
            <Box sx={{ mt: 1, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
              {config.status(detail)}
              <TemporalLink href={detail.temporalUrl} />
            </Box>
          </div>
          {canDecide && (
            <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
              <Button
                variant="contained"
                startIcon={<CheckOutlined />}
                disabled={pending || loading}
                onClick={() => open('APPROVE')}
              >
                核准
              </Button>
              <Button
                variant="outlined"
                color="error"
                startIcon={<CloseOutlined />}
                disabled={pending || loading}
                onClick={() => open('REJECT')}
              >
                駁回
              </Button>
            </Stack>
          )}
        </Stack>
        {config.warning?.(detail)}
        {config.fields(detail)}
      </Paper>

      <Paper component="section" aria-labelledby="timeline-heading" sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography variant="h2" id="timeline-heading" sx={{ mb: 2 }}>
          申請歷程
        </Typography>
        {config.timeline(detail)}
      </Paper>

      {dialog && (
        <DecisionDialog
          decision={dialog}
          title={config.dialog.title(dialog)}
          description={config.dialog.description(dialog, detail)}
          choice={choice}
          pending={pending}
          error={dialogError}
          onSubmit={(input) => submit(dialog, input)}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
