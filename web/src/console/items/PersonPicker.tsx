import Autocomplete from '@mui/material/Autocomplete';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useResource } from '../../lib/data';
import { itemsApi, type Person } from './api';

export const personText = (p: Person) => `${p.name}（${p.account}）`;

/**
 * 設置保管人's name field (設置維修人員's too): search active accounts by account or name prefix once
 * `minChars` characters are typed, and pick one (clearable).
 */
export function PersonPicker({
  label,
  value,
  onChange,
  error,
  required,
  helperText,
  minChars = 1,
  exclude = [],
}: {
  label: string;
  value: Person | null;
  onChange: (person: Person | null) => void;
  error?: string;
  required?: boolean;
  helperText?: string;
  /** Characters typed before the search runs (設置維修人員: at least 2). */
  minChars?: number;
  /** Accounts not offered (already chosen). */
  exclude?: readonly string[];
}) {
  const [keyword, setKeyword] = useState('');
  const search = [...keyword].length >= minChars ? keyword : '';
  const { data } = useResource((signal) => itemsApi.people(search, signal), [search]);
  const options = (data?.items ?? []).filter((o) => !exclude.includes(o.id));
  const hint = minChars > 1 ? `請輸入至少 ${minChars} 個字的帳號或姓名` : '請輸入帳號或姓名';
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
      noOptionsText={search ? '查無符合的帳號' : hint}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          error={Boolean(error)}
          helperText={error ?? helperText ?? (minChars > 1 ? `${hint}查詢` : '輸入帳號或姓名開頭查詢')}
        />
      )}
    />
  );
}
