import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { BOOKING_STATUS_LABELS } from '../../../../domain/bookings/labels';
import type { BookingKind, RecordsFilter } from './api';

const KEYWORD_HINT: Record<BookingKind, string> = {
  VENUE: '場地、登記者、借用單位或主持人',
  CAR: '公務車車型或公務車所屬機關',
};

/** 關鍵字, 起日 – 迄日, 審核狀態 and 查詢 of 場地借用紀錄 / 公務車申請紀錄. */
export function RecordFilters({
  kind,
  initial,
  onSearch,
}: {
  kind: BookingKind;
  initial: RecordsFilter;
  onSearch: (filter: RecordsFilter) => void;
}) {
  const [filter, setFilter] = useState(initial);
  const [rangeError, setRangeError] = useState<string | null>(null);
  const set = (field: keyof RecordsFilter) => (event: { target: { value: string } }) =>
    setFilter((f) => ({ ...f, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (filter.from && filter.to && filter.to < filter.from) return setRangeError('迄日不可早於起日');
    setRangeError(null);
    onSearch({ ...filter, q: filter.q.trim() });
  };
  return (
    <Box
      component="form"
      role="search"
      aria-label="查詢條件"
      noValidate
      onSubmit={submit}
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'minmax(220px, 2fr) repeat(3, minmax(150px, 1fr)) auto' },
        alignItems: 'start',
      }}
    >
      <TextField
        label="關鍵字"
        size="small"
        value={filter.q}
        onChange={set('q')}
        placeholder={KEYWORD_HINT[kind]}
        slotProps={{ htmlInput: { maxLength: 64 } }}
      />
      <TextField
        type="date"
        label="起日"
        size="small"
        value={filter.from}
        onChange={set('from')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        type="date"
        label="迄日"
        size="small"
        value={filter.to}
        onChange={set('to')}
        error={Boolean(rangeError)}
        helperText={rangeError}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField select label="審核狀態" size="small" value={filter.status} onChange={set('status')}>
        <MenuItem value="">全部</MenuItem>
        {Object.entries(BOOKING_STATUS_LABELS).map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <div>
        <Button type="submit" variant="contained" startIcon={<SearchOutlined />}>
          查詢
        </Button>
      </div>
    </Box>
  );
}
