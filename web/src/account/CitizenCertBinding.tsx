import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ConfirmDialog } from '../apply/ConfirmDialog';
import { errorMessage } from '../lib/api';
import { useResource } from '../lib/data';
import { formatDate, formatDateTime } from '../lib/datetime';
import { useSingleFlight } from '../lib/useSingleFlight';
import { citizenCertApi } from '../verification/citizenCertApi';
import { CitizenCertVerification } from '../verification/CitizenCertVerification';
import { BlockCard, BlockNotice, Facts } from './BlockCard';

export interface CitizenCertBindingProps {
  /** Called after a bind or unbind, so the page can refresh what it shows. */
  onChanged?: () => void;
}

/**
 * 個人帳號管理 › 自然人憑證 (manual 參 十): optional. Card in the reader, PIN碼, 進行「自然人憑證綁定」
 * → 綁定成功; 解除綁定 with a confirmation. A bound card logs in (實體自然人憑證) and resets the password.
 */
export function CitizenCertBinding({ onChanged }: CitizenCertBindingProps) {
  const { data: status, error: loadError, set: setStatus } = useResource(citizenCertApi.status);
  const [binding, setBinding] = useState(false);
  const [confirmUnbind, setConfirmUnbind] = useState(false);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const { run, pending } = useSingleFlight();

  const unbind = () =>
    run(async () => {
      setConfirmUnbind(false);
      try {
        setStatus(await citizenCertApi.unbind());
        setNotice({ severity: 'success', text: '解除綁定成功' });
        onChanged?.();
      } catch (error) {
        setNotice({ severity: 'error', text: errorMessage(error) });
      }
    });

  const bound = status?.bound === true;

  return (
    <BlockCard
      title="自然人憑證"
      actions={
        status &&
        (bound ? (
          <Button variant="outlined" color="error" onClick={() => setConfirmUnbind(true)} disabled={pending}>
            解除綁定
          </Button>
        ) : (
          !binding && (
            <Button
              variant="outlined"
              onClick={() => {
                setNotice(null);
                setBinding(true);
              }}
            >
              進行「自然人憑證綁定」
            </Button>
          )
        ))
      }
    >
      <Stack spacing={1.5}>
        {loadError && (
          <Alert severity="error" role="alert">
            {loadError}
          </Alert>
        )}
        <BlockNotice notice={notice} onClose={() => setNotice(null)} />
        {status && (
          <Facts
            rows={
              bound
                ? [
                    ['憑證持有人', status.holder ?? '—'],
                    ['憑證序號', status.serial ?? '—'],
                    ['憑證有效期限', status.notAfter ? formatDate(status.notAfter) : '—'],
                    ['綁定時間', status.boundAt ? formatDateTime(status.boundAt) : '—'],
                  ]
                : [['自然人憑證', '尚未綁定（選填；綁定後可使用自然人憑證登入及重設密碼）']]
            }
          />
        )}
        {!bound && binding && (
          <Stack spacing={2} sx={{ maxWidth: 480, pt: 1 }}>
            <Alert severity="info">請確認讀卡機已插入自然人憑證</Alert>
            <CitizenCertVerification
              purpose="BIND"
              submitLabel="進行「自然人憑證綁定」"
              pinLabel="PIN碼"
              onSigned={async (signed) => {
                const result = await citizenCertApi.bind(signed);
                setStatus(result);
                setBinding(false);
                setNotice({ severity: 'success', text: '綁定成功' });
                onChanged?.();
              }}
            />
            <Button onClick={() => setBinding(false)} sx={{ alignSelf: 'flex-start' }}>
              取消
            </Button>
          </Stack>
        )}
        {!bound && !binding && status && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            請確認讀卡機已插入自然人憑證，點擊「進行「自然人憑證綁定」」後輸入 PIN 碼完成綁定。
          </Typography>
        )}
      </Stack>
      <ConfirmDialog
        open={confirmUnbind}
        title="解除綁定"
        onConfirm={() => void unbind()}
        onClose={() => setConfirmUnbind(false)}
      >
        確定要解除綁定自然人憑證{status?.holder ? `（${status.holder}）` : ''}嗎？解除後將無法使用自然人憑證登入及重設密碼。
      </ConfirmDialog>
    </BlockCard>
  );
}

export default CitizenCertBinding;
