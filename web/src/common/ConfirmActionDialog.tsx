import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, type ReactNode } from 'react';
import { useMutation } from '../lib/data';

interface ConfirmActionDialogProps<T> {
  /** What the action is about; the dialog is open while there is one. */
  item: T | null;
  title: string;
  /** The question, e.g. 確定取消 … 的申請？ and what follows. */
  message: (item: T) => ReactNode;
  /** The red button's words (確定取消, 確定停止). */
  confirmLabel: string;
  action: (item: T) => Promise<unknown>;
  onDone: (item: T) => void;
  onClose: () => void;
}

/**
 * A destructive action asked once more (取消申請, 取消代理, 停止訂閱): 返回 / the red confirm button, the
 * action's refusal said inside the dialog, which stays open until it succeeds or is closed.
 */
export function ConfirmActionDialog<T>({
  item,
  title,
  message,
  confirmLabel,
  action,
  onDone,
  onClose,
}: ConfirmActionDialogProps<T>) {
  const titleId = useId();
  const run = useMutation(action, { onSuccess: (_answer, done) => onDone(done) });
  const close = () => {
    run.reset();
    onClose();
  };
  return (
    <Dialog open={item !== null} onClose={close} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {run.error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {run.error}
          </Alert>
        )}
        {item !== null && <DialogContentText>{message(item)}</DialogContentText>}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={run.pending}>
          返回
        </Button>
        <Button color="error" variant="contained" onClick={() => item !== null && void run.run(item)} loading={run.pending}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
