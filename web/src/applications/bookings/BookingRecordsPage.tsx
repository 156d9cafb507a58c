import EventOutlined from '@mui/icons-material/EventOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { RECORD_PAGE_SIZES } from '../../../../domain/login-records';
import { PageHeading } from '../../common/PageHeading';
import { ServerPagedGrid } from '../../common/ServerPagedGrid';
import { usePagedList } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import {
  bookingsApi,
  type BookingKind,
  type BookingRecord,
  type BookingStatus,
  type PagedRecords,
  type RecordsFilter,
} from './api';
import { StatusChip } from './BookingDetails';
import { DetailDialog } from './DetailDialog';
import { RecordFilters } from './RecordFilters';
import { KIND_WORDS } from './words';

const text = (field: string, headerName: string, flex = 1, minWidth = 110): GridColDef<BookingRecord> => ({
  field,
  headerName,
  flex,
  minWidth,
  sortable: false,
});

const COLUMNS: Record<BookingKind, GridColDef<BookingRecord>[]> = {
  VENUE: [
    { ...text('period', '借用時段', 1.4, 170) },
    { ...text('resource', '場地'), valueGetter: (_v, row) => row.resource.name },
    { ...text('applicant', '登記者', 0.8, 90), valueGetter: (_v, row) => row.applicant.name },
    text('unitName', '借用單位'),
    text('host', '主持人', 0.8, 90),
  ],
  CAR: [
    { ...text('period', '借用時段', 1.4, 170) },
    { ...text('vehicleType', '車型', 0.8, 90), valueGetter: (_v, row) => row.resource.vehicleType },
    { ...text('resource', '車號', 0.8, 90), valueGetter: (_v, row) => row.resource.name },
    { ...text('agency', '公務車所屬機關'), valueGetter: (_v, row) => row.resource.agencyName },
    text('destination', '目的地', 0.8, 90),
  ],
};

/** 線上申請作業 › 場地及公務車申請紀錄: the user's own bookings, two tabs, 詳細 in a dialog. */
export default function BookingRecordsPage() {
  const [params, setParams] = useSearchParams();
  const kind: BookingKind = params.get('kind') === 'CAR' ? 'CAR' : 'VENUE';
  const filter: RecordsFilter = {
    q: params.get('q') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    status: (params.get('status') ?? '') as BookingStatus | '',
  };
  const page = Number(params.get('page') ?? 0) || 0;
  const pageSize = RECORD_PAGE_SIZES.find((s) => s === Number(params.get('pageSize'))) ?? 20;
  const list = usePagedList<PagedRecords>(bookingsApi.mine(kind, filter, page, pageSize));
  const [open, setOpen] = useState<string | null>(null);
  const words = KIND_WORDS[kind];

  const go = (next: { kind?: BookingKind; filter?: RecordsFilter; page?: number; pageSize?: number }) => {
    const f = next.filter ?? (next.kind && next.kind !== kind ? { q: '', from: '', to: '', status: '' } : filter);
    const entries = Object.entries({
      kind: next.kind ?? kind,
      ...f,
      page: String(next.page ?? 0),
      pageSize: String(next.pageSize ?? pageSize),
    }).filter(([k, v]) => v !== '' && !(k === 'page' && v === '0') && !(k === 'kind' && v === 'VENUE'));
    setParams(new URLSearchParams(entries));
  };

  const columns: GridColDef<BookingRecord>[] = [
    ...COLUMNS[kind],
    {
      field: 'status',
      headerName: '審核狀態',
      minWidth: 100,
      flex: 0.7,
      sortable: false,
      renderCell: ({ row }) => <StatusChip status={row.status} label={row.statusLabel} />,
    },
    {
      field: 'detail',
      headerName: '詳細',
      minWidth: 70,
      flex: 0.5,
      sortable: false,
      renderCell: ({ row }) => (
        <Button size="small" onClick={() => setOpen(row.key)} aria-label={`詳細：${row.resource.name} ${row.period}`}>
          詳細
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeading
        title={ROUTES.bookingRecords.title}
        actions={
          <Button component={RouterLink} to={ROUTES.calendarFeeds.path} variant="outlined" startIcon={<EventOutlined />}>
            {ROUTES.calendarFeeds.title}
          </Button>
        }
      />
      <Tabs value={kind} onChange={(_e, value: BookingKind) => go({ kind: value })} aria-label="申請紀錄類別" sx={{ mb: 2 }}>
        <Tab value="VENUE" label={KIND_WORDS.VENUE.records} />
        <Tab value="CAR" label={KIND_WORDS.CAR.records} />
      </Tabs>
      <Paper sx={{ p: { xs: 2, sm: 2.5 }, mb: 2 }}>
        <RecordFilters key={`${kind} ${params.toString()}`} kind={kind} initial={filter} onSearch={(f) => go({ filter: f })} />
      </Paper>
      {list.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {list.error}
        </Alert>
      )}
      <ServerPagedGrid
        section={words.records}
        summary={<>共 {list.total} 筆</>}
        rows={list.items}
        getRowId={(row) => row.key}
        columns={columns}
        loading={list.loading}
        emptyText={`查無符合條件的${words.records}`}
        rowCount={list.total}
        paginationModel={{ page, pageSize }}
        onPaginationModelChange={(model) => go({ page: model.page, pageSize: model.pageSize })}
        pageSizeOptions={[...RECORD_PAGE_SIZES]}
      />
      <DetailDialog bookingKey={open} onClose={() => setOpen(null)} />
    </>
  );
}
