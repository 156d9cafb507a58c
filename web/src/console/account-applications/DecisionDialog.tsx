import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { COMMENT_MAX_LENGTH, decisionCommentProblem } from '../../../../domain/requests/decision';
import type { Decision, ReviewDecision } from '../../lib/api';
import { REVIEW_WORDS, type ReviewWords } from './reviewQuery';

export interface DecisionInput {
  comment: string;
  /** The decision, when the dialog let the reviewer choose it (批次審核's 審核狀態). */
  decision?: Decision;
  /** The answer to `choice`, when the dialog asked it. */
  choice?: boolean;
}

/** A yes/no an inbox asks with its decision (帳號申請 核准: 是否核發公務郵件), starting at `initial`. */
export interface DecisionChoice {
  label: string;
  initial: boolean;
}

interface DecisionDialogProps {
  /** 核准 / 駁回, or 退回補正 (the comment then says what to correct). */
  decision: ReviewDecision;
  title: string;
  /** What the decision will do. */
  description?: ReactNode;
  /** A yes/no of the inbox's own, asked with this decision (帳號申請 核准: 是否核發公務郵件). */
  choice?: DecisionChoice;
  pending: boolean;
  error?: string | null;
  /** The inbox's words (場地借用審核: 通過 / 駁回 with 審核說明). */
  words?: ReviewWords;
  /** 批次審核: 審核數量 shown and 審核狀態 chosen in the dialog, starting at `decision`. */
  batchCount?: number;
  onSubmit: (input: DecisionInput) => void;
  onClose: () => void;
}

/** 核准 / 駁回 with 審核意見 (required to reject), and the inbox's own yes/no if it asks one (是否核發公務郵件). */
export function DecisionDialog({
  decision: initial,
  title,
  description,
  choice,
  pending,
  error,
  words = REVIEW_WORDS,
  batchCount,
  onSubmit,
  onClose,
}: DecisionDialogProps) {
  const [decision, setDecision] = useState<ReviewDecision>(initial);
  const [comment, setComment] = useState('');
  const [grant, setGrant] = useState(choice?.initial ?? false);
  const [commentError, setCommentError] = useState<string | null>(null);
  const titleId = useId();
  const reject = decision === 'REJECT';
  const sendBack = decision === 'RETURN';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const trimmed = comment.trim();
    const problem = decisionCommentProblem(decision, trimmed);
    if (problem) {
      setCommentError(problem.replace('審核意見', words.comment));
      return;
    }
    setCommentError(null);
    const chosen = batchCount === undefined || decision === 'RETURN' ? {} : { decision };
    onSubmit(choice === undefined ? { comment: trimmed, ...chosen } : { comment: trimmed, choice: grant, ...chosen });
  };

  return (
    <Dialog open onClose={pending ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            {description && <DialogContentText component="div">{description}</DialogContentText>}
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            {batchCount !== undefined && (
              <>
                <DialogContentText>審核數量：{batchCount} 筆</DialogContentText>
                <FormControl disabled={pending}>
                  <FormLabel id={`${titleId}-decision`}>審核狀態</FormLabel>
                  <RadioGroup
                    row
                    aria-labelledby={`${titleId}-decision`}
                    value={decision}
                    onChange={(event) => {
                      setDecision(event.target.value as Decision);
                      setCommentError(null);
                    }}
                  >
                    {(['APPROVE', 'REJECT'] as const).map((d) => (
                      <FormControlLabel key={d} value={d} control={<Radio />} label={words.decisions[d]} />
                    ))}
                  </RadioGroup>
                </FormControl>
              </>
            )}
            {choice !== undefined && (
              <FormControlLabel
                control={<Switch checked={grant} onChange={(event) => setGrant(event.target.checked)} disabled={pending} />}
                label={choice.label}
              />
            )}
            <TextField
              label={sendBack ? '退回補正原因' : commentLabel(words, reject)}
              name="comment"
              value={comment}
              onChange={(event) => {
                setComment(event.target.value);
                if (commentError) setCommentError(null);
              }}
              required={reject || sendBack}
              multiline
              minRows={3}
              autoFocus
              disabled={pending}
              error={Boolean(commentError)}
              helperText={
                commentError ??
                (sendBack
                  ? '退回補正原因將通知申請人，申請人補正後重新送審。'
                  : reject
                    ? `${words === REVIEW_WORDS ? '駁回原因' : words.comment}將通知申請人。`
                    : undefined)
              }
              slotProps={{ htmlInput: { maxLength: COMMENT_MAX_LENGTH } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={pending}>
            取消
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={reject ? 'error' : sendBack ? 'warning' : 'primary'}
            disabled={pending}
            loading={pending}
          >
            確定
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** 駁回原因 / 審核意見（選填） by default; an inbox with its own word keeps it (審核說明（駁回時必填）). */
function commentLabel(words: ReviewWords, reject: boolean) {
  if (words === REVIEW_WORDS) return reject ? '駁回原因' : '審核意見（選填）';
  return reject ? `${words.comment}（駁回時必填）` : `${words.comment}（選填）`;
}
