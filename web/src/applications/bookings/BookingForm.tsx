import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { forwardRef, useEffect, useId, useState, type FormEvent } from 'react';
import { clock, taipeiParts } from '../../../../domain/bookings/slots';
import { accountApi } from '../../account/api';
import { useSession } from '../../auth/session';
import { RouterLink } from '../../common/RouterLink';
import { isApiError } from '../../lib/api';
import { useMutation, useResource } from '../../lib/data';
import { bookingsApi, type BookingKind, type ResourceInfo, type SeriesPreview, type SubmittedSeries } from './api';
import {
  bookingFormErrors,
  bookingRequest,
  emptyBookingForm,
  formFieldErrors,
  type BookingFormErrors,
  type BookingFormValues,
} from './bookingForm';
import { CarFields, VenueFields, type FieldProps } from './KindFields';
import { FormRow } from './FormRow';
import { bookingRecordPath } from './paths';
import { RepeatFields } from './RepeatFields';
import { SeriesConflictDialog } from './SeriesConflictDialog';
import { SeriesResult } from './SeriesResult';
import { KIND_WORDS } from './words';

const timeOf = (iso: string) => clock(taipeiParts(new Date(iso)).minutes);
const endClock = (iso: string, startDate: string) => {
  const { date, minutes } = taipeiParts(new Date(iso));
  return date === startDate ? clock(minutes) : '24:00';
};

/**
 * 申請資訊: the frame both pages share — 借用日期, 登記時段 (start fixed, end from the drop-down), 重複,
 * 登記者, 登記者公務電話 / 分機 (pre-filled from 個人帳號管理), 借用單位 — around the fields of a venue or a
 * car; 儲存 / 確定申請 sends it, a taken slot offers 加入候補, success names the status and links the record.
 * Repeated, 儲存 first asks which dates can be booked; dates that cannot are listed for 「略過衝突日期並送出」.
 */
export const BookingForm = forwardRef<
  HTMLElement,
  {
    kind: BookingKind;
    resource: ResourceInfo;
    startsAt: string;
    ends: string[];
    initialEnd?: string;
    onCancel: () => void;
    onSubmitted: () => void;
  }
>(function BookingForm({ kind, resource, startsAt, ends, initialEnd, onCancel, onSubmitted }, ref) {
  const words = KIND_WORDS[kind];
  const id = useId();
  const { state } = useSession();
  const user = state.status === 'authenticated' ? state.user : null;
  const { data: account } = useResource(accountApi.get);
  const [values, setValues] = useState<BookingFormValues>(() => ({ ...emptyBookingForm(), endsAt: initialEnd ?? '' }));
  const [errors, setErrors] = useState<BookingFormErrors>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const [result, setResult] = useState<{ key: string; statusLabel: string } | null>(null);
  const [preview, setPreview] = useState<SeriesPreview | null>(null);
  const [seriesResult, setSeriesResult] = useState<SubmittedSeries | null>(null);
  const startDate = taipeiParts(new Date(startsAt)).date;

  // 登記者公務電話 and 分機 as 個人帳號管理 keeps them, unless the user typed something already.
  useEffect(() => {
    if (!account) return;
    setValues((v) => ({
      ...v,
      phone: v.phone || account.profile.officePhone || '',
      phoneExt: v.phoneExt || account.profile.officeExt || '',
    }));
  }, [account]);

  const set = (field: keyof BookingFormValues, value: string) => setValues((v) => ({ ...v, [field]: value }));
  /** Field errors from the server go on their fields; the message stays where it was asked. */
  const fieldErrors = (cause: unknown) => {
    if (!isApiError(cause) || Object.keys(cause.fields).length === 0) return undefined;
    setErrors(formFieldErrors(cause.fields));
    return cause.message;
  };
  const submit = useMutation(
    (waitlist: boolean) => bookingsApi.submit(bookingRequest(kind, resource.id, startsAt, values, { waitlist })),
    {
      onSuccess: (answer) => {
        setConflict(null);
        setResult(answer);
        onSubmitted();
      },
      onError: (cause) => {
        if (isApiError(cause) && cause.code === 'BOOKING_CONFLICT') {
          setConflict(cause.message);
          return null;
        }
        return fieldErrors(cause);
      },
    },
  );
  const series = useMutation(
    (skipConflicts: boolean) => bookingsApi.submitSeries(bookingRequest(kind, resource.id, startsAt, values, { skipConflicts })),
    {
      onSuccess: (answer) => {
        setPreview(null);
        setSeriesResult(answer);
        onSubmitted();
      },
      onError: (cause) => {
        const fields = fieldErrors(cause);
        if (fields) setPreview(null);
        return fields;
      },
    },
  );
  // 儲存 of a series: when every date can be asked it is sent at once, else the dialog lists the others.
  const check = useMutation(() => bookingsApi.previewSeries(bookingRequest(kind, resource.id, startsAt, values)), {
    onSuccess: (answer) => {
      if (answer.dates.every((d) => d.state === 'AVAILABLE')) void series.run(false);
      else setPreview(answer);
    },
    onError: fieldErrors,
  });
  const pending = submit.pending || check.pending || series.pending;

  const send = (event: FormEvent) => {
    event.preventDefault();
    const found = bookingFormErrors(kind, values, resource.capacity);
    setErrors(found);
    setConflict(null);
    if (Object.keys(found).length > 0) return;
    series.reset();
    if (values.repeat === 'NONE') void submit.run(false);
    else void check.run();
  };

  const field = (name: keyof BookingFormValues, extra: TextFieldProps = {}) => (
    <TextField
      id={`${id}-${name}`}
      size="small"
      fullWidth
      value={values[name]}
      onChange={(e) => set(name, e.target.value)}
      error={Boolean(errors[name])}
      helperText={errors[name]}
      {...extra}
    />
  );
  const fieldProps: FieldProps = { values, errors, set, field };

  if (seriesResult) return <SeriesResult ref={ref} result={seriesResult} onContinue={onCancel} />;
  if (result) {
    return (
      <Paper component="section" ref={ref} aria-label="申請結果" sx={{ p: { xs: 2, sm: 3 } }}>
        <Alert severity="success" sx={{ mb: 2 }}>
          已送出申請，狀態：{result.statusLabel}
        </Alert>
        <Stack direction="row" spacing={2}>
          <RouterLink to={bookingRecordPath(result.key)}>查看申請紀錄</RouterLink>
          <Button onClick={onCancel}>繼續申請</Button>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper component="section" ref={ref} aria-labelledby={`${id}-title`} sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id={`${id}-title`} variant="h2" sx={{ mb: 1 }}>
        申請資訊
      </Typography>
      {[submit.error, check.error, preview ? null : series.error].filter(Boolean).map((message) => (
        <Alert key={message} severity="error" sx={{ mb: 2 }}>
          {message}
        </Alert>
      ))}
      {conflict && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={() => void submit.run(true)} loading={submit.pending}>
              加入候補
            </Button>
          }
        >
          {conflict}
        </Alert>
      )}
      <Stack component="form" noValidate onSubmit={send} divider={<Divider flexItem />}>
        {kind === 'VENUE' ? (
          <FormRow label="使用場地">{resource.name}</FormRow>
        ) : (
          <>
            <FormRow label="使用車型">{resource.vehicleType}</FormRow>
            <FormRow label="車號">{resource.name}</FormRow>
          </>
        )}
        <FormRow label="借用日期" required>
          {startDate}
        </FormRow>
        <FormRow label="登記時段" required htmlFor={`${id}-endsAt`}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <span>{timeOf(startsAt)}</span>
            <span aria-hidden>-</span>
            {field('endsAt', {
              select: true,
              fullWidth: false,
              sx: { minWidth: 120 },
              slotProps: { htmlInput: { 'aria-label': '結束時段' } },
              children: ends.map((end) => (
                <MenuItem key={end} value={end}>
                  {endClock(end, startDate)}
                </MenuItem>
              )),
            })}
          </Stack>
        </FormRow>
        <RepeatFields {...fieldProps} idPrefix={id} />
        {kind === 'CAR' && <CarFields.Dispatch {...fieldProps} carId={resource.id} startsAt={startsAt} />}
        <FormRow label="登記者">{user?.account}</FormRow>
        <FormRow label="登記者公務電話" required htmlFor={`${id}-phone`}>
          {field('phone', { slotProps: { htmlInput: { maxLength: 20, inputMode: 'tel' } } })}
        </FormRow>
        <FormRow label="登記者分機" required htmlFor={`${id}-phoneExt`}>
          {field('phoneExt', { slotProps: { htmlInput: { maxLength: 10 } } })}
        </FormRow>
        <FormRow label="借用單位">{user?.organization.pathLabel}</FormRow>
        {kind === 'VENUE' ? (
          <VenueFields {...fieldProps} capacity={resource.capacity} headcountLabel={words.headcount} idPrefix={id} />
        ) : (
          <CarFields.Trip {...fieldProps} capacity={resource.capacity} headcountLabel={words.headcount} idPrefix={id} />
        )}
        <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'flex-end', pt: 2 }}>
          <Button type="submit" variant="contained" loading={pending}>
            {words.submit}
          </Button>
          <Button onClick={onCancel} disabled={pending}>
            取消
          </Button>
        </Stack>
      </Stack>
      <SeriesConflictDialog
        preview={preview}
        pending={series.pending}
        error={series.error}
        onSkip={() => void series.run(true)}
        onClose={() => {
          setPreview(null);
          series.reset();
        }}
      />
    </Paper>
  );
});
