import CloseIcon from '@mui/icons-material/Close';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../lib/api';
import { useResource } from '../lib/data';
import { formatDateTime } from '../lib/datetime';
import { useSingleFlight } from '../lib/useSingleFlight';
import type { AccountView } from './api';
import { BlockCard, BlockNotice, Facts, type BlockNoticeValue } from './BlockCard';
import { selfServiceApi } from './selfServiceApi';

/** 帳號權限 (manual §3.5.5): the role, 權限異動申請 (reason → 送出) and the latest request's timeline. */
export function AdminRoleBlock({ account }: { account: AccountView & { roleLabels: string[] } }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [notice, setNotice] = useState<BlockNoticeValue | null>(null);
  const { run, pending } = useSingleFlight();
  const { data, reload } = useResource(selfServiceApi.adminRoleRequests, [], {
    onError: (error) => setNotice({ severity: 'error', text: errorMessage(error) }),
  });

  const submit = () =>
    run(async () => {
      if (!reason.trim()) {
        setReasonError('請輸入申請原因');
        return;
      }
      try {
        await selfServiceApi.requestAdminRole(reason);
        setOpen(false);
        setReason('');
        setNotice({ severity: 'success', text: '權限異動申請已送出，待機關管理者審核，審核結果將以電子郵件通知您。' });
        reload();
      } catch (error) {
        if (error instanceof ApiError && error.fields.reason) setReasonError(error.fields.reason);
        else {
          setOpen(false);
          setNotice({ severity: 'error', text: errorMessage(error) });
          reload();
        }
      }
    });

  const latest = data?.items[0];
  // The workflow writes the timeline a moment after 送出: look again until its first event is there.
  const waiting = latest !== undefined && latest.events.length === 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(reload, 1000);
    return () => clearTimeout(timer);
  }, [waiting, data, reload]);
  const allowed = account.allowedActions.includes('adminRole.request');
  return (
    <BlockCard
      title="帳號權限"
      actions={
        allowed && (
          <Button variant="outlined" disabled={!data?.canRequest} onClick={() => setOpen(true)}>
            權限異動申請
          </Button>
        )
      }
    >
      <Stack spacing={1.5}>
        <BlockNotice notice={notice} onClose={() => setNotice(null)} />
        <Facts
          rows={[
            ['目前權限', account.roleLabels.join('、')],
            ...(latest
              ? ([
                  ['最近一次申請', `${formatDateTime(latest.submittedAt)}（${latest.statusLabel}）`],
                  ['申請原因', latest.reason],
                ] as const)
              : []),
          ]}
        />
        {allowed && data && !data.canRequest && latest && ['PENDING', 'GRANTING'].includes(latest.status) && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            您已有一件審核中的權限異動申請，審核完成前無法再次申請。
          </Typography>
        )}
        {latest && (
          <List dense aria-label="申請進度" sx={{ py: 0 }}>
            {latest.events.map((e) => (
              <ListItem key={e.seq} disableGutters>
                <ListItemText
                  primary={`${formatDateTime(e.at)} ${e.label}${e.actorName ? `（${e.actorName}）` : ''}`}
                  secondary={e.comment ?? undefined}
                />
              </ListItem>
            ))}
          </List>
        )}
      </Stack>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="admin-role-title">
        <DialogTitle id="admin-role-title" sx={{ pr: 6 }}>
          權限異動申請
          <IconButton aria-label="關閉" onClick={() => setOpen(false)} sx={{ position: 'absolute', right: 8, top: 8 }}>
            <CloseIcon />
          </IconButton>
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            申請由一般使用者異動為本機關的機關管理者，送出後由本機關的機關管理者審核，核准後於下次登入生效。
          </Typography>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            name="reason"
            label="申請原因／備註"
            value={reason}
            error={Boolean(reasonError)}
            helperText={reasonError}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError(null);
            }}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button variant="contained" loading={pending} onClick={() => void submit()}>
            送出
          </Button>
        </DialogActions>
      </Dialog>
    </BlockCard>
  );
}
