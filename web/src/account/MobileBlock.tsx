import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { maskMobile, mobileError } from '../../../domain/phone';
import { ConfirmDialog } from '../apply/ConfirmDialog';
import { errorMessage } from '../lib/api';
import { formatDateTime } from '../lib/datetime';
import { useSingleFlight } from '../lib/useSingleFlight';
import { accountApi, type AccountView } from './api';
import { BlockCard, BlockNotice, Facts } from './BlockCard';
import { CodeBindingDialog } from './CodeBindingDialog';

const TEXTS = {
  title: '個人手機號碼驗證',
  targetLabel: '手機號碼',
  targetHint: '格式：0912345678',
  targetType: 'tel',
  sendLabel: '發送驗證簡訊',
  codeLabel: '簡訊驗證碼',
  sentNotice: (to: string) => `簡訊驗證碼已發送至 ${maskMobile(to)}，請輸入簡訊中的 6 位數驗證碼。`,
} as const;

/** 手機號碼 (manual 參 八): optional; bound by an SMS code, 解除綁定 with a confirmation. Used by 忘記密碼. */
export function MobileBlock({ account, onChanged }: { account: AccountView; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [confirmUnbind, setConfirmUnbind] = useState(false);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const { run, pending } = useSingleFlight();
  const allowed = account.allowedActions.includes('binding.mobile.manage');

  const unbind = () =>
    run(async () => {
      setConfirmUnbind(false);
      try {
        await accountApi.mobileUnbind();
        setNotice({ severity: 'success', text: '解除綁定成功' });
        onChanged();
      } catch (error) {
        setNotice({ severity: 'error', text: errorMessage(error) });
      }
    });

  return (
    <BlockCard
      title="手機號碼"
      actions={
        allowed &&
        (account.mobile ? (
          <Button variant="outlined" color="error" onClick={() => setConfirmUnbind(true)} disabled={pending}>
            解除綁定
          </Button>
        ) : (
          <Button variant="outlined" onClick={() => setOpen(true)}>
            進行「個人手機號碼驗證」
          </Button>
        ))
      }
    >
      <Stack spacing={1.5}>
        <BlockNotice notice={notice} onClose={() => setNotice(null)} />
        <Facts
          rows={
            account.mobile
              ? [
                  ['手機號碼', account.mobile.number],
                  ['綁定時間', formatDateTime(account.mobile.boundAt)],
                ]
              : [['手機號碼', '尚未綁定（選填；綁定後可使用手機簡訊重設密碼）']]
          }
        />
      </Stack>
      <CodeBindingDialog
        open={open}
        texts={TEXTS}
        validateTarget={(value) => mobileError(value)}
        start={accountApi.mobileStart}
        confirm={accountApi.mobileConfirm}
        bind={accountApi.mobileBind}
        onClose={() => setOpen(false)}
        onBound={() => {
          setOpen(false);
          setNotice({ severity: 'success', text: '綁定成功' });
          onChanged();
        }}
      />
      <ConfirmDialog
        open={confirmUnbind}
        title="解除綁定"
        onConfirm={() => void unbind()}
        onClose={() => setConfirmUnbind(false)}
      >
        確定要解除綁定手機號碼 {account.mobile?.number} 嗎？解除後將無法使用手機簡訊重設密碼。
      </ConfirmDialog>
    </BlockCard>
  );
}
