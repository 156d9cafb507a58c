import DoneAllOutlined from '@mui/icons-material/DoneAllOutlined';
import DoNotDisturbOutlined from '@mui/icons-material/DoNotDisturbOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import { zhTW } from '@mui/x-data-grid/locales';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../common/PageHeading';
import { api, errorMessage } from '../../lib/api';
import type { BatchDecisionResult, Decision, ReviewListItem, ReviewStatusFilter } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { ROUTES } from '../../routes/routeTable';
import { DecisionDialog, type DecisionInput } from '../account-applications/DecisionDialog';
import {
  DECISION_LABELS,
  isSelectable,
  PAGE_SIZES,
  paramsFromQuery,
  queryFromParams,
  selectedIds,
  STATUS_FILTERS,
  summarizeBatch,
  withFilter,
  type BatchSummary,
} from '../account-applications/reviewQuery';
import { useReviewList } from '../account-applications/useReviewApplications';

export const REACTIVATION_API = '/api/console/reactivation-requests';
const localeText = zhTW.components.MuiDataGrid.defaultProps.localeText;
const EMPTY_SELECTION: GridRowSelectionModel = { type: 'include', ids: new Set() };

export interface ReactivationItem {
  id: string;
  account: string;
  name: string;
  organizationPath: string;
  fromOrganizationPath: string;
  title: string;
  submittedAt: string;
  /** workflows/account-reactivation.messages.ts ReactivationStatus; PENDING until decided. */
  status: string;
  statusLabel: string;
}

export const reactivationDetailPath = (id: string) =>
  ROUTES.consoleReactivationRequest.path.replace(':id', encodeURIComponent(id));

/**
 * 管理主控台功能 › 帳號管理 › 復用申請審核: 個人帳號復用 requests for the admin's agency (all, for
 * system admins), searchable by account or name, with 批次核准 / 批次駁回 of the pending ones.
 */
export default function ReactivationRequestsPage() {
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const listParams = new URLSearchParams({ status: query.status, page: String(query.page), pageSize: String(query.pageSize) });
  if (query.q) listParams.set('q', query.q);
  const { list, loading, error, reload } = useReviewList(`${REACTIVATION_API}?${listParams}`);
  const items = list.items as unknown as ReactivationItem[];
  const [selection, setSelection] = useState<GridRowSelectionModel>(EMPTY_SELECTION);
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [summary, setSummary] = useState<BatchSummary | null>(null);
  const [keyword, setKeyword] = useState(query.q);
  const { run, pending } = useSingleFlight();
  const navigate = useNavigate();

  // The inbox helpers only tell PENDING (selectable) from the rest, which these rows share.
  const rows = items as unknown as Pick<ReviewListItem, 'id' | 'status'>[];
  const chosen = selectedIds(selection, rows);
  const accountOf = (id: string) => items.find((item) => item.id === id)?.account ?? id;
  const update = (next: typeof query) => {
    setSelection(EMPTY_SELECTION);
    setParams(paramsFromQuery(next));
  };

  const submitBatch = (decision: Decision, input: DecisionInput) =>
    void run(async () => {
      setDialogError(null);
      try {
        const answer = await api.post<BatchDecisionResult>(`${REACTIVATION_API}/batch-decision`, {
          ids: chosen,
          decision,
          ...(input.comment ? { comment: input.comment } : {}),
        });
        setSummary(summarizeBatch(answer.results, decision, accountOf));
        setDialog(null);
        setSelection(EMPTY_SELECTION);
        reload();
      } catch (cause) {
        setDialogError(errorMessage(cause));
      }
    });

  const columns: GridColDef<ReactivationItem>[] = [
    { field: 'submittedAt', headerName: '申請時間', minWidth: 140, flex: 0.9, valueFormatter: (v: string) => formatDateTime(v) },
    { field: 'account', headerName: '登入帳號', minWidth: 110, flex: 0.8 },
    { field: 'name', headerName: '姓名', minWidth: 90, flex: 0.6 },
    { field: 'organizationPath', headerName: '復用單位', minWidth: 180, flex: 1.5 },
    { field: 'title', headerName: '職稱', minWidth: 90, flex: 0.6 },
    { field: 'statusLabel', headerName: '狀態', minWidth: 160, flex: 1 },
  ];

  return (
    <>
      <PageHeading title={ROUTES.consoleReactivationRequests.title} />
      <Paper component="section" aria-label="查詢條件" sx={{ p: { xs: 2, sm: 2.5 }, mb: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
          <ToggleButtonGroup
            value={query.status}
            exclusive
            size="small"
            color="primary"
            aria-label="狀態"
            onChange={(_event, value: ReviewStatusFilter | null) => value && update(withFilter(query, { status: value }))}
          >
            {STATUS_FILTERS.map((item) => (
              <ToggleButton key={item.value} value={item.value} sx={{ px: 2 }}>
                {item.label}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <Stack
            component="form"
            direction="row"
            spacing={1}
            sx={{ flex: 1 }}
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              update(withFilter(query, { q: keyword.trim() }));
            }}
          >
            <TextField
              label="關鍵字"
              placeholder="登入帳號或姓名"
              value={keyword}
              onChange={(event) => setKeyword(event.target.value)}
              size="small"
              type="search"
              sx={{ flex: 1, minWidth: 200 }}
            />
            <Button type="submit" variant="outlined">
              查詢
            </Button>
          </Stack>
        </Stack>
      </Paper>

      {summary && (
        <Alert severity={summary.severity} onClose={() => setSummary(null)} sx={{ mb: 2 }} role="status">
          {summary.text}
          {summary.failures.length > 0 && (
            <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
              {summary.failures.map((failure) => (
                <li key={failure.id}>
                  {failure.label}：{failure.message}
                </li>
              ))}
            </Box>
          )}
        </Alert>
      )}
      {error && (
        <Alert severity="error" sx={{ mb: 2 }} role="alert">
          {error}
        </Alert>
      )}

      <Paper component="section" aria-label="申請清單" sx={{ p: { xs: 1.5, sm: 2 } }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5 }}>
          <Typography sx={{ color: 'text.secondary' }} aria-live="polite">
            共 {list.total} 筆{chosen.length > 0 && <>，已選擇 {chosen.length} 筆</>}
          </Typography>
          <Stack direction="row" spacing={1}>
            <Button
              variant="contained"
              startIcon={<DoneAllOutlined />}
              disabled={chosen.length === 0 || pending}
              onClick={() => setDialog('APPROVE')}
            >
              批次核准
            </Button>
            <Button
              variant="outlined"
              color="error"
              startIcon={<DoNotDisturbOutlined />}
              disabled={chosen.length === 0 || pending}
              onClick={() => setDialog('REJECT')}
            >
              批次駁回
            </Button>
          </Stack>
        </Stack>
        <DataGrid
          rows={items}
          columns={columns}
          loading={loading}
          localeText={{
            ...localeText,
            noRowsLabel: query.status === 'PENDING' ? '目前沒有待審核的復用申請' : '查無符合條件的申請',
          }}
          label="復用申請清單"
          autoHeight
          disableColumnMenu
          disableColumnSorting
          disableRowSelectionOnClick
          checkboxSelection
          isRowSelectable={({ row }) => isSelectable(row as unknown as Pick<ReviewListItem, 'status'>)}
          rowSelectionModel={selection}
          onRowSelectionModelChange={setSelection}
          paginationMode="server"
          rowCount={list.total}
          paginationModel={{ page: query.page, pageSize: query.pageSize }}
          onPaginationModelChange={(model) => update({ ...query, page: model.page, pageSize: model.pageSize })}
          pageSizeOptions={[...PAGE_SIZES]}
          onCellClick={(cell) => {
            if (cell.field !== '__check__') void navigate(reactivationDetailPath(String(cell.id)));
          }}
          sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>

      {dialog && (
        <DecisionDialog
          decision={dialog}
          title={`批次${DECISION_LABELS[dialog]}（${chosen.length} 筆）`}
          description={
            <>
              將{DECISION_LABELS[dialog]}下列復用申請：{chosen.map(accountOf).join('、')}。
            </>
          }
          pending={pending}
          error={dialogError}
          onSubmit={(input) => submitBatch(dialog, input)}
          onClose={() => setDialog(null)}
        />
      )}
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 2 }}>
        點選申請列可檢視申請明細、處理歷程及審核。核准後申請人須使用「開通帳號」設定新密碼，帳號方可使用。
      </Typography>
    </>
  );
}
