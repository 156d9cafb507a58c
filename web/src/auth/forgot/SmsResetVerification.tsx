import { SendStepForm } from '../../verification/SendStepForm';
import SmsOutlined from '@mui/icons-material/SmsOutlined';
import TextField from '@mui/material/TextField';
import { useRef, useState, type FormEvent } from 'react';
import { smsResetStartSchema } from '../../../../domain/schemas/password-reset';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { CodeEntryStep, useCodeEntry } from '../../verification/CodeEntryStep';
import type { VerificationMethodProps } from '../../verification/methods';
import { CooldownSubmitButton } from '../../verification/ResendNotice';
import { useCaptcha } from '../../verification/useCaptcha';
import { useResendCooldown } from '../../verification/useResendCooldown';
import { passwordApi, type SmsResetStarted } from './api';

/**
 * 忘記密碼 › 使用手機簡訊 (manual §3.1.8 四): 手機號碼 + 圖形驗證碼, 繼續 → 簡訊驗證碼 sent to the number
 * bound in 個人帳號管理 → 繼續 → an identity proof. The page says the same whether or not the number
 * is bound, so nobody learns which numbers belong to an account.
 */
export function SmsResetVerification({ submitLabel, onVerified, onStepChange }: VerificationMethodProps) {
  const [mobile, setMobile] = useState('');
  const [sent, setSent] = useState<SmsResetStarted | null>(null);

  if (!sent) {
    return (
      <StartForm
        mobile={mobile}
        onMobileChange={setMobile}
        submitLabel={submitLabel}
        onSent={(started) => {
          setSent(started);
          onStepChange?.('code');
        }}
      />
    );
  }
  return (
    <CodeForm
      sent={sent}
      submitLabel={submitLabel}
      onRestart={() => {
        setSent(null);
        onStepChange?.('start');
      }}
      onVerified={(proof) =>
        onVerified({
          method: 'sms',
          token: proof.token,
          expiresAt: proof.expiresAt,
          email: null,
          account: proof.account,
          proof: true,
        })
      }
    />
  );
}

function StartForm({
  mobile,
  onMobileChange,
  submitLabel,
  onSent,
}: {
  mobile: string;
  onMobileChange: (value: string) => void;
  submitLabel: string;
  onSent: (started: SmsResetStarted) => void;
}) {
  const captcha = useCaptcha();
  const [answer, setAnswer] = useState('');
  const [fields, setFields] = useState<{ mobile?: string; captchaAnswer?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();
  // 重新發送驗證碼 comes back here; a number sent to less than a minute ago waits, counting down.
  const cooldown = useResendCooldown();
  const waiting = cooldown.secondsLeft > 0 && cooldown.appliesTo(mobile);
  const mobileRef = useRef<HTMLInputElement>(null);
  const answerRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = smsResetStartSchema.safeParse({ mobile, captchaId: captcha.captcha?.id ?? '', captchaAnswer: answer });
    if (!parsed.success) {
      const next: typeof fields = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === 'mobile' ? 'mobile' : 'captchaAnswer';
        next[key] ??= issue.message;
      }
      setFields(next);
      (next.mobile ? mobileRef : answerRef).current?.focus();
      return;
    }
    setFields({});
    await run(async () => {
      try {
        onSent(await passwordApi.startSms(parsed.data));
      } catch (error) {
        // A captcha is single use: the next try needs a new one.
        setAnswer('');
        captcha.refresh();
        if (cooldown.refused(error, mobile)) return;
        if (error instanceof ApiError && (error.fields.mobile || error.code === 'CAPTCHA_INVALID')) {
          setFields({ mobile: error.fields.mobile, captchaAnswer: error.code === 'CAPTCHA_INVALID' ? error.message : undefined });
          (error.fields.mobile ? mobileRef : answerRef).current?.focus();
          return;
        }
        setFormError(errorMessage(error));
      }
    });
  };

  return (
    <SendStepForm
      label="手機簡訊驗證"
      onSubmit={(event) => void submit(event)}
      error={formError}
      notice={waiting ? cooldown.notice : null}
      field={
        <TextField
          label="手機號碼"
          name="mobile"
          type="tel"
          value={mobile}
          onChange={(event) => onMobileChange(event.target.value)}
          required
          autoFocus
          autoComplete="tel"
          inputRef={mobileRef}
          disabled={pending}
          error={Boolean(fields.mobile)}
          helperText={fields.mobile ?? '請輸入於個人帳號管理綁定的手機號碼，格式：0912345678'}
          slotProps={{ htmlInput: { inputMode: 'tel', maxLength: 20 } }}
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

function CodeForm({
  sent,
  submitLabel,
  onRestart,
  onVerified,
}: {
  sent: SmsResetStarted;
  submitLabel: string;
  onRestart: () => void;
  onVerified: (proof: { token: string; expiresAt: string; account: string }) => void;
}) {
  const entry = useCodeEntry();
  const { secondsLeft } = useResendCooldown(sent.resendAfter);

  return (
    <CodeEntryStep
      ariaLabel="輸入簡訊驗證碼"
      onSubmit={(event) =>
        void entry.submit(event, async (code) => onVerified(await passwordApi.confirmSms(sent.verificationId, code)))
      }
      noticeIcon={<SmsOutlined />}
      notice={
        <>
          若 {sent.mobile} 是您於個人帳號管理綁定的手機號碼，系統已發送簡訊驗證碼至該手機，請輸入簡訊中的 6
          位數驗證碼。驗證碼有效期限至 {formatDateTime(sent.expiresAt)}。
        </>
      }
      formError={entry.formError}
      field={entry.field('簡訊驗證碼', '請輸入 6 位數簡訊驗證碼')}
      submit={{ label: submitLabel, pending: entry.pending, disabled: entry.dead }}
      // A dead code can be replaced at once: the wait is for sending twice in a row, not for a new try.
      resend={{ secondsLeft: entry.dead ? 0 : secondsLeft, onClick: onRestart }}
    />
  );
}
