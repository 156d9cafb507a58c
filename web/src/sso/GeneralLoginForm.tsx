import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import Alert from '@mui/material/Alert';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../lib/api';
import { validateGeneralLogin, type GeneralLoginField, type GeneralLoginInput } from '../auth/login-schema';
import { CaptchaField } from '../verification/CaptchaField';
import { useCaptcha } from '../verification/useCaptcha';
import { SubmitButton } from '../common/SubmitButton';

type FieldErrors = Partial<Record<GeneralLoginField, string>>;

/** 一般登入: 登入帳號 + 密碼 + 圖形驗證碼. `onSubmit` resolves when the login went through. */
export function GeneralLoginForm({ onSubmit }: { onSubmit: (input: GeneralLoginInput) => Promise<void> }) {
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [captchaAnswer, setCaptchaAnswer] = useState('');
  const captcha = useCaptcha();
  const accountRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const captchaRef = useRef<HTMLInputElement>(null);

  const focusFirstInvalid = (errors: FieldErrors) => {
    if (errors.account) accountRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
    else if (errors.captchaAnswer) captchaRef.current?.focus();
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const input = { account, password, captchaId: captcha.captcha?.id ?? '', captchaAnswer };
    const errors = validateGeneralLogin(input);
    if (errors) {
      setFieldErrors(errors);
      focusFirstInvalid(errors);
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      await onSubmit({ ...input, account: account.trim() });
      // The browser is now on its way back to the system that asked for the login.
    } catch (error) {
      const fields: FieldErrors = {};
      if (error instanceof ApiError) {
        if (error.fields.account) fields.account = error.fields.account;
        if (error.fields.password) fields.password = error.fields.password;
        if (error.fields.captchaAnswer) fields.captchaAnswer = error.fields.captchaAnswer;
      }
      // A captcha is single use: whatever went wrong, the next try needs a new one.
      captcha.refresh();
      setCaptchaAnswer('');
      setFieldErrors(fields);
      setFormError(errorMessage(error));
      setPassword('');
      if (fields.account || fields.password || fields.captchaAnswer) focusFirstInvalid(fields);
      else passwordRef.current?.focus();
      setPending(false);
    }
  };

  return (
    <Stack component="form" noValidate onSubmit={(event) => void handleSubmit(event)} spacing={2.5} aria-label="一般登入">
      {formError && (
        <Alert severity="error" role="alert">
          {formError}
        </Alert>
      )}
      <TextField
        label="登入帳號"
        name="account"
        value={account}
        onChange={(event) => setAccount(event.target.value)}
        required
        autoComplete="username"
        autoFocus
        inputRef={accountRef}
        error={Boolean(fieldErrors.account)}
        helperText={fieldErrors.account}
        slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false } }}
      />
      <TextField
        label="密碼"
        name="password"
        type={showPassword ? 'text' : 'password'}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        required
        autoComplete="current-password"
        inputRef={passwordRef}
        error={Boolean(fieldErrors.password)}
        helperText={fieldErrors.password}
        slotProps={{
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton
                  onClick={() => setShowPassword((value) => !value)}
                  edge="end"
                  aria-label={showPassword ? '隱藏密碼' : '顯示密碼'}
                  aria-pressed={showPassword}
                >
                  {showPassword ? <VisibilityOff /> : <Visibility />}
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
      <CaptchaField
        state={captcha}
        answer={captchaAnswer}
        onAnswerChange={setCaptchaAnswer}
        error={fieldErrors.captchaAnswer}
        disabled={pending}
        inputRef={captchaRef}
      />
      <SubmitButton pending={pending}>登入</SubmitButton>
    </Stack>
  );
}
