import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useParams } from 'react-router';
import { StatusTimeline } from '../../apply/status/StatusTimeline';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { RouterLink } from '../../common/RouterLink';
import { useMutation, useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { bookingsApi, type BookingDetail } from './api';
import { BookingDetails } from './BookingDetails';

/** 場地及公務車申請紀錄 › 借用申請明細: status, every field, 申請歷程, and 取消申請 before the start. */
export default function BookingRecordPage() {
  const { id: key = '' } = useParams();
  const record = useResource((signal: AbortSignal) => bookingsApi.record(key, signal), [key], { keepPrevious: false });
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const booking = record.data;
  const backTo = `${ROUTES.bookingRecords.path}${booking?.kind === 'CAR' ? '?kind=CAR' : ''}`;

  return (
    <>
      <PageHeading title={ROUTES.bookingRecord.title} actions={<RouterLink to={backTo}>返回申請紀錄</RouterLink>} />
      {record.error && <Alert severity="error">{record.error}</Alert>}
      {!booking && !record.error && <LoadingScreen label="讀取申請中…" />}
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {booking && (
        <Stack spacing={3}>
          <Paper component="section" aria-label="申請內容" sx={{ p: { xs: 2, sm: 3 } }}>
            <BookingDetails booking={booking} />
            {booking.allowedActions.includes('cancel') && (
              <Stack direction="row" sx={{ justifyContent: 'flex-end', mt: 2 }}>
                <Button color="error" variant="outlined" onClick={() => setConfirming(true)}>
                  取消申請
                </Button>
              </Stack>
            )}
          </Paper>
          <Paper component="section" aria-labelledby="booking-timeline" sx={{ p: { xs: 2, sm: 3 } }}>
            <Typography id="booking-timeline" variant="h2" sx={{ mb: 2 }}>
              申請歷程
            </Typography>
            <StatusTimeline events={booking.events} />
          </Paper>
        </Stack>
      )}
      <CancelDialog
        booking={confirming ? (booking ?? null) : null}
        onClose={() => setConfirming(false)}
        onCancelled={() => {
          setConfirming(false);
          setNotice('已取消申請。');
          void record.reload();
        }}
      />
    </>
  );
}

function CancelDialog({
  booking,
  onClose,
  onCancelled,
}: {
  booking: BookingDetail | null;
  onClose: () => void;
  onCancelled: () => void;
}) {
  const cancel = useMutation((key: string) => bookingsApi.cancel(key), { onSuccess: onCancelled });
  const close = () => {
    cancel.reset();
    onClose();
  };
  return (
    <Dialog open={booking !== null} onClose={close} aria-labelledby="cancel-booking-title">
      <DialogTitle id="cancel-booking-title">取消申請</DialogTitle>
      <DialogContent>
        {cancel.error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {cancel.error}
          </Alert>
        )}
        {booking && (
          <DialogContentText>
            確定取消 {booking.resource.name} {booking.period} 的申請？取消後此時段將開放他人申請。
          </DialogContentText>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={cancel.pending}>
          返回
        </Button>
        <Button
          color="error"
          variant="contained"
          onClick={() => booking && void cancel.run(booking.key)}
          loading={cancel.pending}
        >
          確定取消
        </Button>
      </DialogActions>
    </Dialog>
  );
}
