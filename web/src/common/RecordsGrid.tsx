import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef, type GridColumnVisibilityModel, type GridValidRowModel } from '@mui/x-data-grid';
import { zhTW } from '@mui/x-data-grid/locales';
import type { ReactNode } from 'react';
import { RECORD_PAGE_SIZES } from '../../../domain/login-records';

const localeText = zhTW.components.MuiDataGrid.defaultProps.localeText;

interface RecordsQuery {
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

interface RecordsGridProps<Row extends GridValidRowModel, Q extends RecordsQuery> {
  /** What a row is, e.g. 登入紀錄: names the section, the grid and the empty text. */
  label: string;
  columns: GridColDef<Row>[];
  query: Q;
  page: { items: Row[]; total: number } | null;
  loading: boolean;
  /** Moves to another page or page size (kept in the address by the caller). */
  update: (next: Q) => void;
  columnVisibilityModel?: GridColumnVisibilityModel;
  /** Beside the count, e.g. 匯出 Excel. */
  actions?: ReactNode;
}

/**
 * 登入紀錄 / 使用紀錄 as every records page shows them: the period and count, then one server-paged grid.
 */
export function RecordsGrid<Row extends GridValidRowModel, Q extends RecordsQuery>({
  label,
  columns,
  query,
  page,
  loading,
  update,
  columnVisibilityModel,
  actions,
}: RecordsGridProps<Row, Q>) {
  return (
    <Paper component="section" aria-label={label} sx={{ p: { xs: 1.5, sm: 2 } }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5 }}>
        <Typography sx={{ color: 'text.secondary' }} aria-live="polite">
          {query.from} 至 {query.to}，共 {page?.total ?? 0} 筆
        </Typography>
        {actions}
      </Stack>
      <DataGrid
        rows={page?.items ?? []}
        columns={columns}
        loading={loading}
        localeText={{ ...localeText, noRowsLabel: `查無符合條件的${label}` }}
        label={label}
        columnVisibilityModel={columnVisibilityModel}
        autoHeight
        disableColumnMenu
        disableRowSelectionOnClick
        paginationMode="server"
        rowCount={page?.total ?? 0}
        paginationModel={{ page: query.page, pageSize: query.pageSize }}
        onPaginationModelChange={(model) => update({ ...query, page: model.page, pageSize: model.pageSize })}
        pageSizeOptions={[...RECORD_PAGE_SIZES]}
      />
    </Paper>
  );
}
