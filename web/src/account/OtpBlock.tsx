import Close from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { otpCodeSchema } from '../../../domain/schemas/sso-login';
import { ConfirmDialog } from '../apply/ConfirmDialog';
import { ApiError, errorMessage } from '../lib/api';
import { formatDateTime } from '../lib/datetime';
import { useSingleFlight } from '../lib/useSingleFlight';
import { accountApi, type AccountView, type OtpSetup } from './api';
import { CodeEntryStep } from '../verification/CodeEntryStep';
import { BlockCard, BlockNotice, Facts } from './BlockCard';

/** The manual's download links (2 擇 1). */
export const AUTHENTICATOR_APPS = [
  {
    name: 'Google Authenticator APP',
    googlePlay: 'https://play.google.com/store/apps/details?id=com.google.android.apps.authenticator2',
    appStore: 'https://apps.apple.com/tw/app/google-authenticator/id388497605',
  },
  {
    name: 'Microsoft Authenticator APP',
    googlePlay: 'https://play.google.com/store/apps/details?id=com.azure.authenticator',
    appStore: 'https://apps.apple.com/tw/app/microsoft-authenticator/id983156458',
  },
] as const;

type Notice = { severity: 'success' | 'error' | 'info'; text: string };

/**
 * OTP 驗證 (manual 參 十一): 進行「OTP驗證」 → tick 啟用 → 確定 → the QR code to scan with Google or
 * Microsoft Authenticator → the code the app shows confirms it (only then is OTP on) → X.
 * 關閉「OTP 驗證」 → 確定 turns it off.
 */
export function OtpBlock({ account, onChanged }: { account: AccountView; onChanged: () => void }) {
  const [step, setStep] = useState<'closed' | 'consent' | 'qr'>('closed');
  const [setup, setSetup] = useState<OtpSetup | null>(null);
  const [confirmDisable, setConfirmDisable] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { run, pending } = useSingleFlight();
  const allowed = account.allowedActions.includes('binding.otp.manage');

  const startSetup = () =>
    run(async () => {
      try {
        setSetup(await accountApi.otpSetup());
        setStep('qr');
      } catch (error) {
        setStep('closed');
        setNotice({ severity: 'error', text: errorMessage(error) });
      }
    });

  const disable = () =>
    run(async () => {
      setConfirmDisable(false);
      try {
        await accountApi.otpDisable();
        setNotice({ severity: 'success', text: '已關閉 OTP 驗證' });
        onChanged();
      } catch (error) {
        setNotice({ severity: 'error', text: errorMessage(error) });
      }
    });

  return (
    <BlockCard
      title="OTP 驗證"
      actions={
        allowed &&
        (account.otp.enabled ? (
          <Button variant="outlined" color="error" onClick={() => setConfirmDisable(true)} disabled={pending}>
            關閉「OTP 驗證」
          </Button>
        ) : (
          <Button variant="outlined" onClick={() => setStep('consent')}>
            進行「OTP驗證」
          </Button>
        ))
      }
    >
      <Stack spacing={1.5}>
        <BlockNotice notice={notice} onClose={() => setNotice(null)} />
        <Facts
          rows={[
            ['狀態', account.otp.enabled ? '已啟用' : '未啟用（選填）'],
            ...(account.otp.enabledAt ? ([['啟用時間', formatDateTime(account.otp.enabledAt)]] as const) : []),
          ]}
        />
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          啟用後可於單一帳號認證平台以「動態驗證碼」登入。請自行下載 Google Authenticator APP 或 Microsoft Authenticator APP（2 擇
          1）。
        </Typography>
        <AppLinks />
      </Stack>
      <ConsentDialog
        open={step === 'consent'}
        pending={pending}
        onCancel={() => setStep('closed')}
        onConfirm={() => void startSetup()}
      />
      {setup && (
        <QrDialog
          open={step === 'qr'}
          setup={setup}
          onClose={(enabled) => {
            setStep('closed');
            setSetup(null);
            setNotice(
              enabled
                ? { severity: 'success', text: 'OTP 驗證已啟用，之後可使用「動態驗證碼」登入' }
                : { severity: 'info', text: '尚未輸入動態驗證碼確認，OTP 驗證未啟用' },
            );
            if (enabled) onChanged();
          }}
        />
      )}
      <ConfirmDialog
        open={confirmDisable}
        title="關閉「OTP 驗證」"
        onConfirm={() => void disable()}
        onClose={() => setConfirmDisable(false)}
      >
        確定要關閉 OTP 驗證嗎？關閉後將無法使用「動態驗證碼」登入，驗證器 APP 中的此帳號亦將失效。
      </ConfirmDialog>
    </BlockCard>
  );
}

function AppLinks() {
  return (
    <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2.5 }}>
      {AUTHENTICATOR_APPS.map((app) => (
        <Typography component="li" variant="body2" key={app.name}>
          {app.name}：
          <Link href={app.googlePlay} target="_blank" rel="noopener noreferrer">
            Google Play
          </Link>
          {' / '}
          <Link href={app.appStore} target="_blank" rel="noopener noreferrer">
            App Store
          </Link>
        </Typography>
      ))}
    </Stack>
  );
}

function ConsentDialog({
  open,
  pending,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const titleId = useId();
  const [ticked, setTicked] = useState(false);
  const close = () => {
    setTicked(false);
    onCancel();
  };
  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>OTP 驗證</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          啟用後，請以 Google Authenticator 或 Microsoft Authenticator APP 掃描畫面上的 QR 碼，並輸入 APP 顯示的驗證碼完成啟用。
        </Typography>
        <FormControlLabel
          control={<Checkbox checked={ticked} onChange={(event) => setTicked(event.target.checked)} />}
          label="啟用 OTP 驗證"
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={close}>取消</Button>
        <Button
          variant="contained"
          disabled={!ticked || pending}
          loading={pending}
          onClick={() => {
            setTicked(false);
            onConfirm();
          }}
        >
          確定
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function QrDialog({ open, setup, onClose }: { open: boolean; setup: OtpSetup; onClose: (enabled: boolean) => void }) {
  const titleId = useId();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [enabled, setEnabled] = useState(false);
  const { run, pending } = useSingleFlight();

  const confirm = () =>
    run(async () => {
      const parsed = otpCodeSchema.safeParse(code);
      if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '請輸入 6 位數動態驗證碼(OTP)');
      setError(null);
      try {
        await accountApi.otpEnable(parsed.data);
        setEnabled(true);
      } catch (cause) {
        setError(cause instanceof ApiError && cause.fields.code ? cause.fields.code : errorMessage(cause));
        setCode('');
      }
    });

  return (
    <Dialog open={open} onClose={() => onClose(enabled)} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId} sx={{ pr: 6 }}>
        OTP 驗證
        <IconButton aria-label="關閉" onClick={() => onClose(enabled)} sx={{ position: 'absolute', right: 8, top: 8 }}>
          <Close />
        </IconButton>
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2">
            請開啟 Google Authenticator 或 Microsoft Authenticator APP，點擊「已驗證識別碼」→「掃描 QR 代碼」，掃描下方 QR
            碼後，輸入 APP 顯示的一次性驗證碼完成綁定。
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'center' }}>
            <Box sx={{ bgcolor: '#ffffff', p: 1, borderRadius: 1, border: 1, borderColor: 'divider', lineHeight: 0 }}>
              <img src={setup.qrCode} alt="OTP 驗證 QR 碼" width={200} height={200} />
            </Box>
            <Stack spacing={1} sx={{ minWidth: 0 }}>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                無法掃描時，可於 APP 選擇「輸入設定金鑰」，輸入以下金鑰（時間型）：
              </Typography>
              <Typography
                variant="body2"
                sx={{ fontFamily: 'monospace', wordBreak: 'break-all', letterSpacing: 1 }}
                aria-label="設定金鑰"
              >
                {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
              </Typography>
              <Link href={setup.otpauthUri} variant="body2" data-otpauth>
                在此行動裝置開啟驗證器 APP
              </Link>
            </Stack>
          </Stack>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            尚未安裝 APP？請於行動裝置安裝以下任一 APP（2 擇 1）：
          </Typography>
          <AppLinks />
          {enabled ? (
            <Alert severity="success" role="status">
              OTP 驗證已啟用。請按右上角「X」返回個人帳號管理。
            </Alert>
          ) : (
            <CodeEntryStep
              layout="inline"
              field={{
                label: '動態驗證碼(OTP)',
                name: 'otp',
                value: code,
                onChange: setCode,
                error,
                hint: '請輸入 APP 上目前顯示的 6 位數驗證碼',
                disabled: pending,
                maxLength: 7,
              }}
              submit={{ label: '確認啟用', pending, onClick: () => void confirm() }}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={() => onClose(enabled)}>{enabled ? '完成' : '取消'}</Button>
      </DialogActions>
    </Dialog>
  );
}
