import ArrowBack from '@mui/icons-material/ArrowBack';
import CheckOutlined from '@mui/icons-material/CheckOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { describeStatus } from '../../apply/status/statusText';
import { StatusTimeline } from '../../apply/status/StatusTimeline';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { ApiError, errorMessage } from '../../lib/api';
import type { Decision, ReviewDetail } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { ROUTES } from '../../routes/paths';
import { TemporalLink } from '../ad-sync/TemporalLink';
import { DecisionDialog, type DecisionInput } from './DecisionDialog';
import { DECISION_LABELS } from './reviewQuery';
import { ESCALATED_HINT, ReviewStatusChip } from './ReviewStatusChip';
import { decide, useReviewDetail } from './useReviewApplications';
import { RetryAlert } from '../../common/RetryAlert';

type Notice = { severity: 'success' | 'error' | 'warning'; text: string };

/** 帳號申請明細: every field, the timeline, the Temporal workflow, and 核准 / 駁回. */
export default function ReviewDetailPage() {
  const { id } = useParams();
  const location = useLocation();
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch ?? '';
  // Decided here or by someone else meanwhile: the page follows the application until it settles.
  const [decided, setDecided] = useState(false);
  const { detail, error, loading, reload } = useReviewDetail(id, decided);
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { run, pending } = useSingleFlight();

  const submit = (decision: Decision, input: DecisionInput) =>
    void run(async () => {
      if (!id) return;
      setDialogError(null);
      try {
        await decide(id, {
          decision,
          ...(input.comment ? { comment: input.comment } : {}),
          ...(input.grantOfficialMail === undefined ? {} : { grantOfficialMail: input.grantOfficialMail }),
        });
        setDialog(null);
        setDecided(true);
        setNotice({ severity: 'success', text: `已${DECISION_LABELS[decision]}此申請。` });
      } catch (cause) {
        if (cause instanceof ApiError && cause.code === 'VALIDATION_FAILED') {
          setDialogError(cause.fields.comment ?? cause.message);
          return;
        }
        // Decided meanwhile (APPLICATION_DECIDED), account taken (ACCOUNT_TAKEN), no right (FORBIDDEN)…:
        // the page says why and shows the application as it is now.
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
    <Button
      component={Link}
      to={`${ROUTES.consoleAccountApplications.path}${listSearch}`}
      startIcon={<ArrowBack />}
      variant="text"
    >
      回{ROUTES.consoleAccountApplications.title}
    </Button>
  );

  if (!detail) {
    return (
      <>
        <PageHeading title={ROUTES.consoleAccountApplication.title} actions={back} />
        {error ? <RetryAlert onRetry={reload}>{error}</RetryAlert> : <LoadingScreen label="讀取申請資料中…" />}
      </>
    );
  }

  const canDecide = detail.allowedActions.includes('decide');
  return (
    <>
      <PageHeading title={ROUTES.consoleAccountApplication.title} actions={back} />
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
              <ReviewStatusChip status={detail.status} statusLabel={detail.statusLabel} escalated={detail.escalated} />
              <TemporalLink href={detail.temporalUrl} />
            </Box>
          </div>
          {canDecide && (
            <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
              <Button
                variant="contained"
                startIcon={<CheckOutlined />}
                disabled={pending || loading}
                onClick={() => {
                  setDialogError(null);
                  setDialog('APPROVE');
                }}
              >
                核准
              </Button>
              <Button
                variant="outlined"
                color="error"
                startIcon={<CloseOutlined />}
                disabled={pending || loading}
                onClick={() => {
                  setDialogError(null);
                  setDialog('REJECT');
                }}
              >
                駁回
              </Button>
            </Stack>
          )}
        </Stack>
        {detail.escalated && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {ESCALATED_HINT}
          </Alert>
        )}
        <ApplicationFields detail={detail} />
      </Paper>

      <Paper component="section" aria-labelledby="timeline-heading" sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography variant="h2" id="timeline-heading" sx={{ mb: 2 }}>
          申請歷程
        </Typography>
        <StatusTimeline events={detail.events} current={describeStatus(detail)} />
      </Paper>

      {dialog && (
        <DecisionDialog
          decision={dialog}
          title={dialog === 'APPROVE' ? '核准帳號申請' : '駁回帳號申請'}
          description={
            dialog === 'APPROVE' ? (
              <>
                核准後系統將建立帳號「<strong>{detail.account}</strong>」，並通知申請人使用「開通帳號」設定密碼。
              </>
            ) : (
              <>駁回後將以備用信箱通知申請人駁回原因，申請人須重新提出申請。</>
            )
          }
          officialMailDefault={dialog === 'APPROVE' ? detail.needOfficialMail : undefined}
          pending={pending}
          error={dialogError}
          onSubmit={(input) => submit(dialog, input)}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

function ApplicationFields({ detail }: { detail: ReviewDetail }) {
  const phone = detail.officeExt ? `${detail.officePhone} 分機 ${detail.officeExt}` : detail.officePhone;
  const mail =
    detail.officialMailGranted === true
      ? '需要公務郵件（已核發）'
      : detail.officialMailGranted === false && detail.needOfficialMail
        ? '需要公務郵件（未核發）'
        : detail.needOfficialMail
          ? '需要公務郵件'
          : '不需要公務郵件';
  const rows: [string, string][] = [
    ['身分證號', detail.nationalId],
    ['登入帳號', detail.account],
    ['是否需要公務郵件', mail],
    ['備用信箱', detail.backupEmail ?? ''],
    ['姓名', detail.name],
    ['機關', detail.agency?.name ?? ''],
    ['機關單位', detail.organization.pathLabel],
    ['職稱', detail.title],
    ['公務電話', phone],
    ['備註', detail.remark ?? ''],
    ['申請時間', formatDateTime(detail.submittedAt)],
  ];
  return (
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
      {rows
        .filter(([label, value]) => value !== '' || label === '備註')
        .map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </Box>
        ))}
    </Box>
  );
}
