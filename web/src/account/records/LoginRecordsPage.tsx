import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { GridColDef } from '@mui/x-data-grid';
import { Link, useLocation, useSearchParams } from 'react-router';
import { loginActionLabel, loginMethodLabel, loginResultLabel } from '../../../../domain/login-records';
import { PageHeading } from '../../common/PageHeading';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { useRecordPage, type LoginRecordRow } from './api';
import { RecordFilters } from './RecordFilters';
import { apiPath, paramsFromQuery, queryFromParams, type RecordsQuery } from './recordsQuery';
import { RecordsGrid } from '../../common/RecordsGrid';

export const loginRecordPath = (id: string) => ROUTES.loginRecordDetail.path.replace(':id', encodeURIComponent(id));

export function ResultChip({ result }: { result: string }) {
  return (
    <Chip
      size="small"
      color={result === 'SUCCESS' ? 'success' : 'error'}
      variant={result === 'SUCCESS' ? 'outlined' : 'filled'}
      label={loginResultLabel(result)}
    />
  );
}

/** 個人帳號登入紀錄 (manual 3.5.11): the user's own login attempts, failed ones too. */
export default function LoginRecordsPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const query = queryFromParams(params);
  const { page, loading, error } = useRecordPage<LoginRecordRow>(apiPath('/api/account/login-records', query));
  // Tablets drop IP and 瀏覽器, phones keep 操作時間, 操作結果 and 詳細 (the rest is on the detail page).
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'), { noSsr: true });
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  const update = (next: RecordsQuery) => setParams(paramsFromQuery(next));

  const columns: GridColDef<LoginRecordRow>[] = [
    {
      field: 'at',
      headerName: '操作時間',
      minWidth: 150,
      flex: 1,
      sortable: false,
      valueFormatter: (v: string) => formatDateTime(v),
    },
    {
      field: 'method',
      headerName: '登入方式',
      minWidth: 120,
      flex: 1,
      sortable: false,
      valueFormatter: (v: string) => loginMethodLabel(v),
    },
    { field: 'ip', headerName: 'IP', minWidth: 120, flex: 0.9, sortable: false },
    { field: 'browser', headerName: '瀏覽器', minWidth: 160, flex: 1.2, sortable: false },
    {
      field: 'action',
      headerName: '動作',
      minWidth: 90,
      flex: 0.7,
      sortable: false,
      valueFormatter: (v: string) => loginActionLabel(v),
    },
    {
      field: 'result',
      headerName: '操作結果',
      minWidth: 80,
      flex: 0.6,
      sortable: false,
      renderCell: ({ row }) => <ResultChip result={row.result} />,
    },
    {
      field: 'detail',
      headerName: '詳細',
      minWidth: 70,
      flex: 0.5,
      sortable: false,
      renderCell: ({ row }) => (
        <Button
          component={Link}
          to={loginRecordPath(row.id)}
          state={{ listSearch: location.search }}
          size="small"
          aria-label={`詳細：${formatDateTime(row.at)} ${loginMethodLabel(row.method)}${loginResultLabel(row.result)}`}
        >
          詳細
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeading title={ROUTES.loginRecords.title} />
      <RecordFilters
        key={params.toString()}
        initial={query}
        advanced
        onSearch={(filters) => update({ ...query, ...filters, page: 0 })}
      />
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <RecordsGrid
        label="登入紀錄"
        columns={columns}
        query={query}
        page={page}
        loading={loading}
        update={update}
        columnVisibilityModel={{ ip: !narrow, browser: !narrow, method: !phone, action: !phone }}
      />
    </>
  );
}
