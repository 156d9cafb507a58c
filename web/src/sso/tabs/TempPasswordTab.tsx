import { BackupEmailField, SendStepForm } from '../../verification/SendStepForm';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type FormEvent } from 'react';
import { temporaryPasswordLoginSchema, temporaryPasswordRequestSchema } from '../../../../domain/schemas/sso-login';
import { ApiError, errorMessage } from '../../lib/api';
import { CaptchaField } from '../../verification/CaptchaField';
import { CodeEntryStep } from '../../verification/CodeEntryStep';
import { resendLabel } from '../../verification/countdown';
import { useCaptcha } from '../../verification/useCaptcha';
import { useResendCooldown } from '../../verification/useResendCooldown';
import { ssoApi } from '../api';
import type { LoginTabProps } from '../types';
import { SubmitButton } from '../../common/SubmitButton';

type Field = 'email' | 'temporaryPassword' | 'captchaAnswer';
type Errors = Partial<Record<Field, string>>;

interface Sent {
  email: string;
  message: string;
  resendAfter: string;
}

function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const key = issue.path[0] === 'captchaId' ? 'captchaAnswer' : (issue.path[0] as Field);
    errors[key] ??= issue.message;
  }
  return errors;
}

function apiErrors(error: unknown): Errors {
  if (!(error instanceof ApiError)) return {};
  const errors: Errors = {};
  for (const key of ['email', 'temporaryPassword', 'captchaAnswer'] as const)
    if (error.fields[key]) errors[key] = error.fields[key];
  return errors;
}

/**
 * 臨時密碼 (manual 第二章 壹 四): 備用信箱 + 圖形驗證碼 → 送出 → the temporary password is mailed →
 * 臨時密碼 + 圖形驗證碼 again → 登入.
 */
export default function TempPasswordTab({ uid, onResult }: LoginTabProps) {
  const [sent, setSent] = useState<Sent | null>(null);
  return sent ? (
    <LoginStep uid={uid} sent={sent} onResult={onResult} onRestart={() => setSent(null)} />
  ) : (
    <RequestStep uid={uid} onSent={setSent} />
  );
}

function RequestStep({ uid, onSent }: { uid: string; onSent: (sent: Sent) => void }) {
  const captcha = useCaptcha();
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const cooldown = useResendCooldown();
  const waiting = cooldown.secondsLeft > 0 && cooldown.appliesTo(email);
  const emailRef = useRef<HTMLInputElement>(null);
  const answerRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending || waiting) return;
    setFormError(null);
    const parsed = temporaryPasswordRequestSchema.safeParse({
      email,
      captchaId: captcha.captcha?.id ?? '',
      captchaAnswer: answer,
    });
    if (!parsed.success) {
      const next = issuesToErrors(parsed.error.issues);
      setErrors(next);
      (next.email ? emailRef : answerRef).current?.focus();
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const answered = await ssoApi.sendTempPassword(uid, parsed.data);
      onSent({ email: answered.email, message: answered.message, resendAfter: answered.resendAfter });
    } catch (error) {
      // A captcha is single use: whatever went wrong, the next try needs a new one.
      captcha.refresh();
      setAnswer('');
      setPending(false);
      if (cooldown.refused(error, parsed.data.email)) return;
      const next = apiErrors(error);
      setErrors(next);
      setFormError(next.email || next.captchaAnswer ? null : errorMessage(error));
      (next.email ? emailRef : answerRef).current?.focus();
    }
  };

  return (
    <SendStepForm
      label="臨時密碼申請"
      onSubmit={(event) => void submit(event)}
      intro={
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          請輸入已綁定您臺南市政府公務帳號的備用信箱，系統將寄送一組臨時密碼至該信箱。
        </Typography>
      }
      error={formError}
      notice={waiting ? cooldown.notice : null}
      field={
        <BackupEmailField
          value={email}
          onChange={setEmail}
          inputRef={emailRef}
          disabled={pending}
          error={errors.email}
          helperText="此備用信箱必須已完成綁定臺南市政府公務帳號"
        />
      }
      captcha={{
        state: captcha,
        answer,
        onAnswerChange: setAnswer,
        error: errors.captchaAnswer,
        disabled: pending,
        inputRef: answerRef,
      }}
      submit={
        <SubmitButton pending={pending} disabled={waiting}>
          {waiting ? resendLabel(cooldown.secondsLeft, '送出') : '送出'}
        </SubmitButton>
      }
    />
  );
}

function LoginStep({
  uid,
  sent,
  onResult,
  onRestart,
}: {
  uid: string;
  sent: Sent;
  onResult: LoginTabProps['onResult'];
  onRestart: () => void;
}) {
  const captcha = useCaptcha();
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const { secondsLeft } = useResendCooldown(sent.resendAfter);
  const passwordRef = useRef<HTMLInputElement>(null);
  const answerRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const parsed = temporaryPasswordLoginSchema.safeParse({
      email: sent.email,
      temporaryPassword,
      captchaId: captcha.captcha?.id ?? '',
      captchaAnswer: answer,
    });
    if (!parsed.success) {
      const next = issuesToErrors(parsed.error.issues);
      setErrors(next);
      (next.temporaryPassword ? passwordRef : answerRef).current?.focus();
      return;
    }
    setErrors({});
    setPending(true);
    try {
      onResult(await ssoApi.loginWith(uid, 'temp-password', parsed.data));
    } catch (error) {
      captcha.refresh();
      setAnswer('');
      const next = apiErrors(error);
      setErrors(next);
      setFormError(next.captchaAnswer ? null : errorMessage(error));
      (next.captchaAnswer ? answerRef : passwordRef).current?.focus();
      setPending(false);
    }
  };

  return (
    <CodeEntryStep
      ariaLabel="臨時密碼登入"
      onSubmit={(event) => void submit(event)}
      notice={sent.message}
      formError={formError}
      before={
        <TextField label="備用信箱" name="email" value={sent.email} disabled slotProps={{ htmlInput: { readOnly: true } }} />
      }
      field={{
        label: '臨時密碼',
        name: 'temporaryPassword',
        value: temporaryPassword,
        onChange: setTemporaryPassword,
        error: errors.temporaryPassword,
        hint: '請輸入信件內提供之臨時密碼（限用一次）',
        inputRef: passwordRef,
        disabled: pending,
        required: true,
        autoFocus: true,
        maxLength: 32,
        inputMode: null,
        spellCheck: false,
        autoCapitalize: 'none',
      }}
      after={
        <CaptchaField
          state={captcha}
          answer={answer}
          onAnswerChange={setAnswer}
          error={errors.captchaAnswer}
          disabled={pending}
          inputRef={answerRef}
        />
      }
      submit={{ label: '登入', pending, look: 'block' }}
      resend={{ label: '重新申請臨時密碼', secondsLeft, onClick: onRestart, look: 'text' }}
    />
  );
}
