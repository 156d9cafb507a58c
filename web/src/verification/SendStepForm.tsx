import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { FormEvent, ReactNode, Ref } from 'react';
import { CaptchaField, type CaptchaFieldProps } from './CaptchaField';
import { ResendNotice } from './ResendNotice';

/**
 * The step that sends something to a person's address (備用信箱驗證, 手機簡訊驗證, 臨時密碼申請): the
 * form named `label`, its error, the wait before another send, the address field, 圖形驗證碼 and the
 * submit button — in that order on every such page.
 */
export function SendStepForm({
  label,
  onSubmit,
  intro,
  error,
  notice,
  field,
  captcha,
  submit,
}: {
  label: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  intro?: ReactNode;
  error: string | null;
  /** The wait before another send may go (null: none). */
  notice: string | null;
  field: ReactNode;
  captcha: CaptchaFieldProps;
  submit: ReactNode;
}) {
  return (
    <Stack component="form" noValidate onSubmit={onSubmit} spacing={2.5} aria-label={label}>
      {intro}
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {notice && <ResendNotice notice={notice} />}
      {field}
      <CaptchaField {...captcha} />
      {submit}
    </Stack>
  );
}

/** 備用信箱 as the send steps ask for it (a personal address, typed without auto-capitalisation). */
export function BackupEmailField({
  value,
  onChange,
  inputRef,
  disabled,
  error,
  helperText,
}: {
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
  error?: string;
  helperText: string;
}) {
  return (
    <TextField
      label="備用信箱"
      name="email"
      type="email"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required
      autoComplete="email"
      autoFocus
      inputRef={inputRef}
      disabled={disabled}
      error={Boolean(error)}
      helperText={error ?? helperText}
      slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false, inputMode: 'email' } }}
    />
  );
}
