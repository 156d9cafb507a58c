import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MuiLink from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../lib/api';
import { accountDetailApi } from './accountDetailApi';

/** 停用原因 (手冊 圖 10: 離職、退休、留職停薪或其他原因). */
const REASONS = ['離職', '退休', '留職停薪', '其他'] as const;
type Reason = (typeof REASONS)[number];

export interface DisableTarget {
  id: string;
  account: string;
  name: string;
}

interface Props {
  target: DisableTarget;
  /** The started request's workflow ID. */
  onStarted: (workflowId: string) => void;
  onClose: () => void;
}

/** 停用 with its reason; the answer names what must be handed over first, or links the open request. */
export function DisableDialog({ target, onStarted, onClose }: Props) {
  const [reason, setReason] = useState<Reason>('離職');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; openUrl?: string } | null>(null);
  const [pending, setPending] = useState(false);
  const titleId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const text = note.trim();
    if (reason === '其他' && !text) {
      setNoteError('請說明停用原因');
      return;
    }
    setNoteError(null);
    setPending(true);
    setError(null);
    try {
      const full = text ? `${reason}：${text}` : reason;
      const started = await accountDetailApi.disable(target.id, full);
      onStarted(started.workflowId);
    } catch (cause) {
      const open = cause instanceof ApiError ? (cause.details.openRequest as { url?: string } | undefined) : undefined;
      setError({ message: errorMessage(cause), openUrl: open?.url });
      setPending(false);
    }
  };

  return (
    <Dialog open onClose={pending ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>停用帳號</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>
              確定要停用 {target.name}（{target.account}）？停用後此帳號會立即登出所有裝置，且無法再登入公務入口網及各應用系統；AD
              帳號同步停用，並以電子郵件通知使用者。
            </DialogContentText>
            {error && (
              <Alert severity="error" role="alert" sx={{ whiteSpace: 'pre-line' }}>
                {error.message}
                {error.openUrl && (
                  <>
                    {' '}
                    <MuiLink component={Link} to={error.openUrl} onClick={onClose}>
                      查看進行中的停用作業
                    </MuiLink>
                  </>
                )}
              </Alert>
            )}
            <RadioGroup
              aria-label="停用原因"
              value={reason}
              onChange={(e) => setReason(e.target.value as Reason)}
              row
              name="reason"
            >
              {REASONS.map((r) => (
                <FormControlLabel key={r} value={r} control={<Radio />} label={r} />
              ))}
            </RadioGroup>
            <TextField
              label={reason === '其他' ? '說明（必填）' : '說明'}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={Boolean(noteError)}
              helperText={noteError ?? '最多 400 字'}
              slotProps={{ htmlInput: { maxLength: 400 } }}
              multiline
              minRows={2}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button type="submit" variant="contained" color="error" disabled={pending}>
            {pending ? '處理中…' : '確定停用'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
