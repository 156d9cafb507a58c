import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { GridColDef } from '@mui/x-data-grid';
import { Link as RouterLink } from 'react-router';
import { RECORD_PAGE_SIZES } from '../../../../domain/login-records';
import { ServerPagedGrid } from '../../common/ServerPagedGrid';
import { formatDateTime } from '../../lib/datetime';
import type { RepairTicketRow } from './api';
import { RepairStatusChip } from './RepairTicketView';

const text = (field: string, headerName: string, flex = 1, minWidth = 100): GridColDef<RepairTicketRow> => ({
  field,
  headerName,
  flex,
  minWidth,
  sortable: false,
});

/** A page of tickets with 詳細 on each row (報修類型詳細頁, 我的維修, 報修處理狀況回報). */
export function TicketGrid({
  section,
  list,
  page,
  pageSize,
  onPage,
  detailPath,
  showType = false,
  showReporter = false,
  emptyText,
  actions,
}: {
  section: string;
  /** The page as usePagedList holds it: its rows, total, loading state and error (shown above the grid). */
  list: { items: RepairTicketRow[]; total: number; loading: boolean; error: string | null };
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  detailPath: (key: string) => string;
  showType?: boolean;
  showReporter?: boolean;
  emptyText: string;
  actions?: React.ReactNode;
}) {
  const columns: GridColDef<RepairTicketRow>[] = [
    { ...text('createdAt', '報修日期', 1, 140), valueGetter: (_v, row) => formatDateTime(row.createdAt) },
    ...(showType
      ? [{ ...text('repairType', '報修類型'), valueGetter: (_v: unknown, row: RepairTicketRow) => row.repairType.name }]
      : []),
    ...(showReporter ? [text('unitName', '報修單位'), text('reporterName', '報修人員', 0.8, 90)] : []),
    { ...text('location', '所在地點', 1, 120), valueGetter: (_v, row) => `${row.location} ${row.floor}樓` },
    text('fault', '故障原因', 1.5, 140),
    {
      ...text('status', '處理狀況', 0.7, 90),
      renderCell: ({ row }) => <RepairStatusChip status={row.status} label={row.statusLabel} />,
    },
    text('returnCount', '退回次數', 0.5, 80),
    {
      ...text('detail', '詳細', 0.5, 70),
      renderCell: ({ row }) => (
        <Button size="small" component={RouterLink} to={detailPath(row.key)} aria-label={`詳細：${row.key}`}>
          詳細
        </Button>
      ),
    },
  ];
  return (
    <>
      {list.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {list.error}
        </Alert>
      )}
      <ServerPagedGrid
        section={section}
        summary={<>共 {list.total} 筆</>}
        actions={actions}
        rows={list.items}
        getRowId={(row) => row.key}
        columns={columns}
        loading={list.loading}
        emptyText={emptyText}
        rowCount={list.total}
        paginationModel={{ page, pageSize }}
        onPaginationModelChange={(model) => onPage(model.page, model.pageSize)}
        pageSizeOptions={[...RECORD_PAGE_SIZES]}
      />
    </>
  );
}
