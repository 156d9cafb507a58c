import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Rating from '@mui/material/Rating';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { REPAIR_MESSAGES } from '../../../../domain/repairs/rules';
import { repairRateSchema, repairReturnSchema } from '../../../../domain/schemas/repair';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { useMutation, useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { repairsApi, repairTypePath, type RepairTicketDetail } from './api';
import { RepairTicketSections } from './RepairTicketView';

const RATING_WORDS: Record<number, string> = { 1: '很不滿意', 2: '不滿意', 3: '普通', 4: '滿意', 5: '很滿意' };

/** 報修案件: the ticket, its photos, 處理狀況回覆 in order and 處理歷程; 評分 / 退回 once it is 已處理. */
export default function RepairTicketPage() {
  const { key = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const ticket = useResource((signal: AbortSignal) => repairsApi.ticket(key, signal), [key], { keepPrevious: false });
  const [dialog, setDialog] = useState<'rate' | 'return' | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const t = ticket.data;
  const done = (message: string) => (value: RepairTicketDetail) => {
    setDialog(null);
    setNotice(message);
    ticket.set({ ...t!, ...value });
    void ticket.reload();
  };

  return (
    <>
      <PageHeading
        title={ROUTES.repairTicket.title}
        actions={
          <Button
            variant="outlined"
            // The page it was opened from (報修類型詳細頁 or 我的維修); from a mail's link, the type's page.
            onClick={() => void (location.key !== 'default' || !t ? navigate(-1) : navigate(repairTypePath(t.repairType.id)))}
          >
            返回
          </Button>
        }
      />
      {ticket.error && <Alert severity="error">{ticket.error}</Alert>}
      {!t && !ticket.error && <LoadingScreen label="讀取報修案件中…" />}
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {t && (
        <RepairTicketSections
          ticket={t}
          actions={
            (t.allowedActions.includes('rate') || t.allowedActions.includes('return')) && (
              <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'flex-end', mt: 2 }}>
                {t.allowedActions.includes('return') && (
                  <Button color="warning" variant="outlined" onClick={() => setDialog('return')}>
                    退回
                  </Button>
                )}
                {t.allowedActions.includes('rate') && (
                  <Button variant="contained" onClick={() => setDialog('rate')}>
                    評分
                  </Button>
                )}
              </Stack>
            )
          }
        />
      )}
      {t && dialog === 'rate' && (
        <RateDialog ticketKey={t.key} onClose={() => setDialog(null)} onDone={done('已完成評分，此報修案件已結案。')} />
      )}
      {t && dialog === 'return' && (
        <ReturnDialog ticketKey={t.key} onClose={() => setDialog(null)} onDone={done('已退回，維修人員將重新處理。')} />
      )}
    </>
  );
}

function RateDialog({
  ticketKey,
  onClose,
  onDone,
}: {
  ticketKey: string;
  onClose: () => void;
  onDone: (t: RepairTicketDetail) => void;
}) {
  const [rating, setRating] = useState<number | null>(null);
  const [hover, setHover] = useState(-1);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const rate = useMutation((input: { rating: number; note?: string }) => repairsApi.rate(ticketKey, input), {
    onSuccess: onDone,
  });
  const confirm = () => {
    const parsed = repairRateSchema.safeParse({ rating: rating ?? undefined, note: note.trim() || undefined });
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? REPAIR_MESSAGES.RATING_RANGE);
    setProblem(null);
    void rate.run(parsed.data);
  };
  const shown = hover !== -1 ? hover : rating;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="rate-title">
      <DialogTitle id="rate-title">評分</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {(problem || rate.error) && <Alert severity="error">{problem ?? rate.error}</Alert>}
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
            <Rating
              name="rating"
              value={rating}
              size="large"
              onChange={(_e, value) => setRating(value)}
              onChangeActive={(_e, value) => setHover(value)}
              getLabelText={(value) => `${value} 分（${RATING_WORDS[value]}）`}
            />
            <Typography sx={{ color: 'text.secondary' }}>
              {shown ? `${shown} 分 ${RATING_WORDS[shown]}` : '請選擇 1 至 5 分'}
            </Typography>
          </Box>
          <TextField label="備註" multiline minRows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" onClick={confirm} loading={rate.pending}>
          確認
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function ReturnDialog({
  ticketKey,
  onClose,
  onDone,
}: {
  ticketKey: string;
  onClose: () => void;
  onDone: (t: RepairTicketDetail) => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const giveBack = useMutation((text: string) => repairsApi.giveBack(ticketKey, text), { onSuccess: onDone });
  const confirm = () => {
    const parsed = repairReturnSchema.safeParse({ reason });
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? REPAIR_MESSAGES.REASON_REQUIRED);
    setProblem(null);
    void giveBack.run(parsed.data.reason);
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="return-title">
      <DialogTitle id="return-title">退回</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {giveBack.error && <Alert severity="error">{giveBack.error}</Alert>}
          <Typography sx={{ color: 'text.secondary' }}>處理狀況與實際情況不符時，請說明退回原因，維修人員將重新處理。</Typography>
          <TextField
            label="退回原因"
            required
            multiline
            minRows={3}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setProblem(null);
            }}
            error={Boolean(problem)}
            helperText={problem}
            autoFocus
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" color="warning" onClick={confirm} loading={giveBack.pending}>
          確定
        </Button>
      </DialogActions>
    </Dialog>
  );
}
