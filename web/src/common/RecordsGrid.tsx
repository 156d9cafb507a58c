import type { GridColDef, GridColumnVisibilityModel, GridValidRowModel } from '@mui/x-data-grid';
import type { ReactNode } from 'react';
import { RECORD_PAGE_SIZES } from '../../../domain/login-records';
import { ServerPagedGrid } from './ServerPagedGrid';

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
    <ServerPagedGrid
      section={label}
      summary={
        <>
          {query.from} 至 {query.to}，共 {page?.total ?? 0} 筆
        </>
      }
      actions={actions}
      rows={page?.items ?? []}
      columns={columns}
      loading={loading}
      emptyText={`查無符合條件的${label}`}
      columnVisibilityModel={columnVisibilityModel}
      rowCount={page?.total ?? 0}
      paginationModel={{ page: query.page, pageSize: query.pageSize }}
      onPaginationModelChange={(model) => update({ ...query, page: model.page, pageSize: model.pageSize })}
      pageSizeOptions={[...RECORD_PAGE_SIZES]}
    />
  );
}
