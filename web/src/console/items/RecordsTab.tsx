import Button from '@mui/material/Button';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { usePagedList } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { itemsApi, type BookingRecord, type ItemKind } from './api';
import { KINDS } from './kinds';

/** 借用紀錄 (a driver's 派遣紀錄): the approved bookings, by 借用日期 (派遣日期), each with 詳細. */
export function RecordsTab({ kind, id }: { kind: ItemKind; id: string }) {
  const words = KINDS[kind];
  const [draft, setDraft] = useState('');
  const [date, setDate] = useState('');
  const [page, setPage] = useState(0);
  const list = usePagedList<{ total: number; items: BookingRecord[] }>(itemsApi.bookingsPath(kind, id, date, page));
  const [open, setOpen] = useState<BookingRecord | null>(null);
  return (
    <Paper variant="outlined" component="section" aria-label={words.recordsTab} sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <TextField
          type="date"
          size="small"
          label={words.recordsDate}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button
          variant="contained"
          onClick={() => {
            setDate(draft);
            setPage(0);
          }}
        >
          查詢
        </Button>
      </Stack>
      {list.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {list.error}
        </Alert>
      )}
      <TableContainer>
        <Table size="small" aria-label={words.recordsTab} sx={{ minWidth: 720 }}>
          <TableHead>
            <TableRow>
              <TableCell>{kind === 'DRIVER' ? '派遣時間' : '借用時間'}</TableCell>
              {kind === 'DRIVER' && <TableCell>公務車</TableCell>}
              <TableCell>借用機關</TableCell>
              <TableCell>登記者</TableCell>
              <TableCell>申請事由</TableCell>
              <TableCell align="right">操作</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {list.page?.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={kind === 'DRIVER' ? 6 : 5} align="center">
                  目前沒有資料
                </TableCell>
              </TableRow>
            )}
            {list.items.map((r) => (
              <TableRow key={r.key}>
                <TableCell>{r.timeLabel}</TableCell>
                {kind === 'DRIVER' && <TableCell>{r.resource}</TableCell>}
                <TableCell>{r.agency}</TableCell>
                <TableCell>{r.applicant.name}</TableCell>
                <TableCell>{r.reason}</TableCell>
                <TableCell align="right">
                  <Button size="small" variant="outlined" onClick={() => setOpen(r)}>
                    詳細
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={list.total}
        page={page}
        onPageChange={(_e, p) => setPage(p)}
        rowsPerPage={20}
        rowsPerPageOptions={[20]}
        labelDisplayedRows={({ from, to, count }) => `${from}-${to} / 共 ${count} 筆`}
      />
      {open && <RecordDialog kind={kind} record={open} onClose={() => setOpen(null)} />}
    </Paper>
  );
}

function RecordDialog({ kind, record, onClose }: { kind: ItemKind; record: BookingRecord; onClose: () => void }) {
  const rows: [string, string][] = [
    [kind === 'VENUE' ? '場地' : '公務車', record.resource],
    ['借用時段', record.timeLabel],
    ['借用單位', `${record.agency} ${record.unit}`],
    ['登記者', `${record.applicant.name}（${record.applicant.account}）`],
    ['登記者公務電話', `${record.phone}${record.phoneExt ? ` 分機 ${record.phoneExt}` : ''}`],
    [kind === 'VENUE' ? '與會人數' : '乘坐人數(不含司機)', String(record.headcount)],
    ...(record.host ? ([['主持人', record.host]] as [string, string][]) : []),
    ...(record.destination ? ([['目的地', record.destination]] as [string, string][]) : []),
    ...(kind !== 'VENUE' ? ([['派遣司機', record.selfDrive ? '否，自駕' : (record.driver ?? '')]] as [string, string][]) : []),
    ['申請事由', record.reason],
    ['審核狀態', record.statusLabel],
    ['審核說明', record.reviewComment ?? ''],
    ['申請時間', formatDateTime(record.createdAt)],
    ['審核時間', formatDateTime(record.decidedAt)],
  ];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="record-dialog-title">
      <DialogTitle id="record-dialog-title">借用申請明細</DialogTitle>
      <DialogContent>
        <Table size="small">
          <TableBody>
            {rows.map(([label, value]) => (
              <TableRow key={label}>
                <TableCell component="th" scope="row" sx={{ width: 160, fontWeight: 600 }}>
                  {label}
                </TableCell>
                <TableCell>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>關閉</Button>
      </DialogActions>
    </Dialog>
  );
}
