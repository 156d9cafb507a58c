import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type FormEvent } from 'react';
import { otpLoginSchema } from '../../../../domain/schemas/sso-login';
import { ApiError, errorMessage } from '../../lib/api';
import { ssoApi } from '../api';
import type { LoginTabProps } from '../types';
import { CodeEntryStep } from '../../verification/CodeEntryStep';

type Field = 'account' | 'code';

/**
 * 動態驗證碼 (manual 第二章 壹 三): 帳號 + 動態驗證碼(OTP) from Google / Microsoft Authenticator,
 * for users who turned on OTP 驗證 in 個人帳號管理.
 */
export default function OtpTab({ uid, onResult }: LoginTabProps) {
  const [account, setAccount] = useState('');
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const accountRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const focus = (errors: Partial<Record<Field, string>>) => (errors.account ? accountRef : codeRef).current?.focus();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const parsed = otpLoginSchema.safeParse({ account, code });
    if (!parsed.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as Field] ??= issue.message;
      setFields(errors);
      focus(errors);
      return;
    }
    setFields({});
    setPending(true);
    try {
      onResult(await ssoApi.loginWith(uid, 'otp', parsed.data));
    } catch (error) {
      const errors: Partial<Record<Field, string>> = {};
      if (error instanceof ApiError) {
        if (error.fields.account) errors.account = error.fields.account;
        if (error.fields.code) errors.code = error.fields.code;
      }
      setFields(errors);
      setFormError(errorMessage(error));
      // A code works once: the next try needs the next one from the app.
      setCode('');
      focus(errors.account ? errors : { code: '' });
      setPending(false);
    }
  };

  return (
    <CodeEntryStep
      ariaLabel="動態驗證碼登入"
      onSubmit={(event) => void submit(event)}
      intro={
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {
            '請開啟行動裝置上的 Google Authenticator 或 Microsoft Authenticator APP，於效期內輸入顯示的動態驗證碼。如需使用此功能，請先以其他方式登入公務入口網，於「個人帳號管理」完成 OTP 驗證綁定。'
          }
        </Typography>
      }
      formError={formError}
      before={
        <TextField
          label="帳號"
          name="account"
          value={account}
          onChange={(event) => setAccount(event.target.value)}
          required
          autoComplete="username"
          autoFocus
          inputRef={accountRef}
          disabled={pending}
          error={Boolean(fields.account)}
          helperText={fields.account}
          slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false } }}
        />
      }
      field={{
        label: '動態驗證碼(OTP)',
        name: 'code',
        value: code,
        onChange: setCode,
        error: fields.code,
        hint: '請輸入 APP 上顯示的 6 位數驗證碼',
        inputRef: codeRef,
        disabled: pending,
        required: true,
        maxLength: 7,
        spellCheck: false,
      }}
      submit={{ label: '登入', pending, look: 'block' }}
    />
  );
}
