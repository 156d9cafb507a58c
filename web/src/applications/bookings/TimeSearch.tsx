import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { END_CHOICES, START_CHOICES, clock } from '../../../../domain/bookings/slots';
import { useResource } from '../../lib/data';
import { bookingsApi, type BookingKind, type Location, type ResourceChoice } from './api';
import { KIND_WORDS } from './words';

interface TimeQuery {
  date: string;
  start: string;
  end: string;
  locationId: string;
}

/**
 * 依時間查詢允許申請場地(公務車)清單: 日期, 開始時段, 結束時段 (and 所在地), 查詢 → those free for the whole
 * interval; choosing one opens its week with that interval picked.
 */
export function TimeSearch({
  kind,
  locations,
  today,
  onChoose,
}: {
  kind: BookingKind;
  locations: Location[];
  today: string;
  onChoose: (resource: ResourceChoice, startsAt: string, endsAt: string) => void;
}) {
  const words = KIND_WORDS[kind];
  const [form, setForm] = useState<TimeQuery>({ date: today, start: '8:00', end: '9:00', locationId: '' });
  const [asked, setAsked] = useState<TimeQuery | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { data, error, loading } = useResource(
    asked ? (signal: AbortSignal) => bookingsApi.free({ kind, ...asked }, signal) : null,
    [kind, asked],
    { keepPrevious: false },
  );
  const minutes = (value: string) => Number(value.split(':')[0]) * 60;
  const set = (field: keyof TimeQuery) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.date) return setProblem('請選擇日期');
    if (minutes(form.end) <= minutes(form.start)) return setProblem('結束時段須晚於開始時段');
    setProblem(null);
    setAsked({ ...form });
  };

  return (
    <Stack spacing={2}>
      <Box
        component="form"
        role="search"
        aria-label={words.byTime}
        noValidate
        onSubmit={submit}
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, minmax(130px, 1fr)) auto' },
          alignItems: 'start',
        }}
      >
        <TextField
          type="date"
          label="日期"
          size="small"
          value={form.date}
          onChange={set('date')}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today } }}
        />
        <TextField select label="開始時段" size="small" value={form.start} onChange={set('start')}>
          {START_CHOICES.map((m) => (
            <MenuItem key={m} value={clock(m)}>
              {clock(m)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="結束時段" size="small" value={form.end} onChange={set('end')}>
          {END_CHOICES.map((m) => (
            <MenuItem key={m} value={clock(m)}>
              {clock(m)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="所在地" size="small" value={form.locationId} onChange={set('locationId')}>
          <MenuItem value="">全部</MenuItem>
          {locations.map((l) => (
            <MenuItem key={l.id} value={l.id}>
              {l.name}
            </MenuItem>
          ))}
        </TextField>
        <div>
          <Button type="submit" variant="contained" startIcon={<SearchOutlined />} loading={loading && asked !== null}>
            查詢
          </Button>
        </div>
      </Box>
      {(problem ?? error) && <Alert severity="error">{problem ?? error}</Alert>}
      {data && !problem && <FreeList kind={kind} items={data.items} onChoose={(r) => onChoose(r, data.startsAt, data.endsAt)} />}
    </Stack>
  );
}

function FreeList({
  kind,
  items,
  onChoose,
}: {
  kind: BookingKind;
  items: ResourceChoice[];
  onChoose: (r: ResourceChoice) => void;
}) {
  const words = KIND_WORDS[kind];
  if (items.length === 0) return <Typography sx={{ color: 'text.secondary' }}>此時段沒有可申請的{words.resource}。</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={`可申請${words.resource}清單`} sx={{ '& th': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell>所在地</TableCell>
            {kind === 'CAR' && <TableCell>車型</TableCell>}
            <TableCell>{words.picker}</TableCell>
            <TableCell>{words.capacity}</TableCell>
            <TableCell align="right">操作</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((r) => (
            <TableRow key={r.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.location.name}</TableCell>
              {kind === 'CAR' && <TableCell>{r.vehicleType}</TableCell>}
              <TableCell sx={{ fontWeight: 600, minWidth: 150 }}>
                {r.name}
                {r.floor ? `（${r.floor}）` : ''}
              </TableCell>
              <TableCell>{r.capacity ?? '—'}</TableCell>
              <TableCell align="right">
                <Button size="small" variant="outlined" onClick={() => onChoose(r)} aria-label={`選擇 ${r.name}`}>
                  選擇
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
