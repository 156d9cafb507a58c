import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../lib/api';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { revokeBooking, type BookingReviewKind } from './api';

/** 取消借用: a custodian withdraws an approved booking with a reason; the applicant is mailed it. */
export function RevokeBookingButton({ kind, id, onDone }: { kind: BookingReviewKind; id: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();
  const titleId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem('請填寫取消原因');
      return;
    }
    void run(async () => {
      try {
        await revokeBooking(kind, id, reason.trim());
        setOpen(false);
        onDone();
      } catch (cause) {
        if (cause instanceof ApiError && cause.fields.reason) setProblem(cause.fields.reason);
        else setError(errorMessage(cause));
      }
    });
  };

  return (
    <>
      <Button color="error" onClick={() => setOpen(true)}>
        取消借用
      </Button>
      {open && (
        <Dialog open onClose={pending ? undefined : () => setOpen(false)} aria-labelledby={titleId} maxWidth="sm" fullWidth>
          <form noValidate onSubmit={submit}>
            <DialogTitle id={titleId}>取消借用</DialogTitle>
            <DialogContent>
              <DialogContentText sx={{ mb: 2 }}>取消後時段即釋出，並以電子郵件通知申請人取消原因。</DialogContentText>
              {error && (
                <Alert severity="error" role="alert" sx={{ mb: 2 }}>
                  {error}
                </Alert>
              )}
              <TextField
                label="取消原因"
                required
                multiline
                minRows={2}
                fullWidth
                autoFocus
                value={reason}
                error={Boolean(problem)}
                helperText={problem ?? ' '}
                disabled={pending}
                slotProps={{ htmlInput: { maxLength: 500 } }}
                onChange={(event) => {
                  setReason(event.target.value);
                  setProblem(null);
                }}
              />
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setOpen(false)} disabled={pending}>
                返回
              </Button>
              <Button type="submit" variant="contained" color="error" loading={pending}>
                確定
              </Button>
            </DialogActions>
          </form>
        </Dialog>
      )}
    </>
  );
}
