import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MuiLink from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../lib/api';

interface Props {
  title: string;
  description: string;
  confirmLabel: string;
  /** Starts the request with the reason; resolves to its workflow ID. */
  submit: (reason: string) => Promise<{ workflowId: string }>;
  onStarted: (workflowId: string) => void;
  onClose: () => void;
}

/** 啟用 / 重設為待開通: a required reason; a refusal names the open request that blocks it, with its link. */
export function ReasonDialog({ title, description, confirmLabel, submit, onStarted, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; openUrl?: string } | null>(null);
  const [pending, setPending] = useState(false);
  const titleId = useId();

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (!reason.trim()) {
      setReasonError('請填寫原因');
      return;
    }
    setPending(true);
    setError(null);
    try {
      onStarted((await submit(reason.trim())).workflowId);
    } catch (cause) {
      if (cause instanceof ApiError && cause.fields.reason) setReasonError(cause.fields.reason);
      else {
        const open = cause instanceof ApiError ? (cause.details.openRequest as { url?: string } | undefined) : undefined;
        setError({ message: errorMessage(cause), openUrl: open?.url });
      }
      setPending(false);
    }
  };

  return (
    <Dialog open onClose={pending ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={send}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{description}</DialogContentText>
            {error && (
              <Alert severity="error" role="alert">
                {error.message}
                {error.openUrl && (
                  <>
                    {' '}
                    <MuiLink component={Link} to={error.openUrl} onClick={onClose}>
                      查看進行中的作業
                    </MuiLink>
                  </>
                )}
              </Alert>
            )}
            <TextField
              autoFocus
              required
              multiline
              minRows={2}
              name="reason"
              label="原因"
              value={reason}
              error={Boolean(reasonError)}
              helperText={reasonError ?? '將記錄於作業歷程並通知使用者，最多 500 字'}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button type="submit" variant="contained" loading={pending}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
