import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MuiLink from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { useId } from 'react';
import { StatusTimeline } from '../../apply/status/StatusTimeline';
import { usePolledResource } from '../../lib/usePolledResource';
import type { OrgChangeRequest } from './types';

/** A tree change's progress: 套用至 AD 中 → 已完成, its timeline (refreshed while it runs) and the Temporal UI link. */
export function ChangeRequestDialog({
  workflowId,
  onClose,
  onSettled,
}: {
  workflowId: string;
  onClose: () => void;
  onSettled?: () => void;
}) {
  const titleId = useId();
  const { value: request, error } = usePolledResource<OrgChangeRequest>(
    `/api/console/organizations/requests/${encodeURIComponent(workflowId)}`,
    {
      // 待套用 (saved while the workflow service was down) turns into 套用至 AD 中 by itself: keep watching.
      keepPolling: (r) => r.status === 'APPLYING_AD' || r.status === 'NOT_STARTED',
      onSettled,
      // A request just started may not be recorded yet: keep asking.
      retryOnError: () => true,
    },
  );

  const running = !request || request.status === 'APPLYING_AD';
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>組織異動作業</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {running && <LinearProgress aria-label="套用至 AD 中" />}
          {error && !request && <Alert severity="info">{error}</Alert>}
          {request && (
            <>
              <Alert severity={request.status === 'DONE' ? 'success' : running ? 'info' : 'warning'} role="status">
                {request.description ? `${request.description}：` : ''}
                {request.statusLabel}
              </Alert>
              <StatusTimeline events={request.events} label="處理歷程" />
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
