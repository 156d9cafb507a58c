import Alert from '@mui/material/Alert';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { GridColDef } from '@mui/x-data-grid';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../common/PageHeading';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { useRecordPage, type UsageRecordRow } from './api';
import { RecordFilters } from './RecordFilters';
import { apiPath, paramsFromQuery, queryFromParams, type RecordsQuery } from './recordsQuery';
import { RecordsGrid } from '../../common/RecordsGrid';

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
      <RecordsGrid
        label="使用紀錄"
        columns={columns}
        query={query}
        page={page}
        loading={loading}
        update={update}
        columnVisibilityModel={{ ip: !narrow, target: !narrow }}
      />
    </>
  );
}
