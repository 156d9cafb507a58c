import ExpandLessOutlined from '@mui/icons-material/ExpandLessOutlined';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { LOGIN_ACTION_OPTIONS, LOGIN_METHOD_OPTIONS, LOGIN_RESULT_OPTIONS } from '../../../../domain/login-records';
import { rangeErrors, type RecordsQuery } from './recordsQuery';

type Filters = Pick<RecordsQuery, 'from' | 'to' | 'method' | 'action' | 'result'>;

const ADVANCED = [
  { field: 'method', label: '登入方式', options: LOGIN_METHOD_OPTIONS },
  { field: 'action', label: '動作', options: LOGIN_ACTION_OPTIONS },
  { field: 'result', label: '操作結果', options: LOGIN_RESULT_OPTIONS },
] as const;

/**
 * 起日 / 迄日 and 查詢; with `advanced`, the 進階查詢 fields 登入方式, 動作 and 操作結果. The range is
 * checked as the server checks it before anything is asked.
 */
export function RecordFilters({
  initial,
  advanced,
  onSearch,
}: {
  initial: Filters;
  advanced?: boolean;
  onSearch: (filters: Filters) => void;
}) {
  const [filters, setFilters] = useState<Filters>(initial);
  const [errors, setErrors] = useState<Partial<Record<'from' | 'to', string>>>({});
  const [showAdvanced, setShowAdvanced] = useState(Boolean(initial.method || initial.action || initial.result));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = rangeErrors(filters.from, filters.to);
    setErrors(found);
    if (!found.from && !found.to) onSearch(filters);
  };
  const set = (field: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [field]: event.target.value }));

  return (
    <Paper
      component="form"
      role="search"
      aria-label="查詢條件"
      noValidate
      onSubmit={submit}
      sx={{ p: { xs: 2, sm: 2.5 }, mb: 2 }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
        <TextField
          type="date"
          label="起日"
          size="small"
          value={filters.from}
          onChange={set('from')}
          error={Boolean(errors.from)}
          helperText={errors.from}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: filters.to || undefined } }}
          sx={{ minWidth: 180 }}
        />
        <TextField
          type="date"
          label="迄日"
          size="small"
          value={filters.to}
          onChange={set('to')}
          error={Boolean(errors.to)}
          helperText={errors.to}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: filters.from || undefined } }}
          sx={{ minWidth: 180 }}
        />
        <Button type="submit" variant="contained" startIcon={<SearchOutlined />} sx={{ height: 40, flexShrink: 0 }}>
          查詢
        </Button>
        {advanced && (
          <Button
            type="button"
            variant="text"
            aria-expanded={showAdvanced}
            aria-controls="advanced-search"
            endIcon={showAdvanced ? <ExpandLessOutlined /> : <ExpandMoreOutlined />}
            onClick={() => setShowAdvanced((v) => !v)}
            sx={{ height: 40, flexShrink: 0 }}
          >
            進階查詢
          </Button>
        )}
      </Stack>
      {advanced && (
        <Collapse in={showAdvanced} id="advanced-search">
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 2 }}>
            {ADVANCED.map(({ field, label, options }) => (
              <TextField
                key={field}
                select
                size="small"
                label={label}
                value={filters[field]}
                onChange={set(field)}
                sx={{ minWidth: 180 }}
              >
                <MenuItem value="">全部</MenuItem>
                {options.map((option) => (
                  <MenuItem key={option.value} value={option.value}>
                    {option.label}
                  </MenuItem>
                ))}
              </TextField>
            ))}
          </Stack>
        </Collapse>
      )}
    </Paper>
  );
}
