import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import { REPEAT_LABELS } from '../../../../domain/bookings/series';
import { REPEAT_COUNTS } from './bookingForm';
import type { FieldProps } from './KindFields';
import { FormRow } from './FormRow';

const CHOICES = [
  { value: 'NONE', label: '不重複' },
  { value: 'WEEK', label: REPEAT_LABELS.WEEK },
  { value: 'MONTH', label: REPEAT_LABELS.MONTH },
] as const;

/**
 * 重複: 不重複, 每週 (the same weekday and hours) or 每月 (the same day of the month), and 次數 counting the
 * first date. Each date becomes its own booking, reviewed on its own or together.
 */
export function RepeatFields({ values, field, idPrefix }: FieldProps & { idPrefix: string }) {
  const repeating = values.repeat !== 'NONE';
  return (
    <FormRow label="重複" htmlFor={`${idPrefix}-repeat`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        {field('repeat', {
          select: true,
          fullWidth: false,
          sx: { minWidth: 120 },
          slotProps: { htmlInput: { 'aria-label': '重複' } },
          children: CHOICES.map((c) => (
            <MenuItem key={c.value} value={c.value}>
              {c.label}
            </MenuItem>
          )),
        })}
        {repeating &&
          field('repeatCount', {
            select: true,
            fullWidth: false,
            label: '次數',
            sx: { minWidth: 110 },
            children: REPEAT_COUNTS.map((n) => (
              <MenuItem key={n} value={n}>
                {n} 次
              </MenuItem>
            )),
          })}
      </Stack>
    </FormRow>
  );
}
