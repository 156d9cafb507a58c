import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import type { GridColDef } from '@mui/x-data-grid';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  LOGIN_ACTION_OPTIONS,
  LOGIN_METHOD_OPTIONS,
  LOGIN_RESULT_OPTIONS,
  loginActionLabel,
  loginMethodLabel,
} from '../../../../domain/login-records';
import { USAGE_ACTION_OPTIONS } from '../../../../domain/usage-actions';
import { useRecordPage } from '../../account/records/api';
import { ResultChip } from '../../account/records/LoginRecordsPage';
import { rangeErrors } from '../../account/records/recordsQuery';
import { PageHeading } from '../../common/PageHeading';
import { ApiError, messageForCode } from '../../lib/api';
import { download } from '../../lib/download';
import { formatDateTime } from '../../lib/datetime';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { ROUTES } from '../../routes/paths';
import {
  consoleExportPath,
  consoleListPath,
  consoleParamsFromQuery,
  consoleQueryFromParams,
  type ConsoleRecordsQuery,
  type RecordsTab,
} from './consoleRecordsQuery';
import { RecordsGrid } from '../../common/RecordsGrid';

interface Who {
  account: string;
  name: string;
  agency: string;
}
type LoginRow = Who & {
  id: string;
  at: string;
  method: string;
  ip: string;
  browser: string;
  action: string;
  result: string;
  reasonText: string;
};
type UsageRow = Who & { id: string; at: string; actionLabel: string; targetLabel: string; ip: string };

const whoColumns = <T extends Who>(): GridColDef<T>[] => [
  { field: 'account', headerName: '帳號', minWidth: 110, flex: 0.9, sortable: false },
  { field: 'name', headerName: '姓名', minWidth: 90, flex: 0.7, sortable: false },
  { field: 'agency', headerName: '機關', minWidth: 120, flex: 1, sortable: false },
];
const atColumn = <T extends { at: string }>(): GridColDef<T> => ({
  field: 'at',
  headerName: '操作時間',
  minWidth: 150,
  flex: 1,
  sortable: false,
  valueFormatter: (v: string) => formatDateTime(v),
});

const LOGIN_COLUMNS: GridColDef<LoginRow>[] = [
  atColumn<LoginRow>(),
  ...whoColumns<LoginRow>(),
  {
    field: 'method',
    headerName: '登入方式',
    minWidth: 110,
    flex: 0.9,
    sortable: false,
    valueFormatter: (v: string) => loginMethodLabel(v),
  },
  { field: 'ip', headerName: 'IP', minWidth: 110, flex: 0.8, sortable: false },
  {
    field: 'action',
    headerName: '動作',
    minWidth: 80,
    flex: 0.6,
    sortable: false,
    valueFormatter: (v: string) => loginActionLabel(v),
  },
  {
    field: 'result',
    headerName: '操作結果',
    minWidth: 90,
    flex: 0.6,
    sortable: false,
    renderCell: ({ row }) => <ResultChip result={row.result} />,
  },
  { field: 'reasonText', headerName: '失敗原因', minWidth: 130, flex: 1, sortable: false },
];
const USAGE_COLUMNS: GridColDef<UsageRow>[] = [
  atColumn<UsageRow>(),
  ...whoColumns<UsageRow>(),
  { field: 'actionLabel', headerName: '動作', minWidth: 160, flex: 1.3, sortable: false },
  { field: 'targetLabel', headerName: '對象', minWidth: 120, flex: 0.9, sortable: false },
  { field: 'ip', headerName: 'IP', minWidth: 110, flex: 0.8, sortable: false },
];

/**
 * 管理主控台 › 日誌紀錄管理 (系統管理者 only, 表 2): 帳號登入紀錄 and 帳號使用紀錄 of every user, with
 * 匯出 Excel of the same conditions.
 */
export default function ConsoleRecordsPage() {
  const [params, setParams] = useSearchParams();
  const query = consoleQueryFromParams(params);
  const { page, loading, error } = useRecordPage<LoginRow | UsageRow>(consoleListPath(query));
  const [exportError, setExportError] = useState<string | null>(null);
  const [exported, setExported] = useState(false);
  const { run, pending } = useSingleFlight();
  const update = (next: ConsoleRecordsQuery) => {
    setExportError(null);
    setExported(false);
    setParams(consoleParamsFromQuery(next));
  };

  const exportExcel = () =>
    void run(async () => {
      setExportError(null);
      setExported(false);
      try {
        await download(consoleExportPath(query), '日誌紀錄.xlsx');
        setExported(true);
      } catch (cause) {
        setExportError(cause instanceof ApiError ? cause.message : messageForCode('NETWORK_ERROR'));
      }
    });

  const label = query.tab === 'login' ? '帳號登入紀錄' : '帳號使用紀錄';
  return (
    <>
      <PageHeading title={ROUTES.consoleLogs.title} />
      <Tabs
        value={query.tab}
        onChange={(_e, tab: RecordsTab) => update({ ...query, tab, page: 0 })}
        aria-label="紀錄種類"
        sx={{ mb: 2 }}
      >
        <Tab value="login" label="帳號登入紀錄" />
        <Tab value="usage" label="帳號使用紀錄" />
      </Tabs>
      <Filters key={params.toString()} initial={query} onSearch={(next) => update({ ...next, page: 0 })} />
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      {exportError && (
        <Alert severity="warning" sx={{ mb: 2 }} role="alert" onClose={() => setExportError(null)}>
          {exportError}
        </Alert>
      )}
      {exported && (
        <Alert severity="success" sx={{ mb: 2 }} role="status" onClose={() => setExported(false)}>
          已匯出 Excel 檔（{label}，{query.from} 至 {query.to}）。
        </Alert>
      )}
      <RecordsGrid
        label={label}
        columns={(query.tab === 'login' ? LOGIN_COLUMNS : USAGE_COLUMNS) as GridColDef<LoginRow | UsageRow>[]}
        query={query}
        page={page}
        loading={loading}
        update={update}
        actions={
          <Button
            variant="outlined"
            startIcon={<FileDownloadOutlined />}
            onClick={exportExcel}
            disabled={pending || !page?.total}
          >
            {pending ? '匯出中…' : '匯出 Excel'}
          </Button>
        }
      />
    </>
  );
}

function Filters({ initial, onSearch }: { initial: ConsoleRecordsQuery; onSearch: (query: ConsoleRecordsQuery) => void }) {
  const [filters, setFilters] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<'from' | 'to', string>>>({});
  const set = (field: keyof ConsoleRecordsQuery) => (event: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = rangeErrors(filters.from, filters.to);
    setErrors(found);
    if (!found.from && !found.to) onSearch(filters);
  };
  const selects =
    filters.tab === 'login'
      ? ([
          { field: 'method', label: '登入方式', options: LOGIN_METHOD_OPTIONS },
          { field: 'action', label: '動作', options: LOGIN_ACTION_OPTIONS },
          { field: 'result', label: '操作結果', options: LOGIN_RESULT_OPTIONS },
        ] as const)
      : ([{ field: 'usageAction', label: '動作', options: USAGE_ACTION_OPTIONS }] as const);

  return (
    <Paper
      component="form"
      role="search"
      aria-label="查詢條件"
      noValidate
      onSubmit={submit}
      sx={{ p: { xs: 2, sm: 2.5 }, mb: 2 }}
    >
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(auto-fill, minmax(170px, 1fr))' },
          alignItems: 'start',
        }}
      >
        <TextField
          type="date"
          label="起日"
          size="small"
          value={filters.from}
          onChange={set('from')}
          error={Boolean(errors.from)}
          helperText={errors.from}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ minWidth: 160 }}
        />
        <TextField
          type="date"
          label="迄日"
          size="small"
          value={filters.to}
          onChange={set('to')}
          error={Boolean(errors.to)}
          helperText={errors.to}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ minWidth: 160 }}
        />
        <TextField
          label="帳號或姓名"
          size="small"
          value={filters.q}
          onChange={set('q')}
          slotProps={{ htmlInput: { maxLength: 64 } }}
          sx={{ minWidth: 160 }}
        />
        {selects.map(({ field, label, options }) => (
          <TextField
            key={field}
            select
            size="small"
            label={label}
            value={filters[field]}
            onChange={set(field)}
            sx={{ minWidth: 150 }}
          >
            <MenuItem value="">全部</MenuItem>
            {options.map((option) => (
              <MenuItem key={option.value} value={option.value}>
                {option.label}
              </MenuItem>
            ))}
          </TextField>
        ))}
        <Button type="submit" variant="contained" startIcon={<SearchOutlined />} sx={{ height: 40, justifySelf: 'start' }}>
          查詢
        </Button>
      </Box>
    </Paper>
  );
}
