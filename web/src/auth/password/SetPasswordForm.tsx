import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  confirmPasswordError,
  OLD_PASSWORD_REQUIRED_MESSAGE,
  PASSWORD_REQUIRED_MESSAGE,
  PASSWORD_REUSED_MESSAGE,
  PASSWORD_VIOLATION_CODES,
  passwordViolations,
  type PasswordViolationCode,
} from '../../../../domain/password-policy';
import { ApiError, errorMessage } from '../../lib/api';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { PasswordRules } from '../activate/PasswordRules';
import {
  checklistPasses,
  passwordChecklist,
  violationCodesFromMessages,
  type ServerVerdict,
} from '../activate/passwordChecklist';

export const RULES_HINT = '新密碼不符合密碼規則，請參考下方密碼規則';

export interface SetPasswordFormProps {
  /** The account, when known: 「不可與帳號名稱相同」 is then checked as the user types. */
  account?: string | null;
  /** A line above the fields (e.g. which verification was passed). */
  intro?: ReactNode;
  /** Sends the new password; resolves with the account the password now belongs to. */
  submit: (body: { password: string; confirmPassword: string; oldPassword?: string }) => Promise<{ account: string }>;
  /** 密碼修改 (§3.5.3): ask for 舊密碼 first; the fields read 新密碼 / 確認新密碼 and the button 確定異動. */
  withOldPassword?: boolean;
  /** The identity proof (or verification) is no longer valid: back to 身分驗證. */
  onExpired: () => void;
  onDone: (account: string) => void;
}

function serverCodes(error: ApiError): PasswordViolationCode[] {
  const listed = error.details.violations;
  if (Array.isArray(listed)) return listed.filter((c): c is PasswordViolationCode => PASSWORD_VIOLATION_CODES.includes(c));
  const messages = [...(error.fieldMessages.password ?? []), ...(error.fieldMessages.newPassword ?? [])];
  return violationCodesFromMessages(messages).codes;
}

/**
 * 輸入新密碼 (manual §3.1.7): 請輸入新密碼 and 再次輸入新密碼 with the live 密碼規則, then 繼續.
 * One form for 開通帳號, 忘記密碼 and the forced change of an expired password; the server's verdict
 * (history, rules it judged) is shown on the same checklist.
 */
export function SetPasswordForm({ account, intro, submit, onExpired, onDone, withOldPassword = false }: SetPasswordFormProps) {
  const [oldPassword, setOldPassword] = useState('');
  const oldRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [show, setShow] = useState(false);
  const [errors, setErrors] = useState<{ password?: string; confirm?: string; old?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [server, setServer] = useState<ServerVerdict | null>(null);
  const { run, pending } = useSingleFlight();
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const rulesId = useId();
  const checklist = passwordChecklist(password, { server, account: account || undefined });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const next: typeof errors = {};
    if (withOldPassword && oldPassword === '') next.old = OLD_PASSWORD_REQUIRED_MESSAGE;
    if (password === '') next.password = PASSWORD_REQUIRED_MESSAGE;
    else if (passwordViolations(password, { account }).length > 0) next.password = RULES_HINT;
    const mismatch = confirmPasswordError(password, confirm);
    if (mismatch) next.confirm = mismatch;
    if (next.password || next.confirm || next.old) {
      setErrors(next);
      (next.old ? oldRef : next.password ? passwordRef : confirmRef).current?.focus();
      return;
    }
    setErrors({});
    await run(async () => {
      try {
        const result = await submit({ password, confirmPassword: confirm, ...(withOldPassword ? { oldPassword } : {}) });
        onDone(result.account);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          onExpired();
          return;
        }
        if (error instanceof ApiError && error.fields.oldPassword) {
          setErrors({ old: error.fields.oldPassword });
          oldRef.current?.focus();
          return;
        }
        if (error instanceof ApiError && (error.code === 'PASSWORD_POLICY' || error.code === 'PASSWORD_REUSED')) {
          const reused = error.code === 'PASSWORD_REUSED';
          setServer({ password, codes: reused ? [] : serverCodes(error), reused });
          setErrors({
            password: reused ? error.message || PASSWORD_REUSED_MESSAGE() : RULES_HINT,
            confirm: error.fields.confirmPassword,
          });
          passwordRef.current?.focus();
          return;
        }
        if (error instanceof ApiError && error.fields.confirmPassword) {
          setErrors({ confirm: error.fields.confirmPassword });
          confirmRef.current?.focus();
          return;
        }
        setFormError(errorMessage(error));
      }
    });
  };

  const toggle = (
    <InputAdornment position="end">
      <IconButton
        onClick={() => setShow((value) => !value)}
        edge="end"
        aria-label={show ? '隱藏密碼' : '顯示密碼'}
        aria-pressed={show}
      >
        {show ? <VisibilityOff /> : <Visibility />}
      </IconButton>
    </InputAdornment>
  );
  const field = (which: 'password' | 'confirm' | 'old') => ({
    type: show ? 'text' : 'password',
    required: true,
    autoComplete: 'new-password',
    disabled: pending,
    error: Boolean(errors[which]),
    helperText: errors[which],
  });

  return (
    <Stack
      component="form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      spacing={2.5}
      sx={{ maxWidth: 560, mx: 'auto' }}
      aria-label="輸入新密碼"
    >
      {!withOldPassword && <Typography variant="h2">輸入新密碼</Typography>}
      {intro && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {intro}
        </Typography>
      )}
      {formError && (
        <Alert severity="error" role="alert">
          {formError}
        </Alert>
      )}
      {withOldPassword && (
        <TextField
          {...field('old')}
          autoComplete="current-password"
          label="舊密碼"
          placeholder="請輸入舊密碼"
          name="oldPassword"
          value={oldPassword}
          onChange={(event) => {
            setOldPassword(event.target.value);
            if (errors.old) setErrors((current) => ({ ...current, old: undefined }));
          }}
          autoFocus
          inputRef={oldRef}
          slotProps={{ htmlInput: { maxLength: 128 } }}
        />
      )}
      <TextField
        {...field('password')}
        label="新密碼"
        placeholder="請輸入新密碼"
        name="newPassword"
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
          if (errors.password) setErrors((current) => ({ ...current, password: undefined }));
        }}
        autoFocus={!withOldPassword}
        inputRef={passwordRef}
        slotProps={{ input: { endAdornment: toggle }, htmlInput: { 'aria-describedby': rulesId, maxLength: 64 } }}
      />
      <TextField
        {...field('confirm')}
        label={withOldPassword ? '確認新密碼' : '再次輸入新密碼'}
        placeholder={withOldPassword ? '請再次輸入新密碼' : '再次輸入新密碼'}
        name="confirmPassword"
        value={confirm}
        onChange={(event) => {
          setConfirm(event.target.value);
          if (errors.confirm) setErrors((current) => ({ ...current, confirm: undefined }));
        }}
        inputRef={confirmRef}
        slotProps={{ htmlInput: { maxLength: 64 } }}
      />
      <PasswordRules id={rulesId} items={checklist} />
      <Box>
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={pending || (password !== '' && !checklistPasses(checklist))}
          loading={pending}
          sx={{ minWidth: 120 }}
        >
          {withOldPassword ? '確定異動' : '繼續'}
        </Button>
      </Box>
    </Stack>
  );
}
