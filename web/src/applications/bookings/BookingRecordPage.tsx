import { ConfirmActionDialog } from '../../common/ConfirmActionDialog';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useParams } from 'react-router';
import { StatusTimeline } from '../../apply/status/StatusTimeline';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { RouterLink } from '../../common/RouterLink';
import { useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { bookingsApi } from './api';
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
      <ConfirmActionDialog
        item={confirming ? (booking ?? null) : null}
        title="取消申請"
        message={(b) => `確定取消 ${b.resource.name} ${b.period} 的申請？取消後此時段將開放他人申請。`}
        confirmLabel="確定取消"
        action={(b) => bookingsApi.cancel(b.key)}
        onClose={() => setConfirming(false)}
        onDone={() => {
          setConfirming(false);
          setNotice('已取消申請。');
          void record.reload();
        }}
      />
    </>
  );
}
