import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { forwardRef } from 'react';
import { RouterLink } from '../../common/RouterLink';
import type { SubmittedSeries } from './api';
import { bookingRecordPath } from './paths';

/** 重複借用 sent: each booked date with its status and record, and the dates skipped. */
export const SeriesResult = forwardRef<HTMLElement, { result: SubmittedSeries; onContinue: () => void }>(function SeriesResult(
  { result, onContinue },
  ref,
) {
  const { booked, skipped } = result;
  return (
    <Paper component="section" ref={ref} aria-label="申請結果" sx={{ p: { xs: 2, sm: 3 } }}>
      <Alert severity="success" sx={{ mb: 2 }}>
        已送出 {booked.length} 個日期的申請，狀態：{booked[0]?.statusLabel}
      </Alert>
      <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600 }}>
        已申請的日期
      </Typography>
      <List dense aria-label="已申請的日期">
        {booked.map((b) => (
          <ListItem key={b.key} disableGutters>
            <ListItemText
              primary={`第 ${b.seriesIndex} 次：${b.when}`}
              secondary={
                <RouterLink to={bookingRecordPath(b.key)}>
                  {b.key}（{b.statusLabel}）
                </RouterLink>
              }
            />
          </ListItem>
        ))}
      </List>
      {skipped.length > 0 && (
        <>
          <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600, mt: 1 }}>
            已略過的日期
          </Typography>
          <List dense aria-label="已略過的日期">
            {skipped.map((d) => (
              <ListItem key={d.index} disableGutters>
                <ListItemText primary={`${d.when}，${d.stateLabel}`} />
              </ListItem>
            ))}
          </List>
        </>
      )}
      {result.skippedMonths.map((m) => (
        <Typography key={m.month} variant="body2" sx={{ color: 'text.secondary' }}>
          {m.note}
        </Typography>
      ))}
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <Button onClick={onContinue}>繼續申請</Button>
      </Stack>
    </Paper>
  );
});
