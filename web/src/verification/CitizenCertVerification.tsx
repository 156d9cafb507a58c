import CreditCardOutlined from '@mui/icons-material/CreditCardOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { citizenCertSignerUrl } from '../config';
import { errorMessage } from '../lib/api';
import { useResource } from '../lib/data';
import { citizenCertApi, type CitizenCertPurpose, type SignedChallenge } from './citizenCertApi';
import { detectCard, pinError, SignerError, signWithCard, type InsertedCard, type SignerProblem } from './citizenCertSigner';

/** Where the HiCOS card management tool (with the 跨平台網頁元件) is downloaded. */
export const HICOS_DOWNLOAD_URL = 'https://moica.nat.gov.tw/download_1.html';

type Reader =
  { state: 'detecting' } | { state: 'ready'; card: InsertedCard } | { state: 'problem'; problem: SignerProblem; message: string };

export interface CitizenCertVerificationProps {
  purpose: CitizenCertPurpose;
  /** The manual's button: 登入 (登入頁), 繼續 (忘記密碼), 進行「自然人憑證綁定」 (個人帳號管理). */
  submitLabel: string;
  /** PIN CODE (登入, 忘記密碼) or PIN碼 (自然人憑證綁定), as the manual names the field. */
  pinLabel?: string;
  /** Text above the reader status. */
  intro?: ReactNode;
  /** The signed challenge goes to the server here; a thrown ApiError's message is shown. */
  onSigned: (signed: SignedChallenge) => Promise<void>;
}

/**
 * 自然人憑證: finds the card through the signing component on the user's PC, takes the PIN, has the
 * card sign a server challenge and hands the result to `onSigned`. Says plainly what is missing:
 * the component, the card, a wrong PIN (with the tries left), a locked card, or the server's reason
 * (not bound, revoked, expired …).
 */
export function CitizenCertVerification({
  purpose,
  submitLabel,
  pinLabel = 'PIN CODE',
  intro,
  onSigned,
}: CitizenCertVerificationProps) {
  // What signing found out about the reader since the last detection (a card pulled out, say).
  const [found, setFound] = useState<Reader | null>(null);
  const [pin, setPin] = useState('');
  const [pinMessage, setPinMessage] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const detection = useResource(async (signal) => detectCard(await citizenCertSignerUrl(), signal));
  const reader: Reader =
    found ??
    (detection.loading
      ? { state: 'detecting' }
      : detection.cause instanceof SignerError
        ? { state: 'problem', problem: detection.cause.problem, message: detection.cause.message }
        : detection.error !== null || !detection.data
          ? { state: 'problem', problem: 'failed', message: detection.error ?? errorMessage(undefined) }
          : { state: 'ready', card: detection.data });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const invalid = pinError(pin);
    if (invalid) {
      setPinMessage(invalid);
      pinRef.current?.focus();
      return;
    }
    setPinMessage(null);
    setPending(true);
    try {
      const signerUrl = await citizenCertSignerUrl();
      const challenge = await citizenCertApi.challenge(purpose);
      const signed = await signWithCard(signerUrl, { tbs: challenge.tbs, pin });
      await onSigned({ challengeId: challenge.challengeId, ...signed });
    } catch (error) {
      if (error instanceof SignerError) {
        if (error.problem === 'wrong-pin') {
          setPinMessage(error.message);
        } else if (error.problem === 'no-card' || error.problem === 'no-component' || error.problem === 'untrusted') {
          setFound({ state: 'problem', problem: error.problem, message: error.message });
        } else {
          setFormError(error.message);
        }
      } else {
        setFormError(errorMessage(error));
      }
      pinRef.current?.focus();
    } finally {
      // A PIN is typed again for every signature, as with the card's own tools.
      setPin('');
      setPending(false);
    }
  };

  const ready = reader.state === 'ready';

  return (
    <Stack component="form" noValidate onSubmit={(event) => void submit(event)} spacing={2.5} aria-label="自然人憑證驗證">
      {intro}
      <ReaderStatus
        reader={reader}
        onRetry={() => {
          setFound(null);
          void detection.reload();
        }}
      />
      {formError && (
        <Alert severity="error" role="alert">
          {formError}
        </Alert>
      )}
      <TextField
        label={pinLabel}
        name="pin"
        type="password"
        value={pin}
        onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 8))}
        required
        autoComplete="off"
        inputRef={pinRef}
        disabled={pending || !ready}
        error={Boolean(pinMessage)}
        helperText={pinMessage ?? '請輸入自然人憑證的 PIN 碼（6 至 8 位數字）'}
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8 } }}
      />
      <Button
        type="submit"
        variant="contained"
        size="large"
        disabled={pending || !ready}
        loading={pending}
        loadingPosition="start"
        fullWidth
      >
        {submitLabel}
      </Button>
    </Stack>
  );
}

function ReaderStatus({ reader, onRetry }: { reader: Reader; onRetry: () => void }) {
  const retry = (
    <Button color="inherit" size="small" onClick={onRetry}>
      重新偵測
    </Button>
  );
  if (reader.state === 'detecting') {
    return (
      <Stack direction="row" spacing={1.5} role="status" sx={{ alignItems: 'center', color: 'text.secondary' }}>
        <CircularProgress size={18} aria-hidden />
        <Typography variant="body2">正在偵測讀卡機與自然人憑證…</Typography>
      </Stack>
    );
  }
  if (reader.state === 'ready') {
    return (
      <Alert severity="success" icon={<CreditCardOutlined />} role="status" action={retry}>
        已偵測到自然人憑證{reader.card.holder ? `：${reader.card.holder}` : ''}
        {reader.card.reader && (
          <Typography variant="body2" component="span" sx={{ display: 'block', color: 'text.secondary' }}>
            讀卡機：{reader.card.reader}
          </Typography>
        )}
      </Alert>
    );
  }
  return (
    <Alert severity="warning" role="alert" action={retry}>
      {reader.message}
      {reader.problem === 'no-component' && (
        <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
          <Link href={HICOS_DOWNLOAD_URL} target="_blank" rel="noopener noreferrer">
            下載 HiCOS 卡片管理工具（內政部憑證管理中心）
          </Link>
        </Box>
      )}
    </Alert>
  );
}
