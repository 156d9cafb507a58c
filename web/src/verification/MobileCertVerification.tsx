import PhonelinkLockOutlined from '@mui/icons-material/PhonelinkLockOutlined';
import QrCode2 from '@mui/icons-material/QrCode2';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import QRCode from 'qrcode';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { maskNationalId, nationalIdError, NATIONAL_ID_PLACEHOLDER, normalizeNationalId } from '../../../domain/national-id';
import { ApiError, errorMessage } from '../lib/api';
import { useSingleFlight } from '../lib/useSingleFlight';
import { formatCountdown } from './countdown';
import { mobileCertApi, type MobileCertPurpose, type MobileCertView } from './mobileCertApi';
import { useCountdown } from './useCountdown';

export interface MobileCertVerificationProps {
  purpose: MobileCertPurpose;
  /** The manual's button: 登入 (login tab) or 繼續 (開通帳號, 忘記密碼). */
  submitLabel: string;
  /**
   * The person approved in the APP. Whatever the caller does next (log in, get a proof) runs
   * while 「驗證成功」 shows; if it throws, its message shows and the person can start again.
   */
  onApproved: (transactionId: string) => Promise<void> | void;
}

const ENDED = new Set(['DENIED', 'EXPIRED', 'FAILED']);

/**
 * 行動自然人憑證 (manual §3.1.2, §3.1.7, §3.1.8): 身分證字號 → push to the 行動自然人憑證 APP, with
 * 「重新發送推播」 and 「QRCode 模式登入」, polled until approved, denied or expired.
 */
export function MobileCertVerification({ purpose, submitLabel, onApproved }: MobileCertVerificationProps) {
  const [nationalId, setNationalId] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [view, setView] = useState<MobileCertView | null>(null);
  const [qrImage, setQrImage] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const { run, pending } = useSingleFlight();
  const idRef = useRef<HTMLInputElement>(null);
  const approvedRef = useRef<string | null>(null);

  const reset = (message: string | null = null) => {
    setView(null);
    setQrImage(null);
    setFinishing(false);
    approvedRef.current = null;
    setFormError(message);
    setTimeout(() => idRef.current?.focus(), 0);
  };

  const show = (next: MobileCertView) => {
    setView(next);
    if (next.qrCode) {
      QRCode.toDataURL(next.qrCode, { errorCorrectionLevel: 'M', margin: 1, width: 240 })
        .then(setQrImage)
        .catch(() => setFormError('QRCode 產生失敗，請改用推播驗證'));
    } else if (next.mode === 'PUSH') setQrImage(null);
  };

  // Poll while pending, at the pace the server asks for.
  useEffect(() => {
    if (!view || view.status !== 'PENDING') return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      mobileCertApi
        .poll(view.id, controller.signal)
        .then((next) => setView((current) => (current && current.id === next.id ? { ...next, qrCode: current.qrCode } : current)))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          // A failed poll is retried by the next one; a vanished verification ends it.
          if (error instanceof ApiError && error.status === 404) reset(error.message);
          else setView((current) => (current ? { ...current } : current));
        });
    }, view.pollAfterMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [view]);

  // Approved: hand over once.
  useEffect(() => {
    if (!view || view.status !== 'APPROVED' || approvedRef.current === view.id) return;
    approvedRef.current = view.id;
    setFinishing(true);
    Promise.resolve()
      .then(() => onApproved(view.id))
      .catch((error: unknown) => reset(errorMessage(error)));
  }, [view, onApproved]);

  const start = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const error = nationalIdError(nationalId);
    if (error) {
      setFieldError(error);
      idRef.current?.focus();
      return;
    }
    setFieldError(null);
    await run(async () => {
      try {
        show(await mobileCertApi.start(purpose, normalizeNationalId(nationalId)));
      } catch (failure) {
        if (failure instanceof ApiError && failure.fields.nationalId) setFieldError(failure.fields.nationalId);
        else setFormError(errorMessage(failure));
        idRef.current?.focus();
      }
    });
  };

  const reissue = (mode: 'PUSH' | 'QR') =>
    run(async () => {
      if (!view) return;
      setFormError(null);
      try {
        const next =
          mode === 'PUSH'
            ? await mobileCertApi.resend(view.id, normalizeNationalId(nationalId))
            : await mobileCertApi.qr(view.id, normalizeNationalId(nationalId));
        show(next);
      } catch (failure) {
        setFormError(errorMessage(failure));
      }
    });

  if (!view) {
    return (
      <Stack component="form" noValidate onSubmit={(event) => void start(event)} spacing={2.5} aria-label="行動自然人憑證驗證">
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          請先於手機安裝「行動自然人憑證」APP 並完成註冊。輸入身分證字號後，系統將推播至您的 APP，請於手機上完成驗證。
        </Typography>
        {formError && (
          <Alert severity="error" role="alert">
            {formError}
          </Alert>
        )}
        <TextField
          label="身分證字號"
          name="nationalId"
          value={nationalId}
          onChange={(event) => setNationalId(event.target.value)}
          placeholder={NATIONAL_ID_PLACEHOLDER}
          required
          autoFocus
          autoComplete="off"
          inputRef={idRef}
          disabled={pending}
          error={Boolean(fieldError)}
          helperText={fieldError ?? ' '}
          slotProps={{ htmlInput: { maxLength: 10, spellCheck: false, autoCapitalize: 'characters' } }}
          sx={{ maxWidth: 360 }}
        />
        <Box>
          <Button type="submit" variant="contained" size="large" disabled={pending} loading={pending} sx={{ minWidth: 120 }}>
            {submitLabel}
          </Button>
        </Box>
      </Stack>
    );
  }

  return (
    <Waiting
      view={view}
      maskedId={maskNationalId(nationalId)}
      qrImage={qrImage}
      formError={formError}
      pending={pending}
      finishing={finishing}
      onResend={() => void reissue('PUSH')}
      onQr={() => void reissue('QR')}
      onRestart={() => reset()}
    />
  );
}

function Waiting(props: {
  view: MobileCertView;
  maskedId: string;
  qrImage: string | null;
  formError: string | null;
  pending: boolean;
  finishing: boolean;
  onResend: () => void;
  onQr: () => void;
  onRestart: () => void;
}) {
  const { view, qrImage, pending, finishing } = props;
  const secondsLeft = useCountdown(Date.parse(view.expiresAt));
  const resendIn = useCountdown(Date.parse(view.resendAfter));
  const ended = ENDED.has(view.status);
  const approved = view.status === 'APPROVED';
  const qrMode = view.mode === 'QR';

  return (
    <Stack spacing={2.5} aria-label="行動自然人憑證驗證" role="region">
      <Typography variant="body2">
        身分證字號 <strong>{props.maskedId}</strong>
      </Typography>
      <Alert
        severity={approved ? 'success' : ended ? 'warning' : 'info'}
        icon={approved || ended ? undefined : qrMode ? <QrCode2 /> : <PhonelinkLockOutlined />}
        role="status"
        aria-live="polite"
      >
        {approved && finishing ? '行動自然人憑證驗證成功，處理中…' : view.message}
        {view.status === 'PENDING' && secondsLeft > 0 && <> 剩餘時間 {formatCountdown(secondsLeft)}。</>}
      </Alert>
      {props.formError && (
        <Alert severity="error" role="alert">
          {props.formError}
        </Alert>
      )}
      {view.status === 'PENDING' && qrMode && qrImage && (
        <Box sx={{ alignSelf: 'flex-start', p: 1.5, bgcolor: '#fff', borderRadius: 2, border: 1, borderColor: 'divider' }}>
          <img src={qrImage} width={240} height={240} alt="行動自然人憑證驗證 QRCode，請以 APP 的「驗證」功能掃描" />
        </Box>
      )}
      {view.status === 'PENDING' && !qrMode && (
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', color: 'text.secondary' }}>
          <CircularProgress size={20} aria-hidden />
          <Typography variant="body2">等待您於手機 APP 確認…</Typography>
        </Stack>
      )}
      {approved && <CircularProgress size={28} aria-label="處理中" />}
      {!approved && (
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          useFlexGap
          spacing={1.5}
          sx={{ flexWrap: 'wrap', alignItems: { xs: 'stretch', sm: 'center' }, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}
        >
          <Button
            variant={ended ? 'contained' : 'outlined'}
            onClick={props.onResend}
            disabled={pending || (!ended && !qrMode && resendIn > 0)}
          >
            {!ended && !qrMode && resendIn > 0 ? `重新發送推播（${resendIn} 秒）` : '重新發送推播'}
          </Button>
          {!qrMode && (
            <Button variant="outlined" startIcon={<QrCode2 />} onClick={props.onQr} disabled={pending}>
              QRCode 模式登入
            </Button>
          )}
          <Button onClick={props.onRestart} disabled={pending}>
            重新輸入身分證字號
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
