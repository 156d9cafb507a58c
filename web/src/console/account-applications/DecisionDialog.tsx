import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { COMMENT_MAX_LENGTH, decisionCommentProblem } from '../../../../domain/requests/decision';
import type { Decision } from '../../lib/api';

export interface DecisionInput {
  comment: string;
  grantOfficialMail?: boolean;
}

interface DecisionDialogProps {
  decision: Decision;
  title: string;
  description: ReactNode;
  /** 是否核發公務郵件 (核准 of one application): its default is what the applicant asked for. */
  officialMailDefault?: boolean;
  pending: boolean;
  error?: string | null;
  onSubmit: (input: DecisionInput) => void;
  onClose: () => void;
}

/** 核准 / 駁回 with 審核意見 (required to reject), and for one approval 是否核發公務郵件. */
export function DecisionDialog({
  decision,
  title,
  description,
  officialMailDefault,
  pending,
  error,
  onSubmit,
  onClose,
}: DecisionDialogProps) {
  const [comment, setComment] = useState('');
  const [grant, setGrant] = useState(officialMailDefault ?? false);
  const [commentError, setCommentError] = useState<string | null>(null);
  const titleId = useId();
  const reject = decision === 'REJECT';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const trimmed = comment.trim();
    const problem = decisionCommentProblem(decision, trimmed);
    if (problem) {
      setCommentError(problem);
      return;
    }
    setCommentError(null);
    onSubmit(officialMailDefault === undefined ? { comment: trimmed } : { comment: trimmed, grantOfficialMail: grant });
  };

  return (
    <Dialog open onClose={pending ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText component="div">{description}</DialogContentText>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            {officialMailDefault !== undefined && (
              <FormControlLabel
                control={<Switch checked={grant} onChange={(event) => setGrant(event.target.checked)} disabled={pending} />}
                label={`是否核發公務郵件（申請人${officialMailDefault ? '需要' : '不需要'}公務郵件）`}
              />
            )}
            <TextField
              label={reject ? '駁回原因' : '審核意見（選填）'}
              name="comment"
              value={comment}
              onChange={(event) => {
                setComment(event.target.value);
                if (commentError) setCommentError(null);
              }}
              required={reject}
              multiline
              minRows={3}
              autoFocus
              disabled={pending}
              error={Boolean(commentError)}
              helperText={commentError ?? (reject ? '駁回原因將通知申請人。' : undefined)}
              slotProps={{ htmlInput: { maxLength: COMMENT_MAX_LENGTH } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button type="submit" variant="contained" color={reject ? 'error' : 'primary'} disabled={pending} loading={pending}>
            確定
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
