import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { SxProps, Theme } from '@mui/material/styles';
import TextField from '@mui/material/TextField';
import { useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { verificationCodeSchema } from '../../../domain/schemas/account-application';
import { SubmitButton } from '../common/SubmitButton';
import { ApiError, errorMessage } from '../lib/api';
import { useSingleFlight } from '../lib/useSingleFlight';
import { resendLabel } from './countdown';
import { ResendNotice } from './ResendNotice';

export interface CodeFieldProps {
  /** 驗證碼, 簡訊驗證碼, 動態驗證碼(OTP), 臨時密碼 … (the e2e tests find the field by it). */
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** The field's message; the hint is shown while there is none. */
  error?: string | null;
  hint: string;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
  required?: boolean;
  autoFocus?: boolean;
  maxLength: number;
  /** Default numeric; null for a code with letters (臨時密碼). */
  inputMode?: 'numeric' | null;
  spellCheck?: false;
  autoCapitalize?: 'none';
  /** A 6-digit code's width rather than the form's. */
  narrow?: boolean;
}

export interface CodeEntryStepProps {
  /**
   * `form`: the step is a form of its own — what was sent, the errors, the field, then the buttons;
   * `inline`: the field and its button side by side, inside a dialog's own content.
   */
  layout?: 'form' | 'inline';
  /** The form's name for assistive technology (form layout). */
  ariaLabel?: string;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** An info alert saying where the code went (its icon, when not the default). */
  notice?: ReactNode;
  noticeIcon?: ReactNode;
  /** Text above everything, in place of (or besides) the notice. */
  intro?: ReactNode;
  formError?: string | null;
  /** The server's 「請於 N 秒後再重新發送」, counting down. */
  cooldownNotice?: string | null;
  /** Fields before the code (帳號, the address it went to) and after it (圖形驗證碼). */
  before?: ReactNode;
  after?: ReactNode;
  field: CodeFieldProps;
  submit: {
    label: string;
    pending: boolean;
    disabled?: boolean;
    /** `block`: the full-width submit of the public login forms; `primary`: the step's own; `outlined` beside a field. */
    look?: 'primary' | 'block' | 'outlined';
    /** Inline layout: what the button does (a form submits itself). */
    onClick?: () => void;
    /** Whether the button shows a spinner while pending (default true). */
    showPending?: boolean;
  };
  /** 重新發送: disabled while `secondsLeft` counts down, saying how long. */
  resend?: { label?: string; secondsLeft: number; onClick: () => void; look?: 'outlined' | 'text' };
  /** More buttons beside the submit (e.g. 更換備用信箱). */
  actions?: ReactNode;
  children?: ReactNode;
}

function CodeField({ field, sx }: { field: CodeFieldProps; sx?: SxProps<Theme> }) {
  const inputMode = field.inputMode === undefined ? 'numeric' : (field.inputMode ?? undefined);
  return (
    <TextField
      label={field.label}
      name={field.name}
      value={field.value}
      onChange={(event) => field.onChange(event.target.value)}
      required={field.required}
      autoFocus={field.autoFocus}
      autoComplete="one-time-code"
      inputRef={field.inputRef}
      disabled={field.disabled}
      error={Boolean(field.error)}
      helperText={field.error ?? field.hint}
      slotProps={{
        htmlInput: {
          ...(field.autoCapitalize ? { autoCapitalize: field.autoCapitalize } : {}),
          ...(inputMode ? { inputMode } : {}),
          maxLength: field.maxLength,
          ...(field.spellCheck === false ? { spellCheck: false } : {}),
        },
      }}
      sx={sx ?? (field.narrow ? { maxWidth: 320 } : undefined)}
    />
  );
}

/**
 * The one code-entry step of the portal: 備用信箱 and 簡訊 verification, 臨時密碼 and 動態驗證碼 login,
 * OTP 啟用 and the 備用信箱 / 手機 binding dialogs. The code field, its submit and 重新發送 with its
 * countdown look and behave the same everywhere; each page keeps its own words and its own request.
 */
export function CodeEntryStep(props: CodeEntryStepProps) {
  const { layout = 'form', field, submit, resend } = props;
  const pending = submit.pending;
  const showPending = submit.showPending ?? true;

  if (layout === 'inline') {
    return (
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'flex-start' } }}>
        <CodeField field={field} sx={{ flex: 1 }} />
        <Button
          variant={submit.look === 'outlined' ? 'outlined' : 'contained'}
          onClick={submit.onClick}
          disabled={pending || submit.disabled}
          loading={showPending ? pending : undefined}
          sx={{ mt: { sm: 1 }, flexShrink: 0 }}
        >
          {submit.label}
        </Button>
      </Stack>
    );
  }

  const resendButton = resend && (
    <Button variant={resend.look ?? 'outlined'} onClick={resend.onClick} disabled={pending || resend.secondsLeft > 0}>
      {resendLabel(resend.secondsLeft, resend.label)}
    </Button>
  );

  return (
    <Stack
      component="form"
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => props.onSubmit?.(event)}
      spacing={2.5}
      aria-label={props.ariaLabel}
    >
      {props.intro}
      {props.notice && (
        <Alert severity="info" icon={props.noticeIcon}>
          {props.notice}
        </Alert>
      )}
      {props.formError && (
        <Alert severity="error" role="alert">
          {props.formError}
        </Alert>
      )}
      {props.cooldownNotice !== undefined && <ResendNotice notice={props.cooldownNotice} />}
      {props.before}
      <CodeField field={field} />
      {props.after}
      {submit.look === 'block' ? (
        <>
          <SubmitButton pending={pending} disabled={submit.disabled}>
            {submit.label}
          </SubmitButton>
          {resendButton}
          {props.actions}
        </>
      ) : (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { xs: 'stretch', sm: 'center' } }}>
          <Button
            type="submit"
            variant="contained"
            size="large"
            disabled={pending || submit.disabled}
            loading={pending}
            sx={{ minWidth: 120 }}
          >
            {submit.label}
          </Button>
          {resendButton}
          {props.actions}
        </Stack>
      )}
      {props.children}
    </Stack>
  );
}

/** The codes that end a mailed or texted code: only sending a new one goes on. */
const DEAD_CODE = new Set(['CODE_EXPIRED', 'CODE_TOO_MANY_ATTEMPTS']);

/**
 * The state of a step that checks a mailed or texted 6-digit code: the field, its message, the form's
 * message, and whether the code is dead (驗證碼已過期 / 錯誤次數過多: only 重新發送 goes on).
 * `submit(event, verify)` checks the typed code, sends it and says what went wrong.
 */
export function useCodeEntry() {
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [dead, setDead] = useState(false);
  const { run, pending } = useSingleFlight();
  const codeRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>, verify: (code: string) => Promise<void>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = verificationCodeSchema.safeParse({ code });
    if (!parsed.success) {
      setCodeError(parsed.error.issues[0]?.message ?? null);
      codeRef.current?.focus();
      return;
    }
    setCodeError(null);
    await run(async () => {
      try {
        await verify(parsed.data.code);
      } catch (error) {
        setCode('');
        if (error instanceof ApiError && error.code === 'CODE_INVALID') setCodeError(error.fields.code ?? error.message);
        else {
          if (error instanceof ApiError && DEAD_CODE.has(error.code)) setDead(true);
          setFormError(errorMessage(error));
        }
        codeRef.current?.focus();
      }
    });
  };

  /** A new code was sent: everything about the previous one is forgotten. */
  const restart = () => {
    setDead(false);
    setFormError(null);
    setCodeError(null);
    setCode('');
  };

  /** The 6-digit code field under `label` (驗證碼, 簡訊驗證碼), shut once the code is dead. */
  const field = (label: string, hint: string): CodeFieldProps => ({
    label,
    name: 'code',
    value: code,
    onChange: setCode,
    error: codeError,
    hint,
    inputRef: codeRef,
    disabled: pending || dead,
    required: true,
    autoFocus: true,
    maxLength: 12,
    spellCheck: false,
    narrow: true,
  });

  return { formError, setFormError, dead, pending, submit, restart, field };
}
