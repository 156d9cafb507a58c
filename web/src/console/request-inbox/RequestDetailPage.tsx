import ArrowBack from '@mui/icons-material/ArrowBack';
import CheckOutlined from '@mui/icons-material/CheckOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import UndoOutlined from '@mui/icons-material/UndoOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { useId, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { RetryAlert } from '../../common/RetryAlert';
import type { ReviewDecision } from '../../lib/api';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { DecisionDialog, type DecisionInput } from '../account-applications/DecisionDialog';
import { DECISION_LABELS } from '../account-applications/reviewQuery';

const DECISION_BUTTONS = {
  APPROVE: { variant: 'contained', color: 'primary', Icon: CheckOutlined },
  REJECT: { variant: 'outlined', color: 'error', Icon: CloseOutlined },
  RETURN: { variant: 'outlined', color: 'warning', Icon: UndoOutlined },
} as const;
import {
  decideRequest,
  RequestFields,
  RequestHeading,
  RequestTimeline,
  useInboxRequest,
  type Notice,
  type RequestDetail,
  type RequestDetailConfig,
} from './RequestDetailView';

export type { RequestDetail, RequestDetailConfig } from './RequestDetailView';

/**
 * The detail page of a console inbox: the request's fields, its timeline, the Temporal workflow and
 * 核准 / 駁回 (each in a dialog); it follows the request while it moves and says what a refused decision means.
 */
export function RequestDetailPage<D extends RequestDetail>({ config }: { config: RequestDetailConfig<D> }) {
  const id = useParams()[config.param ?? 'id'];
  const location = useLocation();
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch ?? '';
  const headingId = useId();
  const timelineId = useId();
  const { detail, error, loading, reload, markDecided } = useInboxRequest(config, id);
  const [dialog, setDialog] = useState<ReviewDecision | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { run, pending } = useSingleFlight();
  const choice = dialog && detail ? config.decision.choice?.(dialog, detail) : undefined;

  const submit = (decision: ReviewDecision, input: DecisionInput) =>
    void run(async () => {
      if (!detail) return;
      setDialogError(null);
      const outcome = await decideRequest(config, detail, decision, input, choice?.field);
      if (outcome.kind === 'invalid') {
        setDialogError(outcome.message);
        return;
      }
      setDialog(null);
      if (outcome.kind === 'decided') {
        markDecided();
        setNotice({ severity: 'success', text: outcome.text });
      } else {
        if (outcome.decidedMeanwhile) markDecided();
        setNotice(outcome.notice);
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
  const open = (decision: ReviewDecision) => {
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

      <Paper component="section" aria-labelledby={headingId} sx={{ p: { xs: 2, sm: 3 }, mb: 3 }}>
        <RequestHeading
          config={config}
          detail={detail}
          headingId={headingId}
          level="h2"
          actions={
            canDecide && (
              <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
                {(config.decision.decisions ?? (['APPROVE', 'REJECT'] as const)).map((decision) => {
                  const { variant, color, Icon } = DECISION_BUTTONS[decision];
                  return (
                    <Button
                      key={decision}
                      variant={variant}
                      color={color}
                      startIcon={<Icon />}
                      disabled={pending || loading}
                      onClick={() => open(decision)}
                    >
                      {DECISION_LABELS[decision]}
                    </Button>
                  );
                })}
              </Stack>
            )
          }
        />
        <RequestFields config={config} detail={detail} />
      </Paper>

      {config.sections?.(detail)}

      <Paper component="section" aria-labelledby={timelineId} sx={{ p: { xs: 2, sm: 3 } }}>
        <RequestTimeline config={config} detail={detail} headingId={timelineId} level="h2" />
      </Paper>

      {dialog && (
        <DecisionDialog
          decision={dialog}
          title={`${DECISION_LABELS[dialog]}${config.decision.noun}`}
          description={config.decision.description?.(dialog, detail)}
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
