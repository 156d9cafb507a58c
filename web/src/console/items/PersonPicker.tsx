import Autocomplete from '@mui/material/Autocomplete';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useResource } from '../../lib/data';
import { itemsApi, type Person } from './api';

export const personText = (p: Person) => `${p.name}（${p.account}）`;

/** 設置保管人's name field: search accounts by account or name prefix and pick one (clearable). */
export function PersonPicker({
  label,
  value,
  onChange,
  error,
  required,
  helperText,
}: {
  label: string;
  value: Person | null;
  onChange: (person: Person | null) => void;
  error?: string;
  required?: boolean;
  helperText?: string;
}) {
  const [keyword, setKeyword] = useState('');
  const { data } = useResource((signal) => itemsApi.people(keyword, signal), [keyword]);
  const options = data?.items ?? [];
  return (
    <Autocomplete
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      value={value}
      onChange={(_e, person) => onChange(person)}
      onInputChange={(_e, text, reason) => {
        if (reason === 'input') setKeyword(text.trim());
      }}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={personText}
      renderOption={(props, p) => (
        <li {...props} key={p.id}>
          <Stack>
            <span>{personText(p)}</span>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {p.unit}
            </Typography>
          </Stack>
        </li>
      )}
      noOptionsText={keyword ? '查無符合的帳號' : '請輸入帳號或姓名'}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          error={Boolean(error)}
          helperText={error ?? helperText ?? '輸入帳號或姓名開頭查詢'}
        />
      )}
    />
  );
}
