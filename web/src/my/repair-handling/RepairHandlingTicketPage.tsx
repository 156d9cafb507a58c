import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { repairReplySchema } from '../../../../domain/schemas/repair';
import { useSession } from '../../auth/session';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { RouterLink } from '../../common/RouterLink';
import { isApiError } from '../../lib/api';
import { useMutation, useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { repairsApi, type RepairTicketDetail } from '../../applications/repairs/api';
import { RepairTicketSections } from '../../applications/repairs/RepairTicketView';

/** datetime-local's value for an instant, in the browser's (Taipei) time. */
const localValue = (at: Date) => {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
};

/** 報修處理狀況回報 › a ticket: what was reported and answered, and the reply form while 待處理. */
export default function RepairHandlingTicketPage() {
  const { key = '' } = useParams();
  const ticket = useResource((signal: AbortSignal) => repairsApi.ticket(key, signal), [key], { keepPrevious: false });
  const [notice, setNotice] = useState<string | null>(null);
  const t = ticket.data;
  return (
    <>
      <PageHeading
        title={ROUTES.repairHandlingTicket.title}
        actions={<RouterLink to={ROUTES.repairHandling.path}>返回報修案件清單</RouterLink>}
      />
      {ticket.error && <Alert severity="error">{ticket.error}</Alert>}
      {!t && !ticket.error && <LoadingScreen label="讀取報修案件中…" />}
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {t && (
        <Stack spacing={3}>
          {t.allowedActions.includes('reply') && (
            <ReplyForm
              ticket={t}
              onDone={(value) => {
                setNotice('已送出處理狀況回報，已通知報修人。');
                ticket.set({ ...t, ...value });
                void ticket.reload();
              }}
            />
          )}
          <RepairTicketSections ticket={t} />
        </Stack>
      )}
    </>
  );
}

function ReplyForm({ ticket, onDone }: { ticket: RepairTicketDetail; onDone: (t: RepairTicketDetail) => void }) {
  const { state } = useSession();
  const [handlerName, setHandlerName] = useState(state.status === 'authenticated' ? state.user.name : '');
  const [handledAt, setHandledAt] = useState(() => localValue(new Date()));
  const [result, setResult] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const reply = useMutation(
    (input: { handlerName: string; handledAt: string; result: string; categoryId: string }) =>
      repairsApi.reply(ticket.key, input),
    {
      onSuccess: onDone,
      onError: (cause) => {
        if (isApiError(cause) && Object.keys(cause.fields).length) {
          setErrors(cause.fields);
          return null;
        }
      },
    },
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const at = handledAt ? new Date(handledAt) : null;
    const parsed = repairReplySchema.safeParse({
      handlerName,
      handledAt: at && !Number.isNaN(at.getTime()) ? at.toISOString() : '',
      result,
      categoryId,
    });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
      return setErrors(fields);
    }
    setErrors({});
    void reply.run(parsed.data);
  };
  return (
    <Paper component="form" noValidate onSubmit={onSubmit} aria-labelledby="reply-title" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="reply-title" variant="h2" sx={{ mb: 2 }}>
        處理狀況回報
      </Typography>
      <Stack spacing={2.5} sx={{ maxWidth: 720 }}>
        {reply.error && <Alert severity="error">{reply.error}</Alert>}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            required
            fullWidth
            label="處理人員"
            value={handlerName}
            onChange={(e) => {
              setHandlerName(e.target.value);
              setErrors((x) => ({ ...x, handlerName: '' }));
            }}
            error={Boolean(errors.handlerName)}
            helperText={errors.handlerName}
          />
          <TextField
            required
            fullWidth
            type="datetime-local"
            label="處理時間"
            value={handledAt}
            onChange={(e) => {
              setHandledAt(e.target.value);
              setErrors((x) => ({ ...x, handledAt: '' }));
            }}
            error={Boolean(errors.handledAt)}
            helperText={errors.handledAt}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
        <TextField
          required
          multiline
          minRows={3}
          label="處理結果"
          value={result}
          onChange={(e) => {
            setResult(e.target.value);
            setErrors((x) => ({ ...x, result: '' }));
          }}
          error={Boolean(errors.result)}
          helperText={errors.result}
        />
        <TextField
          select
          required
          label="分類"
          value={categoryId}
          onChange={(e) => {
            setCategoryId(e.target.value);
            setErrors((x) => ({ ...x, categoryId: '' }));
          }}
          error={Boolean(errors.categoryId)}
          helperText={errors.categoryId}
        >
          {(ticket.categories ?? []).map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {`${ticket.repairType.name}-${c.name}`}
            </MenuItem>
          ))}
        </TextField>
        <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
          <Button type="submit" variant="contained" loading={reply.pending}>
            送出
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
