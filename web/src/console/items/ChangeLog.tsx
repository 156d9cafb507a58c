import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { errorMessage } from '../../lib/api';
import { useResource } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { download } from '../../lib/download';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { api } from '../../lib/api';
import type { CustodianChange } from './api';

/** Where a holder's 保管人異動 log is read: the list, or (xlsx) its Excel file, for a 執行時間 range. */
export type ChangesPath = (range: { from?: string; to?: string }, xlsx?: boolean) => string;

/** 保管人異動 (管理人異動) of an item or a 報修類型: the log by 執行時間, 查詢 and 匯出 (Excel). */
export function ChangeLog({ word, path, version }: { word: string; path: ChangesPath; version: number }) {
  const [draft, setDraft] = useState({ from: '', to: '' });
  const [range, setRange] = useState(draft);
  const { data, error } = useResource<{ items: CustodianChange[] }>(
    (signal) => api.get(path(range), { signal }),
    [path(range), version],
  );
  const { run, pending } = useSingleFlight();
  const [exportError, setExportError] = useState<string | null>(null);
  const exportExcel = () =>
    void run(async () => {
      setExportError(null);
      try {
        await download(path(range, true), `${word}異動紀錄.xlsx`);
      } catch (cause) {
        setExportError(errorMessage(cause));
      }
    });
  return (
    <Paper variant="outlined" component="section" aria-label={`${word}異動`} sx={{ p: 2 }}>
      <Typography component="h2" variant="h6" sx={{ mb: 1.5 }}>
        {word}異動
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <TextField
          type="date"
          size="small"
          label="執行時間（起）"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          type="date"
          size="small"
          label="執行時間（迄）"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button variant="contained" onClick={() => setRange(draft)}>
          查詢
        </Button>
        <Button variant="outlined" onClick={exportExcel} disabled={pending}>
          匯出
        </Button>
      </Stack>
      {(error || exportError) && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error ?? exportError}
        </Alert>
      )}
      <TableContainer>
        <Table size="small" aria-label={`${word}異動紀錄`} sx={{ minWidth: 720 }}>
          <TableHead>
            <TableRow>
              <TableCell>執行時間</TableCell>
              <TableCell>異動項目</TableCell>
              <TableCell>原{word}</TableCell>
              <TableCell>新{word}</TableCell>
              <TableCell>異動原因</TableCell>
              <TableCell>執行者</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data?.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} align="center">
                  目前沒有資料
                </TableCell>
              </TableRow>
            )}
            {data?.items.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{formatDateTime(r.changedAt)}</TableCell>
                <TableCell>{r.slotLabel}</TableCell>
                <TableCell>{r.fromName ?? '—'}</TableCell>
                <TableCell>{r.toName ?? '（移除）'}</TableCell>
                <TableCell>{r.reason}</TableCell>
                <TableCell>{r.changedBy.name}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
