import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Facts } from '../../account/BlockCard';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { errorMessage, type Decision } from '../../lib/api';
import { useResource } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { ROUTES } from '../../routes/paths';
import { DecisionDialog } from '../account-applications/DecisionDialog';
import { agencyChangeReviewApi, DECISION_LABELS } from './api';

/** 機關異動審核 › 明細: 原單位 → 調入單位, the timeline, the Temporal UI link, and 核准 / 駁回. */
export default function AgencyChangeRequestPage() {
  const { id = '' } = useParams();
  const { data: detail, error, reload } = useResource((signal) => agencyChangeReviewApi.get(id, signal), [id]);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();

  // The workflow moves on after the decision (AD 移轉中 …): look again until it settles.
  const settling = detail !== null && ['CHECKING', 'MOVING', 'RESTORING'].includes(detail.status);
  useEffect(() => {
    if (!settling) return;
    const timer = setTimeout(() => void reload(), 1500);
    return () => clearTimeout(timer);
  }, [settling, detail, reload]);

  const decide = (decision: Decision, comment: string) =>
    run(async () => {
      try {
        await agencyChangeReviewApi.decide(id, decision, comment);
        setDialog(null);
        setNotice(
          decision === 'APPROVE'
            ? `已核准 ${detail?.name ?? ''} 的機關(單位)異動申請`
            : `已駁回 ${detail?.name ?? ''} 的機關(單位)異動申請`,
        );
        reload();
      } catch (e) {
        setDialogError(errorMessage(e));
      }
    });

  const canDecide = detail?.allowedActions.includes('decide') ?? false;
  return (
    <>
      <PageHeading
        title={ROUTES.consoleAgencyChangeRequest.title}
        actions={
          <Button component={RouterLink} to={ROUTES.consoleAgencyChangeRequests.path}>
            回機關異動審核
          </Button>
        }
      />
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      {notice && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {!detail ? (
        !error && <LoadingScreen />
      ) : (
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
          <Stack spacing={2}>
            <Facts
              rows={[
                ['申請人', `${detail.name}（${detail.account}）`],
                ['申請時間', formatDateTime(detail.submittedAt)],
                ['原機關/單位', detail.fromOrganizationPath],
                ['調入機關/單位', detail.toOrganizationPath],
                ['說明', detail.reason || '—'],
                ['狀態', detail.statusLabel],
              ]}
            />
            <div>
              <Typography variant="h2" sx={{ mb: 1 }}>
                處理歷程
              </Typography>
              <List dense aria-label="處理歷程" sx={{ py: 0 }}>
                {detail.events.map((e) => (
                  <ListItem key={e.seq} disableGutters>
                    <ListItemText
                      primary={`${formatDateTime(e.at)} ${e.label}${e.actorName ? `（${e.actorName}）` : ''}`}
                      secondary={e.comment ?? undefined}
                    />
                  </ListItem>
                ))}
              </List>
            </div>
            <Link href={detail.temporalUrl} target="_blank" rel="noopener" variant="body2">
              於 Temporal UI 檢視流程
            </Link>
            {canDecide && (
              <Stack direction="row" spacing={1}>
                <Button variant="contained" onClick={() => (setDialogError(null), setDialog('APPROVE'))}>
                  核准
                </Button>
                <Button variant="outlined" color="error" onClick={() => (setDialogError(null), setDialog('REJECT'))}>
                  駁回
                </Button>
              </Stack>
            )}
          </Stack>
        </Paper>
      )}
      {dialog && detail && (
        <DecisionDialog
          decision={dialog}
          title={`${DECISION_LABELS[dialog]}機關(單位)異動申請`}
          description={
            dialog === 'APPROVE'
              ? `核准後，${detail.name}（${detail.account}）將異動至「${detail.toOrganizationPath}」並恢復啟用。`
              : `駁回後，${detail.name}（${detail.account}）維持原單位「${detail.fromOrganizationPath}」並恢復啟用。`
          }
          pending={pending}
          error={dialogError}
          onSubmit={({ comment }) => void decide(dialog, comment)}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
