import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useResource } from '../../lib/data';
import { bookingsApi } from './api';
import type { TextFieldProps } from '@mui/material/TextField';
import type { ReactNode } from 'react';
import type { BookingFormErrors, BookingFormValues } from './bookingForm';
import { FormRow } from './FormRow';

/** What the kind's own fields get from the form: its values, errors and a field of the form's style. */
export interface FieldProps {
  values: BookingFormValues;
  errors: BookingFormErrors;
  set: (field: keyof BookingFormValues, value: string) => void;
  field: (name: keyof BookingFormValues, extra?: TextFieldProps) => ReactNode;
}

interface TailProps extends FieldProps {
  capacity: number | null;
  headcountLabel: string;
  idPrefix: string;
}

function HeadcountField({ field, capacity, headcountLabel, idPrefix }: TailProps) {
  return (
    <FormRow label={headcountLabel} required htmlFor={`${idPrefix}-headcount`}>
      {field('headcount', {
        type: 'number',
        sx: { maxWidth: 200 },
        slotProps: { htmlInput: { min: 0, ...(capacity !== null ? { max: capacity } : {}), inputMode: 'numeric' } },
        ...(capacity !== null ? { placeholder: `上限 ${capacity} 人` } : {}),
      })}
    </FormRow>
  );
}

function ReasonField({ field, idPrefix }: TailProps) {
  return (
    <FormRow label="申請事由" required htmlFor={`${idPrefix}-reason`}>
      {field('reason', { multiline: true, minRows: 2, slotProps: { htmlInput: { maxLength: 500 } } })}
    </FormRow>
  );
}

/** 場地: 與會人數 (≤ 容納人數), 主持人, 申請事由. */
export function VenueFields(props: TailProps) {
  return (
    <>
      <HeadcountField {...props} />
      <FormRow label="主持人" required htmlFor={`${props.idPrefix}-host`}>
        {props.field('host', { slotProps: { htmlInput: { maxLength: 50 } } })}
      </FormRow>
      <ReasonField {...props} />
    </>
  );
}

/** 公務車: 派遣司機 是 (one of the car's drivers free then) / 否，我要自駕. */
function Dispatch({ values, errors, set, field, carId, startsAt }: FieldProps & { carId: string; startsAt: string }) {
  const wanted = values.dispatch === 'yes' && values.endsAt !== '';
  const { data, error } = useResource(
    wanted ? (signal: AbortSignal) => bookingsApi.drivers(carId, startsAt, values.endsAt, signal) : null,
    [carId, startsAt, values.endsAt, wanted],
    { keepPrevious: false },
  );
  const drivers = data?.items ?? [];
  const hint = !values.endsAt
    ? '請先選擇結束時段'
    : (error ?? (data && drivers.length === 0 ? '此時段沒有可派遣的司機，請改選其他時段或自駕' : undefined));
  return (
    <FormRow label="派遣司機" required>
      <RadioGroup
        row
        aria-label="派遣司機"
        value={values.dispatch}
        onChange={(e) => {
          set('dispatch', e.target.value);
          set('driverId', '');
        }}
      >
        <FormControlLabel value="yes" control={<Radio size="small" />} label="是" />
        <FormControlLabel value="no" control={<Radio size="small" />} label="否，我要自駕" />
      </RadioGroup>
      {values.dispatch === 'yes' &&
        field('driverId', {
          select: true,
          fullWidth: false,
          sx: { minWidth: 200 },
          disabled: !values.endsAt || drivers.length === 0,
          helperText: errors.driverId ?? hint,
          slotProps: { htmlInput: { 'aria-label': '選擇司機' } },
          children: drivers.map((d) => (
            <MenuItem key={d.id} value={d.id}>
              {d.name}
            </MenuItem>
          )),
        })}
    </FormRow>
  );
}

/** 公務車: 申請事由, 乘坐人數(不含司機) (≤ 乘客人數上限), 目的地. */
function Trip(props: TailProps) {
  return (
    <>
      <ReasonField {...props} />
      <HeadcountField {...props} />
      <FormRow label="目的地" required htmlFor={`${props.idPrefix}-destination`}>
        {props.field('destination', { slotProps: { htmlInput: { maxLength: 100 } } })}
      </FormRow>
    </>
  );
}

export const CarFields = { Dispatch, Trip };
