import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { SetPasswordForm } from '../auth/password/SetPasswordForm';
import { formatDateTime } from '../lib/datetime';
import type { AccountView } from './api';
import { BlockCard, Facts } from './BlockCard';
import { selfServiceApi } from './selfServiceApi';

/** 密碼修改 (manual §3.5.3): last change (修改人, 上次密碼變更時間, 備註) and the 修改密碼 modal. */
export function PasswordBlock({ account, onChanged }: { account: AccountView; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const allowed = account.allowedActions.includes('password.change');
  return (
    <BlockCard
      title="密碼修改"
      actions={
        allowed && (
          <Button variant="outlined" onClick={() => setOpen(true)}>
            修改密碼
          </Button>
        )
      }
    >
      <Stack spacing={1.5}>
        {done && (
          <Alert severity="success" role="status" onClose={() => setDone(false)}>
            密碼已變更。下次登入請使用新密碼；AD 帳號密碼將同步更新。
          </Alert>
        )}
        <Facts
          rows={[
            ['修改人', account.password.changedBy ?? '—'],
            ['上次密碼變更時間', account.password.changedAt ? formatDateTime(account.password.changedAt) : '—'],
            ['備註', account.password.note ?? '—'],
          ]}
        />
      </Stack>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="password-change-title">
        <DialogTitle id="password-change-title" sx={{ pr: 6 }}>
          修改密碼
          <IconButton aria-label="關閉" onClick={() => setOpen(false)} sx={{ position: 'absolute', right: 8, top: 8 }}>
            <CloseIcon />
          </IconButton>
        </DialogTitle>
        <DialogContent>
          {open && (
            <SetPasswordForm
              withOldPassword
              account={account.account}
              submit={async (body) => {
                await selfServiceApi.changePassword(body);
                return { account: account.account };
              }}
              onExpired={() => setOpen(false)}
              onDone={() => {
                setOpen(false);
                setDone(true);
                onChanged();
              }}
            />
          )}
        </DialogContent>
      </Dialog>
    </BlockCard>
  );
}
