import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { backupEmailError } from '../../../domain/email';
import { accountApi, type AccountView } from './api';
import { BlockCard, Facts } from './BlockCard';
import { CodeBindingDialog } from './CodeBindingDialog';

const TEXTS = {
  title: '備用電子郵件驗證',
  targetLabel: '電子郵件',
  targetHint: '不能使用 @mail.tainan.gov.tw 之信箱',
  targetType: 'email',
  sendLabel: '發送驗證信',
  codeLabel: '驗證碼',
  sentNotice: (to: string) => `驗證信已寄送至 ${to}，請前往收信並輸入信中的 6 位數驗證碼。`,
} as const;

/** 備用電子郵件 (manual 參 七): required; 重新綁定 replaces it (there is no plain unbind). */
export function BackupEmailBlock({ account, onChanged }: { account: AccountView; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [bound, setBound] = useState(false);
  const allowed = account.allowedActions.includes('binding.email.manage');
  return (
    <BlockCard
      title="備用電子郵件"
      actions={
        allowed && (
          <Button variant="outlined" onClick={() => setOpen(true)}>
            {account.backupEmail ? '重新綁定' : '進行「備用電子郵件驗證」'}
          </Button>
        )
      }
    >
      <Stack spacing={1.5}>
        {bound && (
          <Alert severity="success" role="status" onClose={() => setBound(false)}>
            綁定成功
          </Alert>
        )}
        <Facts rows={[['備用電子郵件', account.backupEmail ?? '尚未綁定']]} />
      </Stack>
      <CodeBindingDialog
        open={open}
        texts={TEXTS}
        validateTarget={(value) => backupEmailError(value)}
        start={accountApi.emailStart}
        confirm={accountApi.emailConfirm}
        bind={accountApi.emailRebind}
        onClose={() => setOpen(false)}
        onBound={() => {
          setOpen(false);
          setBound(true);
          onChanged();
        }}
      />
    </BlockCard>
  );
}
