import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useResource } from '../../lib/data';
import { bookingsApi, type BookingKind, type Location } from './api';
import { KIND_WORDS } from './words';

/** 所在地 → 場地, or 所在地 → 車型 → 車號, then 查詢: only what the user's agency may book is offered. */
export function ResourceSearch({
  kind,
  locations,
  onSearch,
}: {
  kind: BookingKind;
  locations: Location[];
  onSearch: (resourceId: string) => void;
}) {
  const words = KIND_WORDS[kind];
  const [locationId, setLocationId] = useState('');
  const [vehicleType, setVehicleType] = useState('');
  const [resourceId, setResourceId] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const { data, error } = useResource(
    locationId ? (signal: AbortSignal) => bookingsApi.resources(kind, locationId, signal) : null,
    [kind, locationId],
    { keepPrevious: false },
  );
  const all = data?.items ?? [];
  const types = [...new Set(all.map((r) => r.vehicleType ?? ''))].filter(Boolean);
  const choices = kind === 'CAR' ? all.filter((r) => r.vehicleType === vehicleType) : all;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!resourceId) {
      setMissing(`請選擇${words.picker}`);
      return;
    }
    setMissing(null);
    onSearch(resourceId);
  };

  return (
    <Stack component="form" role="search" aria-label={words.byResource} noValidate onSubmit={submit} spacing={2}>
      {error && <Alert severity="error">{error}</Alert>}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
        <TextField
          select
          label="所在地"
          size="small"
          value={locationId}
          onChange={(e) => {
            setLocationId(e.target.value);
            setVehicleType('');
            setResourceId('');
          }}
          sx={{ minWidth: 180 }}
        >
          {locations.map((l) => (
            <MenuItem key={l.id} value={l.id}>
              {l.name}
            </MenuItem>
          ))}
        </TextField>
        {kind === 'CAR' && (
          <TextField
            select
            label="車型"
            size="small"
            value={vehicleType}
            disabled={!locationId}
            onChange={(e) => {
              setVehicleType(e.target.value);
              setResourceId('');
            }}
            sx={{ minWidth: 160 }}
          >
            {types.map((t) => (
              <MenuItem key={t} value={t}>
                {t}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          select
          label={words.picker}
          size="small"
          value={resourceId}
          disabled={!locationId || (kind === 'CAR' && !vehicleType)}
          onChange={(e) => setResourceId(e.target.value)}
          error={Boolean(missing)}
          helperText={missing ?? (locationId && data && all.length === 0 ? `此所在地沒有您可申請的${words.resource}` : ' ')}
          sx={{ minWidth: 220 }}
        >
          {choices.map((r) => (
            <MenuItem key={r.id} value={r.id}>
              {r.name}
              {r.floor ? `（${r.floor}）` : ''}
            </MenuItem>
          ))}
        </TextField>
        <div>
          <Button type="submit" variant="contained" startIcon={<SearchOutlined />} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
            查詢
          </Button>
        </div>
      </Stack>
    </Stack>
  );
}
