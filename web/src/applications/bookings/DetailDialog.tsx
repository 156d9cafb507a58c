import CloseOutlined from '@mui/icons-material/CloseOutlined';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { LoadingScreen } from '../../common/LoadingScreen';
import { RouterLink } from '../../common/RouterLink';
import { useResource } from '../../lib/data';
import { bookingsApi } from './api';
import { BookingDetails } from './BookingDetails';
import { bookingRecordPath } from './paths';

/** 詳細: the booking in a dialog that X closes, with the way to its own page (timeline, 取消申請). */
export function DetailDialog({ bookingKey, onClose }: { bookingKey: string | null; onClose: () => void }) {
  const { data, error } = useResource(
    bookingKey ? (signal: AbortSignal) => bookingsApi.record(bookingKey, signal) : null,
    [bookingKey],
    { keepPrevious: false },
  );
  return (
    <Dialog open={bookingKey !== null} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="booking-detail-title">
      <DialogTitle id="booking-detail-title" sx={{ pr: 6 }}>
        申請詳細資料
      </DialogTitle>
      <IconButton aria-label="關閉" onClick={onClose} sx={{ position: 'absolute', right: 8, top: 8 }}>
        <CloseOutlined />
      </IconButton>
      <DialogContent dividers>
        {error && <Alert severity="error">{error}</Alert>}
        {!data && !error && <LoadingScreen label="讀取中…" />}
        {data && (
          <>
            <BookingDetails booking={data} />
            <Typography sx={{ mt: 2 }}>
              <RouterLink to={bookingRecordPath(data.key)}>查看申請歷程</RouterLink>
            </Typography>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
