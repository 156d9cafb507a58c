import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MuiLink from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { formatDateTime } from '../../lib/datetime';
import { usePolledResource } from '../../lib/usePolledResource';

export interface DisableRequest {
  workflowId: string;
  type: 'ACCOUNT_DISABLE' | 'IDLE_DISABLE' | 'ACCOUNT_ENABLE';
  /** ACCOUNT_ENABLE: 啟用 (ENABLE) or 重設為待開通 (RESET_ACTIVATION). */
  kind: string | null;
  account: string;
  name: string;
  status: string;
  statusLabel: string;
  reason: string | null;
  createdAt: string;
  events: { seq: number; kind: string; label: string; actorName: string | null; comment: string | null; at: string }[];
  temporalUrl: string;
}

/** Statuses still moving by themselves (the dialog keeps refreshing); 待使用者開通帳號 waits for the user. */
const OPEN = new Set(['CHECKING', 'DISABLING_AD', 'ENABLING_AD', 'RESETTING_AD', 'ACTIVATING_AD']);
const DONE = new Set(['DISABLED', 'ENABLED', 'AWAITING_ACTIVATION', 'ACTIVATED']);

function titleOf(request: DisableRequest | null) {
  if (request?.type === 'IDLE_DISABLE') return '閒置停用作業';
  if (request?.type === 'ACCOUNT_ENABLE') return request.kind === 'ENABLE' ? '啟用作業' : '重設為待開通作業';
  return request ? '停用作業' : '帳號作業';
}

/** A 停用 / 啟用 / 重設 request's result: status, timeline (refreshed while it runs) and its Temporal UI link. */
export function DisableRequestDialog({
  workflowId,
  onClose,
  onSettled,
}: {
  workflowId: string;
  onClose: () => void;
  /** The request has finished (已停用 or 未通過停用前檢查): the list behind may refresh. */
  onSettled?: () => void;
}) {
  const titleId = useId();
  const { value: request, error } = usePolledResource<DisableRequest>(
    `/api/console/accounts/requests/${encodeURIComponent(workflowId)}`,
    {
      keepPolling: (value) => OPEN.has(value.status),
      onSettled,
      // Just started: the request may not be recorded yet.
      retryOnError: () => true,
      intervalMs: 1000,
    },
  );

  const running = !request || OPEN.has(request.status);
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{titleOf(request)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {running && <LinearProgress aria-label="處理中" />}
          {error && !request && <Alert severity="info">{error}</Alert>}
          {request && (
            <>
              <Alert
                severity={DONE.has(request.status) ? 'success' : request.status === 'BLOCKED' ? 'warning' : 'info'}
                role="status"
              >
                {request.name}（{request.account}）：{request.statusLabel}
              </Alert>
              {request.reason && (
                <Typography variant="body2">
                  {request.type === 'ACCOUNT_ENABLE' ? '原因' : '停用原因'}：{request.reason}
                </Typography>
              )}
              <List dense aria-label="處理歷程">
                {request.events.map((e) => (
                  <ListItem key={e.seq} disableGutters>
                    <ListItemText
                      primary={e.label}
                      secondary={[formatDateTime(e.at), e.actorName, e.comment].filter(Boolean).join('　')}
                      slotProps={{ secondary: { sx: { whiteSpace: 'pre-line' } } }}
                    />
                  </ListItem>
                ))}
              </List>
              <MuiLink href={request.temporalUrl} target="_blank" rel="noreferrer">
                在 Temporal UI 查看流程
              </MuiLink>
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>關閉</Button>
      </DialogActions>
    </Dialog>
  );
}
