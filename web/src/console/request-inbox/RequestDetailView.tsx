// One request of a console inbox, as its detail page (RequestDetailPage) and its detail dialog both show it:
// what a detail is configured with, the request's heading, fields and timeline, its decision, and the dialog.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import { COMMENT_MAX_LENGTH, decisionCommentProblem } from '../../../../domain/requests/decision';
import { StatusTimeline } from '../../apply/status/StatusTimeline';
import { LoadingScreen } from '../../common/LoadingScreen';
import { RetryAlert } from '../../common/RetryAlert';
import type { StatusDescription } from '../../apply/status/statusText';
import { ApiError, errorMessage, type ApplicationEvent, type Decision, type ReviewDecision } from '../../lib/api';
import { TemporalLink } from '../ad-sync/TemporalLink';
import type { DecisionChoice, DecisionInput } from '../account-applications/DecisionDialog';
import { decisionWord, REVIEW_WORDS, type ReviewWords } from '../account-applications/reviewQuery';
import { usePolledResource } from '../../lib/usePolledResource';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { decideInboxRequest, inboxDetailUrl } from './api';

/** What every inbox detail answer has (api/routes/console/request-inbox.ts); each inbox adds its fields. */
export interface RequestDetail {
  id: string;
  account: string;
  name: string;
  status: string;
  statusLabel: string;
  events: ApplicationEvent[];
  allowedActions: string[];
  temporalUrl: string;
}

/** A label and its value; an empty value shows 「—」. */
export type DetailRow = readonly [label: string, value: ReactNode];

export interface RequestDetailConfig<D extends RequestDetail> {
  /** The page heading or the dialog title (ROUTES.…title). */
  title: string;
  /** The inbox the detail belongs to (the page's 「回…」 returns there, with the list's query). */
  list: { path: string; title: string };
  /** The inbox's API base, e.g. /api/console/account-applications. */
  api: string;
  /** The route parameter naming the request (`id` unless said, e.g. `key` for a 申請單號). */
  param?: string;
  /** The heading (「王小明（wang）」, the applicant, unless said). */
  heading?: (detail: D) => ReactNode;
  /** Sections of the inbox's own between the request and its timeline (e.g. the form as sent). */
  sections?: (detail: D) => ReactNode;
  /** Whether the detail keeps reading: while the request moves by itself, or right after a decision. */
  inTransition: (detail: D, decided: boolean) => boolean;
  /** Beside the heading: the status (and e.g. 逾時未審); 「狀態：{statusLabel}」 unless said. */
  status?: (detail: D) => ReactNode;
  /** Above the fields, e.g. 逾時未審's warning. */
  warning?: (detail: D) => ReactNode;
  /** The request's own fields, under the heading. */
  fields: (detail: D) => readonly DetailRow[];
  /** More buttons beside the decision's (e.g. 取消借用 of an approved booking); `reload` re-reads the request. */
  actions?: (detail: D, reload: () => void) => ReactNode;
  /** How the decisions and their comment are worded (核准 / 駁回, 審核意見 unless said). */
  words?: ReviewWords;
  /** The timeline's heading (申請歷程 unless said) and the current step shown open at its end. */
  timeline?: { title?: string; current?: (detail: D) => StatusDescription };
  decision: {
    /** The request as the decision names it: 「核准{noun}」 is the dialog's title. */
    noun: string;
    /** The decisions offered, in this order: 核准 / 駁回 unless said (退回補正 where the process takes it). */
    decisions?: readonly ReviewDecision[];
    /** What the decision will do, in the 核准 / 駁回 dialog. */
    description?: (decision: ReviewDecision, detail: D) => ReactNode;
    /** A yes/no of the inbox's own asked with the decision (e.g. 是否核發公務郵件), sent as `field`. */
    choice?: (decision: ReviewDecision, detail: D) => (DecisionChoice & { field: string }) | undefined;
    /** The message once decided: 「已核准 {name} 的{noun}」 and the note, unless said. */
    done?: (decision: ReviewDecision, detail: D) => string;
    doneNote?: Partial<Record<ReviewDecision, string>>;
  };
}

export type Notice = { severity: 'success' | 'error' | 'warning'; text: string };

/** What came of a decision: made; its comment refused (said beside the comment); or refused as a whole. */
export type DecisionOutcome =
  | { kind: 'decided'; text: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'refused'; notice: Notice; decidedMeanwhile: boolean };

/**
 * The request at `id` (none yet: null), followed while it moves by itself and, once `markDecided` (here
 * or by someone else meanwhile), until it settles.
 */
export function useInboxRequest<D extends RequestDetail>(config: RequestDetailConfig<D>, id: string | undefined) {
  const [decided, setDecided] = useState(false);
  const { value, error, loading, refresh } = usePolledResource<D>(id ? inboxDetailUrl(config.api, id) : null, {
    keepPolling: (d) => config.inTransition(d, decided),
    intervalMs: 1500,
  });
  return { detail: value, error, loading, reload: refresh, markDecided: () => setDecided(true) };
}

/** 核准 / 駁回 of the request shown, with the comment and the inbox's own yes/no (`choiceField`). */
export async function decideRequest<D extends RequestDetail>(
  config: RequestDetailConfig<D>,
  detail: D,
  decision: ReviewDecision,
  input: DecisionInput,
  choiceField?: string,
): Promise<DecisionOutcome> {
  try {
    await decideInboxRequest(config.api, detail.id, {
      decision,
      ...(input.comment ? { comment: input.comment } : {}),
      ...(choiceField && input.choice !== undefined ? { [choiceField]: input.choice } : {}),
    });
  } catch (cause) {
    if (cause instanceof ApiError && cause.code === 'VALIDATION_FAILED') {
      return { kind: 'invalid', message: cause.fields.comment ?? cause.message };
    }
    // Decided meanwhile (409), account taken, no right (FORBIDDEN)…: said, and the request shown as it is now.
    const conflict = cause instanceof ApiError && cause.status === 409;
    return {
      kind: 'refused',
      notice: { severity: conflict ? 'warning' : 'error', text: errorMessage(cause) },
      decidedMeanwhile: conflict,
    };
  }
  const { done, doneNote, noun } = config.decision;
  return {
    kind: 'decided',
    text:
      done?.(decision, detail) ??
      `已${decisionWord(config.words ?? REVIEW_WORDS, decision)} ${detail.name} 的${noun}${doneNote?.[decision] ?? ''}`,
  };
}

/** 「王小明（wang）」, the status and the Temporal UI link; `actions` at the side (核准 / 駁回 on the page). */
export function RequestHeading<D extends RequestDetail>({
  config,
  detail,
  headingId,
  level,
  actions,
}: {
  config: RequestDetailConfig<D>;
  detail: D;
  headingId: string;
  level: 'h2' | 'h3';
  actions?: ReactNode;
}) {
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={2}
      sx={{ justifyContent: 'space-between', alignItems: { sm: 'flex-start' }, mb: 2.5 }}
    >
      <div>
        <Typography variant={level} id={headingId}>
          {config.heading?.(detail) ?? `${detail.name}（${detail.account}）`}
        </Typography>
        <Box sx={{ mt: 1, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
          {config.status?.(detail) ?? <Typography>狀態：{detail.statusLabel}</Typography>}
          <TemporalLink href={detail.temporalUrl} />
        </Box>
      </div>
      {actions}
    </Stack>
  );
}

/** The warning (if any) and the request's fields, label beside value (under it on phones). */
export function RequestFields<D extends RequestDetail>({ config, detail }: { config: RequestDetailConfig<D>; detail: D }) {
  return (
    <>
      {config.warning?.(detail)}
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: '160px minmax(0, 1fr)' },
          columnGap: 3,
          rowGap: { xs: 0.25, sm: 1.25 },
          m: 0,
          '& dt': { color: 'text.secondary', mt: { xs: 1.25, sm: 0 } },
          '& dd': { m: 0, whiteSpace: 'pre-wrap' },
        }}
      >
        {config.fields(detail).map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value === '' || value == null ? '—' : value}</dd>
          </Box>
        ))}
      </Box>
    </>
  );
}

/** The timeline under its heading (申請歷程 unless the inbox says 處理歷程). */
export function RequestTimeline<D extends RequestDetail>({
  config,
  detail,
  headingId,
  level,
}: {
  config: RequestDetailConfig<D>;
  detail: D;
  headingId: string;
  level: 'h2' | 'h3';
}) {
  const title = config.timeline?.title ?? '申請歷程';
  return (
    <>
      <Typography variant={level} id={headingId} sx={{ mb: 2 }}>
        {title}
      </Typography>
      <StatusTimeline events={detail.events} current={config.timeline?.current?.(detail)} label={title} />
    </>
  );
}

interface RequestDetailDialogProps<D extends RequestDetail> {
  config: RequestDetailConfig<D>;
  id: string;
  onClose: () => void;
  /** Decided here: the list behind says `text`. */
  onDecided: (text: string) => void;
}

/**
 * The detail of a console inbox as a dialog over its list: what the detail page shows, with 審核意見
 * and 駁回 / 核准 in the dialog itself (no dialog over the dialog; the inbox's yes/no is not asked here).
 */
export function RequestDetailDialog<D extends RequestDetail>({ config, id, onClose, onDecided }: RequestDetailDialogProps<D>) {
  const titleId = useId();
  const headingId = useId();
  const timelineId = useId();
  const { detail, error, loading, reload, markDecided } = useInboxRequest(config, id);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { run, pending } = useSingleFlight();

  const decide = (decision: Decision) =>
    void run(async () => {
      if (!detail) return;
      const problem = decisionCommentProblem(decision, comment);
      if (problem) {
        setCommentError(problem);
        return;
      }
      const outcome = await decideRequest(config, detail, decision, { comment: comment.trim() });
      if (outcome.kind === 'decided') onDecided(outcome.text);
      else if (outcome.kind === 'invalid') setCommentError(outcome.message);
      else {
        if (outcome.decidedMeanwhile) markDecided();
        setNotice(outcome.notice);
        reload();
      }
    });

  const canDecide = detail?.allowedActions.includes('decide') ?? false;
  const words = config.words ?? REVIEW_WORDS;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{config.title}</DialogTitle>
      <DialogContent>
        {notice && (
          <Alert severity={notice.severity} role="alert" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
            {notice.text}
          </Alert>
        )}
        {!detail ? (
          error ? (
            <RetryAlert onRetry={reload}>{error}</RetryAlert>
          ) : (
            <LoadingScreen label="讀取申請資料中…" />
          )
        ) : (
          <>
            {error && (
              <Alert severity="error" role="alert" sx={{ mb: 2 }}>
                {error}
              </Alert>
            )}
            <Box component="section" aria-labelledby={headingId} sx={{ mb: 3 }}>
              <RequestHeading config={config} detail={detail} headingId={headingId} level="h3" />
              <RequestFields config={config} detail={detail} />
            </Box>
            <Box component="section" aria-labelledby={timelineId}>
              <RequestTimeline config={config} detail={detail} headingId={timelineId} level="h3" />
            </Box>
            {canDecide && (
              <TextField
                name="comment"
                label={words.comment}
                multiline
                minRows={2}
                fullWidth
                sx={{ mt: 3 }}
                value={comment}
                error={Boolean(commentError)}
                helperText={commentError ?? '駁回時必填'}
                slotProps={{ htmlInput: { maxLength: COMMENT_MAX_LENGTH } }}
                onChange={(event) => {
                  setComment(event.target.value);
                  setCommentError(null);
                }}
              />
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        {detail && config.actions?.(detail, reload)}
        <Button onClick={onClose}>關閉</Button>
        {canDecide && (
          <>
            <Button color="error" disabled={pending || loading} onClick={() => decide('REJECT')}>
              {words.decisions.REJECT}
            </Button>
            <Button variant="contained" loading={pending} disabled={loading} onClick={() => decide('APPROVE')}>
              {words.decisions.APPROVE}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
