import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { clock, WEEKDAY_LABELS, type DayHours } from '../../../../domain/bookings/slots';

const HOURS = Array.from({ length: 25 }, (_, h) => h * 60);

/** 開放借用時間: for each weekday 開放 or not, and its hours (「請選擇 - 請選擇」, whole hours). */
export function OpenHoursField({
  value,
  onChange,
  error,
}: {
  value: DayHours[];
  onChange: (value: DayHours[]) => void;
  error?: string;
}) {
  const setDay = (i: number, day: DayHours) => onChange(value.map((d, j) => (j === i ? day : d)));
  return (
    <FormControl component="fieldset" error={Boolean(error)} required fullWidth>
      <FormLabel component="legend">開放借用時間</FormLabel>
      <Stack spacing={1.5} sx={{ mt: 1.5 }}>
        {WEEKDAY_LABELS.map((weekday, i) => {
          const day = value[i] ?? null;
          return (
            <Stack
              key={weekday}
              direction="row"
              spacing={1}
              sx={{ alignItems: 'center', flexWrap: { xs: 'wrap', sm: 'nowrap' }, rowGap: 1 }}
            >
              <FormControlLabel
                sx={{ minWidth: 120 }}
                control={
                  <Checkbox
                    checked={day !== null}
                    onChange={(e) => setDay(i, e.target.checked ? { open: 8 * 60, close: 18 * 60 } : null)}
                  />
                }
                label={`${weekday} 開放`}
              />
              {day ? (
                <>
                  <HourSelect label={`${weekday}開始時間`} value={day.open} onChange={(open) => setDay(i, { ...day, open })} />
                  <Typography aria-hidden>-</Typography>
                  <HourSelect label={`${weekday}結束時間`} value={day.close} onChange={(close) => setDay(i, { ...day, close })} />
                </>
              ) : (
                <Typography sx={{ color: 'text.secondary' }}>不開放</Typography>
              )}
            </Stack>
          );
        })}
      </Stack>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}

function HourSelect({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(Number(e.target.value))}
      sx={{ width: 140, flexShrink: 0 }}
    >
      {HOURS.map((m) => (
        <MenuItem key={m} value={m}>
          {clock(m)}
        </MenuItem>
      ))}
    </TextField>
  );
}
