import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../lib/api';
import { useSingleFlight } from '../lib/useSingleFlight';
import { resendLabel } from '../verification/countdown';
import { CodeEntryStep } from '../verification/CodeEntryStep';
import { ResendNotice } from '../verification/ResendNotice';
import { useResendCooldown } from '../verification/useResendCooldown';
import type { CodeSent } from './api';

export interface CodeBindingTexts {
  title: string;
  /** 電子郵件 / 手機號碼 */
  targetLabel: string;
  targetHint: string;
  targetType: 'email' | 'tel';
  /** 發送驗證信 / 發送驗證簡訊 */
  sendLabel: string;
  /** 驗證碼 / 簡訊驗證碼 */
  codeLabel: string;
  sentNotice: (target: string) => string;
}

interface CodeBindingDialogProps {
  open: boolean;
  texts: CodeBindingTexts;
  validateTarget: (value: string) => string | null;
  start: (target: string) => Promise<CodeSent>;
  confirm: (verificationId: string, code: string) => Promise<{ token: string }>;
  bind: (token: string) => Promise<unknown>;
  onClose: () => void;
  onBound: () => void;
}

const CODE = /^\d{6}$/;

/**
 * The manual's binding dialog of 備用電子郵件 and 手機號碼: the address or number → 發送驗證信 /
 * 發送驗證簡訊 → the code → 進行驗證 (a success message) → 確定 binds; 取消 aborts at any step.
 */
export function CodeBindingDialog({
  open,
  texts,
  validateTarget,
  start,
  confirm,
  bind,
  onClose,
  onBound,
}: CodeBindingDialogProps) {
  const titleId = useId();
  const [target, setTarget] = useState('');
  const [sent, setSent] = useState<{ id: string; to: string } | null>(null);
  const [code, setCode] = useState('');
  const [token, setToken] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ target?: string; code?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();
  // Per address or number, like the server's; the dialog stays mounted, so the wait survives 取消.
  const cooldown = useResendCooldown();
  const waiting = cooldown.secondsLeft > 0 && cooldown.appliesTo(target);
  const codeRef = useRef<HTMLInputElement>(null);

  const reset = () => {
    setTarget('');
    setSent(null);
    setCode('');
    setToken(null);
    setErrors({});
    setFormError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const fieldOf = (error: unknown, key: string) => (error instanceof ApiError ? error.fields[key] : undefined);

  const send = () =>
    run(async () => {
      setFormError(null);
      const problem = validateTarget(target);
      if (problem) return setErrors({ target: problem });
      setErrors({});
      try {
        const answer = await start(target.trim());
        setSent({ id: answer.verificationId, to: target.trim() });
        cooldown.sent(answer.resendAfter, target);
        setCode('');
        setToken(null);
        codeRef.current?.focus();
      } catch (error) {
        if (cooldown.refused(error, target)) return;
        const message = fieldOf(error, 'email') ?? fieldOf(error, 'mobile');
        if (message) setErrors({ target: message });
        else setFormError(errorMessage(error));
      }
    });

  const verify = () =>
    run(async () => {
      setFormError(null);
      if (!sent) return;
      const typed = code.replace(/\s/g, '');
      if (!CODE.test(typed)) return setErrors({ code: `請輸入 6 位數${texts.codeLabel}` });
      setErrors({});
      try {
        setToken((await confirm(sent.id, typed)).token);
      } catch (error) {
        setErrors({ code: fieldOf(error, 'code') ?? errorMessage(error) });
      }
    });

  const finish = () =>
    run(async () => {
      if (!token) return;
      try {
        await bind(token);
        reset();
        onBound();
      } catch (error) {
        setFormError(errorMessage(error));
      }
    });

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{texts.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          {formError && (
            <Alert severity="error" role="alert">
              {formError}
            </Alert>
          )}
          {waiting && <ResendNotice notice={cooldown.notice} />}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'flex-start' } }}>
            <TextField
              label={texts.targetLabel}
              name="target"
              type={texts.targetType}
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              required
              autoFocus
              disabled={pending || token !== null}
              error={Boolean(errors.target)}
              helperText={errors.target ?? texts.targetHint}
              slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false } }}
              sx={{ flex: 1 }}
            />
            <Button
              variant="outlined"
              onClick={() => void send()}
              disabled={pending || token !== null || waiting}
              sx={{ mt: { sm: 1 }, flexShrink: 0 }}
            >
              {waiting ? resendLabel(cooldown.secondsLeft, texts.sendLabel) : texts.sendLabel}
            </Button>
          </Stack>
          {sent && <Alert severity="info">{texts.sentNotice(sent.to)}</Alert>}
          <CodeEntryStep
            layout="inline"
            field={{
              label: texts.codeLabel,
              name: 'code',
              value: code,
              onChange: setCode,
              error: errors.code,
              hint: `請輸入收到的 6 位數${texts.codeLabel}`,
              inputRef: codeRef,
              disabled: !sent || pending || token !== null,
              maxLength: 7,
            }}
            submit={{
              label: '進行驗證',
              pending,
              disabled: !sent || token !== null,
              look: 'outlined',
              showPending: false,
              onClick: () => void verify(),
            }}
          />
          {token && (
            <Alert severity="success" role="status">
              驗證成功，請點擊「確定」完成綁定。
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={close}>取消</Button>
        <Button
          variant="contained"
          onClick={() => void finish()}
          disabled={!token || pending}
          loading={pending && token !== null}
        >
          確定
        </Button>
      </DialogActions>
    </Dialog>
  );
}
