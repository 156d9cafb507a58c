import BuildOutlined from '@mui/icons-material/BuildOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import { zhTW } from '@mui/x-data-grid/locales';
import { useState } from 'react';
import { formatDateTime } from '../../lib/datetime';
import { AD_SYNC_BASE, adSyncApi, useAction, useAdSyncResource, type DriftRow, type Page, type ReconcileRun } from './adSyncApi';
import { TemporalLink } from './TemporalLink';
import { Timeline } from './Timeline';
import { useSearchParamsPatch } from '../../lib/useSearchParamsPatch';

const localeText = zhTW.components.MuiDataGrid.defaultProps.localeText;
const busy = (run: ReconcileRun) => run.status === 'CHECKING' || run.status === 'REPAIRING';
const noSelection = (): GridRowSelectionModel => ({ type: 'include', ids: new Set() });
const repairsDone = (run: ReconcileRun) => run.events?.filter((e) => e.kind === 'REPAIRED').length ?? 0;

function ProgressPanel({ run }: { run: ReconcileRun }) {
  const p = run.progress;
  const percent = p && p.total > 0 ? Math.min(100, Math.round((p.checked / p.total) * 100)) : 0;
  return (
    <Box data-testid="reconcile-progress">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Chip
          size="small"
          color={busy(run) ? 'warning' : run.status === 'CLOSED' ? 'default' : 'primary'}
          label={run.statusLabel}
        />
        <Typography variant="body2">
          已比對 {p?.checked ?? 0} / {p?.total ?? 0} 個帳號，差異 {p?.drifts ?? 0} 筆，已修復 {p?.repaired ?? 0} 筆
          {p?.unmanaged ? `，AD 中有 ${p.unmanaged} 個入口網未管理的帳號` : ''}
          {p?.adminGroupOutsiders ? `，機關管理者群組中有 ${p.adminGroupOutsiders} 個入口網未管理的成員` : ''}
        </Typography>
        <TemporalLink href={run.temporalUrl} />
      </Stack>
      <LinearProgress
        variant={run.status === 'CHECKING' && !p?.total ? 'indeterminate' : 'determinate'}
        value={run.status === 'CHECKING' ? percent : 100}
        aria-label="比對進度"
      />
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {run.startedBy ? `${run.startedBy} 於 ${formatDateTime(run.createdAt)} 開始比對` : formatDateTime(run.createdAt)}
      </Typography>
    </Box>
  );
}

/**
 * 同步比對: compares every portal account with AD (the portal is the master), lists the drift and
 * repairs it through the run. Accounts only in AD are listed, never deleted.
 */
export function ReconcileTab() {
  const [params, set] = useSearchParamsPatch();
  const filter = params.get('filter') === 'all' ? 'all' : 'open';
  const page = Number(params.get('page') ?? 0) || 0;
  const account = params.get('account') ?? '';
  const runs = useAdSyncResource<{ items: ReconcileRun[] }>(`${AD_SYNC_BASE}/reconciles`);
  const runId = params.get('run') ?? runs.value?.items[0]?.workflowId ?? null;
  // A 修復 is accepted before the run starts it: follow the run until that repair has finished.
  const [awaiting, setAwaiting] = useState<{ runId: string; done: number } | null>(null);
  const run = useAdSyncResource<ReconcileRun>(
    runId ? `${AD_SYNC_BASE}/reconciles/${encodeURIComponent(runId)}` : null,
    (r) => busy(r) || (awaiting?.runId === r.workflowId && repairsDone(r) <= awaiting.done),
  );
  const current = run.value;
  const [selection, setSelection] = useState<GridRowSelectionModel>(noSelection);
  const driftPath =
    runId && current && current.status !== 'CHECKING'
      ? `${AD_SYNC_BASE}/reconciles/${encodeURIComponent(runId)}/drifts?filter=${filter}&page=${page}&pageSize=20${account ? `&q=${encodeURIComponent(account)}` : ''}&v=${current.status}-${current.events?.length ?? 0}`
      : null;
  const drifts = useAdSyncResource<Page<DriftRow>>(driftPath);

  const starter = useAction(adSyncApi.startReconcile);
  const repairer = useAction((driftIds?: string[]) => adSyncApi.repair(runId ?? '', driftIds));

  const start = async () => {
    const started = await starter.run();
    if (started) {
      runs.reload();
      set({ run: started.workflowId, page: null });
    }
  };
  const repair = async (driftIds?: string[]) => {
    if (await repairer.run(driftIds)) {
      setSelection(noSelection());
      if (current) setAwaiting({ runId: current.workflowId, done: repairsDone(current) });
      run.reload();
    }
  };
  const selectedIds = [...selection.ids].map(String);
  const canRepair = current?.status === 'REVIEW';
  const error = starter.error ?? repairer.error;

  const columns: GridColDef<DriftRow>[] = [
    { field: 'account', headerName: '帳號', minWidth: 110, flex: 0.7, sortable: false },
    { field: 'kindLabel', headerName: '差異', minWidth: 150, flex: 1, sortable: false },
    {
      field: 'field',
      headerName: '欄位',
      minWidth: 100,
      flex: 0.7,
      sortable: false,
      valueFormatter: (v: string | null) => v ?? '—',
    },
    {
      field: 'dbValue',
      headerName: '入口網（主）',
      minWidth: 150,
      flex: 1.2,
      sortable: false,
      valueFormatter: (v: string | null) => v ?? '（空白）',
    },
    {
      field: 'adValue',
      headerName: 'AD',
      minWidth: 150,
      flex: 1.2,
      sortable: false,
      valueFormatter: (v: string | null) => v ?? '（空白）',
    },
    {
      field: 'repairedAt',
      headerName: '修復結果',
      minWidth: 170,
      flex: 1.2,
      sortable: false,
      valueGetter: (_v, row) =>
        row.repairedAt
          ? `已修復（${row.repairedByName ?? ''} ${formatDateTime(row.repairedAt)}）`
          : row.kind === 'UNMANAGED_IN_AD'
            ? '僅列出，不自動刪除'
            : !row.repairable
              ? '僅列出，不自動移出群組'
              : (row.repairError ?? '未修復'),
    },
    {
      field: 'actions',
      headerName: '操作',
      minWidth: 90,
      sortable: false,
      renderCell: ({ row }) =>
        row.repairable ? (
          <Button
            size="small"
            variant="outlined"
            disabled={!canRepair || repairer.pending}
            onClick={() => void repair([row.id])}
            aria-label={`修復 ${row.account} ${row.kindLabel}${row.field ? ` ${row.field}` : ''}`}
          >
            修復
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <Paper component="section" aria-labelledby="reconcile-heading" sx={{ p: { xs: 2, sm: 3 }, mb: 3 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', mb: 2 }}>
          <div>
            <Typography variant="h2" id="reconcile-heading">
              同步比對
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
              逐一比對入口網所有帳號與 AD 的帳號、啟用狀態、OU、屬性及機關管理者群組；入口網為主，修復時以入口網資料更新 AD。
            </Typography>
          </div>
          <Button
            variant="contained"
            startIcon={<PlayArrowOutlined />}
            onClick={() => void start()}
            disabled={starter.pending || (current ? busy(current) : false)}
            loading={starter.pending}
            sx={{ flexShrink: 0, alignSelf: 'flex-start' }}
          >
            開始比對
          </Button>
        </Stack>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }} onClose={() => (starter.error ? starter.clearError() : repairer.clearError())}>
            {error.message}
            {error.openUrl && (
              <Button
                size="small"
                sx={{ ml: 1 }}
                onClick={() => set({ run: new URL(error.openUrl!, window.location.href).searchParams.get('run') })}
              >
                查看進行中的比對
              </Button>
            )}
          </Alert>
        )}
        {run.error && <Alert severity="error">{run.error}</Alert>}
        {current ? (
          <>
            <ProgressPanel run={current} />
            {current.events && <Timeline events={current.events} />}
          </>
        ) : (
          !runs.loading && <Typography sx={{ color: 'text.secondary' }}>尚無比對紀錄，請按「開始比對」。</Typography>
        )}
      </Paper>

      {current && current.status !== 'CHECKING' && (
        <Paper component="section" aria-labelledby="drift-heading" sx={{ p: { xs: 2, sm: 3 } }}>
          <Typography variant="h2" id="drift-heading" sx={{ mb: 1.5 }}>
            差異清單
          </Typography>
          <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1.5 }}>
            <TextField
              size="small"
              label="帳號"
              value={account}
              onChange={(e) => set({ account: e.target.value.trim() || null, page: null })}
              sx={{ width: 180 }}
            />
            <TextField
              select
              size="small"
              label="顯示"
              value={filter}
              onChange={(e) => set({ filter: e.target.value === 'all' ? 'all' : null, page: null })}
              sx={{ width: 120 }}
            >
              <MenuItem value="open">未修復</MenuItem>
              <MenuItem value="all">全部</MenuItem>
            </TextField>
            <Box sx={{ flexGrow: 1 }} />
            <Button
              variant="outlined"
              startIcon={<BuildOutlined />}
              disabled={!canRepair || repairer.pending || selectedIds.length === 0}
              onClick={() => void repair(selectedIds)}
              sx={{ whiteSpace: 'nowrap' }}
            >
              修復所選（{selectedIds.length}）
            </Button>
            <Button
              variant="contained"
              startIcon={<BuildOutlined />}
              disabled={!canRepair || repairer.pending || !drifts.value?.items.some((d) => d.repairable)}
              onClick={() => void repair()}
              sx={{ whiteSpace: 'nowrap' }}
            >
              修復全部
            </Button>
          </Stack>
          <Alert severity="info" sx={{ mb: 1.5 }}>
            「AD 中有入口網未管理的帳號」及機關管理者群組中入口網未管理的成員僅列出供 AD 管理者確認，系統不會自動刪除或移出群組。
          </Alert>
          {drifts.error && <Alert severity="error">{drifts.error}</Alert>}
          <DataGrid
            rows={drifts.value?.items ?? []}
            rowCount={drifts.value?.total ?? 0}
            columns={columns}
            loading={drifts.loading}
            localeText={{ ...localeText, noRowsLabel: filter === 'open' ? '沒有未修復的差異' : '此次比對沒有發現差異' }}
            label="差異清單"
            paginationMode="server"
            pageSizeOptions={[20]}
            paginationModel={{ page, pageSize: 20 }}
            onPaginationModelChange={(m) => set({ page: m.page ? String(m.page) : null })}
            checkboxSelection
            keepNonExistentRowsSelected
            isRowSelectable={({ row }) => row.repairable}
            rowSelectionModel={selection}
            onRowSelectionModelChange={setSelection}
            disableRowSelectionOnClick
            getRowHeight={() => 'auto'}
            sx={{ '& .MuiDataGrid-cell': { py: 0.75, wordBreak: 'break-all' } }}
          />
        </Paper>
      )}
    </>
  );
}
