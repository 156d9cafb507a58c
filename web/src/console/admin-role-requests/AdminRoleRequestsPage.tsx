import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { decisionCommentProblem } from '../../../../domain/requests/decision';
import { ApiError } from '../../lib/api';
import { useMutation, useResource } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { RequestInboxPage, type RequestInboxConfig } from '../request-inbox/RequestInboxPage';
import { adminRoleApi, adminRoleInboxApi, type AdminRoleItem } from './api';

const base = () => ROUTES.consoleAdminRoleRequests.path;

const config: RequestInboxConfig<AdminRoleItem> = {
  title: ROUTES.consoleAdminRoleRequests.title,
  api: adminRoleInboxApi,
  accountHeader: '帳號',
  columns: [
    {
      field: 'organizationPath',
      headerName: '機關單位',
      minWidth: 180,
      flex: 1.4,
      valueGetter: (_value, row) => row.organizationPath || row.agency?.name,
    },
    {
      field: 'reason',
      headerName: '申請原因',
      minWidth: 200,
      flex: 1.6,
      renderCell: ({ row }) => <Box sx={{ whiteSpace: 'pre-wrap' }}>{row.reason}</Box>,
    },
  ],
  autoRowHeight: true,
  gridLabel: '機關管理者申請',
  empty: { pending: '目前沒有待審核的申請。', other: '目前沒有申請。' },
  // The detail is a dialog over this list: the address keeps the list's query so the list stays as it was.
  detailPath: (id, listSearch) => `${base()}/${encodeURIComponent(id)}${listSearch}`,
  batch: {
    noun: '機關管理者申請',
    label: (row) => `${row.name}（${row.account}）`,
    note: { APPROVE: ' 核准後於申請人下次登入時生效。' },
  },
  note: '點選申請列可檢視申請明細、處理歷程及審核。',
};

/** 管理主控台 › 帳號管理 › 機關管理者申請審核: 權限異動申請 of the admin's agency (all, for system admins). */
export default function AdminRoleRequestsPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  // The decision made in the dialog, said on the list it returns to (list and dialog are two routes).
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const backToList = (state?: { notice: string }) => void navigate(`${base()}${location.search}`, { state });

  return (
    <RequestInboxPage
      config={config}
      notice={notice && dismissed !== location.key ? { text: notice, onClose: () => setDismissed(location.key) } : null}
    >
      {id && <DetailDialog id={id} onClose={() => backToList()} onDecided={(text) => backToList({ notice: text })} />}
    </RequestInboxPage>
  );
}

function DetailDialog({ id, onClose, onDecided }: { id: string; onClose: () => void; onDecided: (text: string) => void }) {
  const loaded = useResource((signal) => adminRoleApi.detail(id, signal), [id]);
  const detail = loaded.data;
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const decision = useMutation((value: 'APPROVE' | 'REJECT') => adminRoleApi.decide(id, value, comment), {
    onSuccess: (_answer, value) =>
      onDecided(
        value === 'APPROVE'
          ? `已核准 ${detail?.name ?? ''} 的機關管理者申請（下次登入生效）`
          : `已駁回 ${detail?.name ?? ''} 的機關管理者申請`,
      ),
    onError: (e) => {
      if (!(e instanceof ApiError && e.fields.comment)) return undefined;
      setCommentError(e.fields.comment);
      return null;
    },
  });
  const { pending } = decision;
  const error = decision.error ?? loaded.error;

  const decide = (value: 'APPROVE' | 'REJECT') => {
    const problem = decisionCommentProblem(value, comment);
    if (problem) return setCommentError(problem);
    void decision.run(value);
  };

  const canDecide = detail?.allowedActions.includes('decide') ?? false;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="admin-role-detail-title">
      <DialogTitle id="admin-role-detail-title">機關管理者申請明細</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {detail && (
          <Stack spacing={1.5}>
            <Typography>
              {detail.name}（{detail.account}）— {detail.organizationPath}
            </Typography>
            <Typography variant="body2">申請時間：{formatDateTime(detail.submittedAt)}</Typography>
            <Typography variant="body2">狀態：{detail.statusLabel}</Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              申請原因：{detail.reason}
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
            <Link href={detail.temporalUrl} target="_blank" rel="noopener" variant="body2">
              於 Temporal UI 檢視流程
            </Link>
            {canDecide && (
              <TextField
                name="comment"
                label="審核意見"
                multiline
                minRows={2}
                value={comment}
                error={Boolean(commentError)}
                helperText={commentError ?? '駁回時必填'}
                onChange={(event) => {
                  setComment(event.target.value);
                  setCommentError(null);
                }}
              />
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>關閉</Button>
        {canDecide && (
          <>
            <Button color="error" disabled={pending} onClick={() => decide('REJECT')}>
              駁回
            </Button>
            <Button variant="contained" loading={pending} onClick={() => decide('APPROVE')}>
              核准
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
