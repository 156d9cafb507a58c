import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import type { Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { zhTW } from '@mui/x-data-grid/locales';
import { useSearchParams } from 'react-router';
import { RECORD_PAGE_SIZES } from '../../../../domain/login-records';
import { PageHeading } from '../../common/PageHeading';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { useRecordPage, type UsageRecordRow } from './api';
import { RecordFilters } from './RecordFilters';
import { apiPath, paramsFromQuery, queryFromParams, type RecordsQuery } from './recordsQuery';

const localeText = zhTW.components.MuiDataGrid.defaultProps.localeText;

/** 個人帳號使用紀錄 (manual 3.5.12): what the user did — data changes, bindings, applications, decisions. */
export default function UsageRecordsPage() {
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const { page, loading, error } = useRecordPage<UsageRecordRow>(apiPath('/api/account/usage-records', query));
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  const update = (next: RecordsQuery) => setParams(paramsFromQuery(next));

  const columns: GridColDef<UsageRecordRow>[] = [
    {
      field: 'at',
      headerName: '操作時間',
      minWidth: 150,
      flex: 0.8,
      sortable: false,
      valueFormatter: (v: string) => formatDateTime(v),
    },
    { field: 'actionLabel', headerName: '操作項目', minWidth: 160, flex: 1.2, sortable: false },
    {
      field: 'target',
      headerName: '操作對象',
      minWidth: 140,
      flex: 1,
      sortable: false,
      valueFormatter: (v: string | null) => v ?? '',
    },
    { field: 'ip', headerName: 'IP', minWidth: 120, flex: 0.7, sortable: false },
  ];

  return (
    <>
      <PageHeading title={ROUTES.usageRecords.title} />
      <RecordFilters key={params.toString()} initial={query} onSearch={(filters) => update({ ...query, ...filters, page: 0 })} />
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <Paper component="section" aria-label="使用紀錄" sx={{ p: { xs: 1.5, sm: 2 } }}>
        <Typography sx={{ color: 'text.secondary', mb: 1.5 }} aria-live="polite">
          {query.from} 至 {query.to}，共 {page?.total ?? 0} 筆
        </Typography>
        <DataGrid
          rows={page?.items ?? []}
          columns={columns}
          loading={loading}
          localeText={{ ...localeText, noRowsLabel: '查無符合條件的使用紀錄' }}
          label="使用紀錄"
          columnVisibilityModel={{ ip: !narrow, target: !narrow }}
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
    </>
  );
}
