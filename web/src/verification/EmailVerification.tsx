import { BackupEmailField, SendStepForm } from './SendStepForm';
import MarkEmailReadOutlined from '@mui/icons-material/MarkEmailReadOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type FormEvent } from 'react';
import { emailVerificationSchema } from '../../../domain/schemas/account-application';
import { ApiError, errorMessage } from '../lib/api';
import type { EmailVerificationStarted, VerificationPurpose } from '../lib/api';
import { formatDateTime } from '../lib/datetime';
import { useSingleFlight } from '../lib/useSingleFlight';
import { confirmEmailVerification, startEmailVerification } from './api';
import { CaptchaField } from './CaptchaField';
import { CodeEntryStep, useCodeEntry } from './CodeEntryStep';
import type { VerificationMethodProps } from './methods';
import { CooldownSubmitButton } from './ResendNotice';
import { useCaptcha } from './useCaptcha';
import { useResendCooldown } from './useResendCooldown';

type StartFields = Partial<Record<'email' | 'captchaAnswer', string>>;

/** Field messages and the form message of a failed POST /api/verifications/email. */
function startFailure(error: unknown): { fields: StartFields; message: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, message: errorMessage(error) };
  switch (error.code) {
    case 'CAPTCHA_INVALID':
      return { fields: { captchaAnswer: error.fields.captchaAnswer ?? error.message }, message: null };
    case 'EMAIL_OFFICIAL':
    case 'EMAIL_ALREADY_BOUND':
      return { fields: { email: error.fields.email ?? error.message }, message: null };
    default: {
      const fields: StartFields = {};
      if (error.fields.email) fields.email = error.fields.email;
      if (error.fields.captchaAnswer) fields.captchaAnswer = error.fields.captchaAnswer;
      return { fields, message: error.message };
    }
  }
}

function firstIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    out[key] ??= issue.message;
  }
  return out;
}

/** What the code step says was sent: only APPLY can say so for certain (no enumeration otherwise). */
export function sentNotice(purpose: VerificationPurpose, email: string): string {
  return purpose === 'APPLY'
    ? `驗證碼已寄送至 ${email}，請前往備用信箱收信，並輸入信中的 6 位數驗證碼。`
    : `若 ${email} 是您申請時填寫（或帳號已綁定）的備用信箱，系統已寄送驗證碼至該信箱，請前往收信並輸入信中的 6 位數驗證碼。`;
}

/** 使用備用信箱: e-mail + 圖形驗證碼 → code mailed → 6-digit code → verification token. */
export function EmailVerification({ purpose, submitLabel, onVerified, onStepChange }: VerificationMethodProps) {
  const [started, setStarted] = useState<EmailVerificationStarted | null>(null);
  const [email, setEmail] = useState('');

  const showStart = () => {
    setStarted(null);
    onStepChange?.('start');
  };
  const showCode = (next: EmailVerificationStarted) => {
    setStarted(next);
    onStepChange?.('code');
  };

  return started ? (
    <CodeForm
      purpose={purpose}
      submitLabel={submitLabel}
      started={started}
      onResent={setStarted}
      onChangeEmail={showStart}
      onVerified={onVerified}
    />
  ) : (
    <StartForm purpose={purpose} submitLabel={submitLabel} email={email} onEmailChange={setEmail} onSent={showCode} />
  );
}

interface StartFormProps {
  purpose: VerificationPurpose;
  submitLabel: string;
  email: string;
  onEmailChange: (value: string) => void;
  onSent: (started: EmailVerificationStarted) => void;
}

function StartForm({ purpose, submitLabel, email, onEmailChange, onSent }: StartFormProps) {
  const captcha = useCaptcha();
  const [answer, setAnswer] = useState('');
  const [fields, setFields] = useState<StartFields>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();
  // Sent from another visit or before a reload: the refusal says how long to wait for this address.
  const cooldown = useResendCooldown();
  const waiting = cooldown.secondsLeft > 0 && cooldown.appliesTo(email);
  const emailRef = useRef<HTMLInputElement>(null);
  const answerRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = emailVerificationSchema.safeParse({ email, captchaId: captcha.captcha?.id ?? '', captchaAnswer: answer });
    if (!parsed.success) {
      const issues = firstIssues(parsed.error.issues);
      const next: StartFields = { email: issues.email, captchaAnswer: issues.captchaAnswer ?? issues.captchaId };
      setFields(next);
      if (next.email) emailRef.current?.focus();
      else answerRef.current?.focus();
      return;
    }
    setFields({});
    await run(async () => {
      try {
        onSent(await startEmailVerification({ purpose, ...parsed.data }));
      } catch (error) {
        // A captcha is single use: whatever went wrong, the next try needs a new one.
        setAnswer('');
        captcha.refresh();
        if (cooldown.refused(error, parsed.data.email)) return;
        const failure = startFailure(error);
        setFields(failure.fields);
        setFormError(failure.message);
        if (failure.fields.email) emailRef.current?.focus();
        else answerRef.current?.focus();
      }
    });
  };

  return (
    <SendStepForm
      label="備用信箱驗證"
      onSubmit={(event) => void submit(event)}
      error={formError}
      notice={waiting ? cooldown.notice : null}
      field={
        <BackupEmailField
          value={email}
          onChange={onEmailChange}
          inputRef={emailRef}
          disabled={pending}
          error={fields.email}
          helperText="請輸入個人電子信箱，不可使用公務信箱（@mail.tainan.gov.tw）"
        />
      }
      captcha={{
        state: captcha,
        answer,
        onAnswerChange: setAnswer,
        error: fields.captchaAnswer,
        disabled: pending,
        inputRef: answerRef,
      }}
      submit={<CooldownSubmitButton pending={pending} secondsLeft={waiting ? cooldown.secondsLeft : 0} label={submitLabel} />}
    />
  );
}

interface CodeFormProps {
  purpose: VerificationPurpose;
  submitLabel: string;
  started: EmailVerificationStarted;
  onResent: (started: EmailVerificationStarted) => void;
  onChangeEmail: () => void;
  onVerified: VerificationMethodProps['onVerified'];
}

function CodeForm({ purpose, submitLabel, started, onResent, onChangeEmail, onVerified }: CodeFormProps) {
  const entry = useCodeEntry();
  const [resendOpen, setResendOpen] = useState(false);
  const [resentNotice, setResentNotice] = useState(false);
  const cooldown = useResendCooldown(started.resendAfter);

  const submit = (event: FormEvent<HTMLFormElement>) =>
    entry.submit(event, async (code) => {
      const token = await confirmEmailVerification(started.verificationId, code);
      onVerified({
        method: 'email',
        token: token.token,
        expiresAt: token.expiresAt,
        email: started.email,
        account: token.account ?? null,
      });
    });

  const tooSoon = (refusal: unknown) => {
    setResendOpen(false);
    entry.setFormError(null);
    cooldown.refused(refusal);
  };

  const resent = (next: EmailVerificationStarted) => {
    setResendOpen(false);
    // After 驗證碼已過期 / 錯誤次數過多 the code was dead: the new one starts afresh.
    entry.restart();
    setResentNotice(true);
    cooldown.sent(next.resendAfter);
    onResent(next);
  };

  return (
    <CodeEntryStep
      ariaLabel="輸入驗證碼"
      onSubmit={(event) => void submit(event)}
      noticeIcon={<MarkEmailReadOutlined />}
      notice={
        <>
          {resentNotice && <strong>已重新發送驗證碼。</strong>}
          {sentNotice(purpose, started.email)}
          {started.expiresAt && <> 驗證碼有效期限至 {formatDateTime(started.expiresAt)}。</>}
        </>
      }
      formError={entry.formError}
      cooldownNotice={cooldown.notice}
      field={entry.field('驗證碼', '請輸入 6 位數驗證碼')}
      submit={{ label: submitLabel, pending: entry.pending, disabled: entry.dead }}
      resend={{ secondsLeft: cooldown.secondsLeft, onClick: () => setResendOpen(true) }}
      actions={
        <Button variant="text" onClick={onChangeEmail} disabled={entry.pending}>
          更換備用信箱
        </Button>
      }
    >
      {resendOpen && (
        <ResendDialog
          purpose={purpose}
          email={started.email}
          onClose={() => setResendOpen(false)}
          onResent={resent}
          onTooSoon={tooSoon}
        />
      )}
    </CodeEntryStep>
  );
}

interface ResendDialogProps {
  purpose: VerificationPurpose;
  email: string;
  onClose: () => void;
  onResent: (started: EmailVerificationStarted) => void;
  /** RESEND_TOO_SOON: the code form counts down from the refusal. */
  onTooSoon: (refusal: ApiError) => void;
}

/** 重新發送驗證碼 asks for a new 圖形驗證碼, as the first sending did. */
function ResendDialog({ purpose, email, onClose, onResent, onTooSoon }: ResendDialogProps) {
  const captcha = useCaptcha();
  const [answer, setAnswer] = useState('');
  const [answerError, setAnswerError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();
  const titleId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = emailVerificationSchema.safeParse({ email, captchaId: captcha.captcha?.id ?? '', captchaAnswer: answer });
    if (!parsed.success) {
      const issues = firstIssues(parsed.error.issues);
      setAnswerError(issues.captchaAnswer ?? issues.captchaId ?? null);
      if (issues.email) setFormError(issues.email);
      return;
    }
    setAnswerError(null);
    await run(async () => {
      try {
        onResent(await startEmailVerification({ purpose, ...parsed.data }));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'RESEND_TOO_SOON') {
          onTooSoon(error);
          return;
        }
        setAnswer('');
        captcha.refresh();
        const failure = startFailure(error);
        setAnswerError(failure.fields.captchaAnswer ?? null);
        setFormError(failure.fields.email ?? failure.message);
      }
    });
  };

  return (
    <Dialog open onClose={pending ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>重新發送驗證碼</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            請輸入圖形驗證碼，系統將重新寄送驗證碼至 <strong>{email}</strong>，先前寄送的驗證碼將失效。
          </DialogContentText>
          {formError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          )}
          <Box sx={{ pt: 1 }}>
            <CaptchaField
              state={captcha}
              answer={answer}
              onAnswerChange={setAnswer}
              error={answerError ?? undefined}
              disabled={pending}
            />
          </Box>
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
            如未收到信件，請檢查垃圾郵件匣。
          </Typography>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button type="submit" variant="contained" disabled={pending} loading={pending}>
            確定
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
