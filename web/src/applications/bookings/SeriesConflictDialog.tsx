import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import type { SeriesPreview } from './api';

/**
 * 儲存 of a 重複借用 whose dates are not all 可申請: the dates that cannot be asked and why, then
 * 「略過衝突日期並送出」 (the others are booked) or 取消 (nothing is). With no date left, only 取消.
 */
export function SeriesConflictDialog({
  preview,
  pending,
  error,
  onSkip,
  onClose,
}: {
  preview: SeriesPreview | null;
  pending: boolean;
  error: string | null;
  onSkip: () => void;
  onClose: () => void;
}) {
  const refused = preview?.dates.filter((d) => d.state !== 'AVAILABLE') ?? [];
  const free = (preview?.dates.length ?? 0) - refused.length;
  return (
    <Dialog
      open={preview !== null}
      onClose={pending ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="series-conflict-title"
    >
      <DialogTitle id="series-conflict-title">{free > 0 ? '部分日期無法申請' : '所選日期皆無法申請'}</DialogTitle>
      <DialogContent dividers>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <DialogContentText>
          {free > 0
            ? `下列 ${refused.length} 個日期無法申請；略過後將送出其餘 ${free} 個日期的申請。`
            : '下列日期皆無法申請，請改選其他時段。'}
        </DialogContentText>
        <List dense aria-label="無法申請的日期">
          {refused.map((d) => (
            <ListItem key={d.index} disableGutters>
              <ListItemText
                primary={`第 ${d.index} 次：${d.when}，${d.stateLabel}`}
                // 此時段已被申請（…）only repeats the line; 不開放's weekday hours and a busy driver say more.
                secondary={d.reason?.startsWith(`${d.stateLabel}（`) ? null : d.reason}
              />
            </ListItem>
          ))}
        </List>
        {preview?.skippedMonths.map((m) => (
          <DialogContentText key={m.month} variant="body2">
            {m.note}
          </DialogContentText>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          取消
        </Button>
        {free > 0 && (
          <Button variant="contained" onClick={onSkip} loading={pending}>
            略過衝突日期並送出
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
