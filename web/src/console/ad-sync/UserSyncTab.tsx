import SyncOutlined from '@mui/icons-material/SyncOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { zhTW } from '@mui/x-data-grid/locales';
import { useEffect, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../lib/datetime';
import { AD_SYNC_BASE, adSyncApi, useAction, useAdSyncResource, type Page, type SyncUserRow, type UserSync } from './adSyncApi';
import { TemporalLink } from './TemporalLink';
import { Timeline } from './Timeline';
import { SearchField } from '../../common/SearchField';
import { useSearchParamsPatch } from '../../lib/useSearchParamsPatch';

const localeText = zhTW.components.MuiDataGrid.defaultProps.localeText;
const FILTERS = [
  { value: '', label: '全部' },
  { value: 'FAILED', label: '同步失敗' },
  { value: 'PENDING', label: '待同步' },
  { value: 'SYNCED', label: '已同步' },
] as const;
const TONE = { SYNCED: 'success', PENDING: 'warning', FAILED: 'error' } as const;

/** 帳號同步狀態: every account's AD sync status, last sync and last error, with 重新同步 per account. */
export function UserSyncTab() {
  const [params, set] = useSearchParamsPatch();
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 0) || 0;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const syncId = params.get('sync');
  const [keyword, setKeyword] = useState(q);

  const query = new URLSearchParams({
    page: String(page),
    pageSize: String(pageSize),
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
  });
  const list = useAdSyncResource<Page<SyncUserRow>>(`${AD_SYNC_BASE}/users?${query}`);
  const sync = useAdSyncResource<UserSync>(
    syncId ? `${AD_SYNC_BASE}/syncs/${encodeURIComponent(syncId)}` : null,
    (s) => s.status === 'SYNCING',
  );
  const { reload } = list;
  const syncStatus = sync.value?.status;
  const starter = useAction(adSyncApi.syncUser);

  const resync = async (row: SyncUserRow) => {
    const started = await starter.run(row.id);
    if (started) set({ sync: started.workflowId });
  };
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    set({ q: keyword.trim() || null, page: null });
  };
  // The list shows the outcome once the shown 重新同步 ends.
  useEffect(() => {
    if (syncStatus && syncStatus !== 'SYNCING') reload();
  }, [syncStatus, reload]);

  const columns: GridColDef<SyncUserRow>[] = [
    { field: 'account', headerName: '帳號', minWidth: 120, flex: 0.8, sortable: false },
    { field: 'name', headerName: '姓名', minWidth: 90, flex: 0.6, sortable: false },
    { field: 'organizationPath', headerName: '機關單位', minWidth: 160, flex: 1.2, sortable: false },
    { field: 'statusLabel', headerName: '帳號狀態', minWidth: 80, flex: 0.5, sortable: false },
    {
      field: 'adSyncStatusLabel',
      headerName: '同步狀態',
      minWidth: 100,
      flex: 0.6,
      sortable: false,
      renderCell: ({ row }) => <Chip size="small" color={TONE[row.adSyncStatus]} label={row.adSyncStatusLabel} />,
    },
    {
      field: 'adSyncedAt',
      headerName: '最後同步',
      minWidth: 140,
      flex: 0.8,
      sortable: false,
      valueFormatter: (v: string | null) => formatDateTime(v) || '—',
    },
    {
      field: 'adLastError',
      headerName: '最後錯誤',
      minWidth: 200,
      flex: 1.5,
      sortable: false,
      valueFormatter: (v: string | null) => v ?? '—',
    },
    {
      field: 'actions',
      headerName: '操作',
      minWidth: 120,
      sortable: false,
      renderCell: ({ row }) =>
        row.openSync ? (
          <Button size="small" onClick={() => set({ sync: row.openSync })}>
            同步中…
          </Button>
        ) : (
          <Button
            size="small"
            variant="outlined"
            startIcon={<SyncOutlined />}
            disabled={starter.pending}
            onClick={() => void resync(row)}
            aria-label={`重新同步 ${row.account}`}
          >
            重新同步
          </Button>
        ),
    },
  ];

  return (
    <>
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack component="form" direction={{ xs: 'column', sm: 'row' }} spacing={1.5} onSubmit={search} noValidate>
          <TextField
            select
            size="small"
            label="同步狀態"
            value={status}
            onChange={(e) => set({ status: e.target.value || null, page: null })}
            sx={{ minWidth: 140 }}
          >
            {FILTERS.map((f) => (
              <MenuItem key={f.value} value={f.value}>
                {f.label}
              </MenuItem>
            ))}
          </TextField>
          <SearchField label="帳號或姓名" value={keyword} onChange={setKeyword} />
          <Button type="submit" variant="contained">
            查詢
          </Button>
        </Stack>
      </Paper>
      {starter.error && (
        <Alert severity="error" sx={{ mb: 2 }} onClose={starter.clearError}>
          {starter.error.message}
          {starter.error.openUrl && (
            <Button
              size="small"
              sx={{ ml: 1 }}
              onClick={() => set({ sync: new URL(starter.error!.openUrl!, window.location.href).searchParams.get('sync') })}
            >
              查看進行中的作業
            </Button>
          )}
        </Alert>
      )}
      {syncId && (
        <Paper variant="outlined" component="section" aria-label="重新同步進度" sx={{ p: 2, mb: 2 }}>
          {sync.error && <Alert severity="error">{sync.error}</Alert>}
          {sync.value && (
            <>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
                <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600 }}>
                  重新同步 {sync.value.name}（{sync.value.account}）
                </Typography>
                <Chip
                  size="small"
                  color={sync.value.status === 'SYNCED' ? 'success' : sync.value.status === 'FAILED' ? 'error' : 'warning'}
                  label={sync.value.statusLabel}
                />
                <TemporalLink href={sync.value.temporalUrl} />
                <Button size="small" onClick={() => set({ sync: null })}>
                  關閉
                </Button>
              </Stack>
              <Timeline events={sync.value.events} />
            </>
          )}
        </Paper>
      )}
      {list.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {list.error}
        </Alert>
      )}
      <DataGrid
        rows={list.value?.items ?? []}
        rowCount={list.value?.total ?? 0}
        columns={columns}
        loading={list.loading}
        localeText={{ ...localeText, noRowsLabel: '查無符合條件的帳號' }}
        label="帳號同步狀態"
        paginationMode="server"
        pageSizeOptions={[20, 50, 100]}
        paginationModel={{ page, pageSize }}
        onPaginationModelChange={(m) =>
          set({ page: m.page ? String(m.page) : null, pageSize: m.pageSize !== 20 ? String(m.pageSize) : null })
        }
        disableRowSelectionOnClick
        getRowHeight={() => 'auto'}
        sx={{ '& .MuiDataGrid-cell': { py: 0.75 } }}
      />
    </>
  );
}
