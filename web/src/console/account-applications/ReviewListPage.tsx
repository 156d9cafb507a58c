import DoneAllOutlined from '@mui/icons-material/DoneAllOutlined';
import DoNotDisturbOutlined from '@mui/icons-material/DoNotDisturbOutlined';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import MuiLink from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import type { Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { DataGrid, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import { zhTW } from '@mui/x-data-grid/locales';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { agencyOptions, type AgencyOption } from '../../apply/organization/orgCascade';
import { useOrganizations } from '../../apply/organization/useOrganizations';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../common/PageHeading';
import { errorMessage } from '../../lib/api';
import type { Decision, ReviewListItem, ReviewStatusFilter } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { ROUTES } from '../../routes/routeTable';
import { DecisionDialog, type DecisionInput } from './DecisionDialog';
import {
  DECISION_LABELS,
  isSelectable,
  listPath,
  PAGE_SIZES,
  paramsFromQuery,
  queryFromParams,
  selectedIds,
  STATUS_FILTERS,
  summarizeBatch,
  withFilter,
  type BatchSummary,
  type ReviewQuery,
} from './reviewQuery';
import { ReviewStatusChip } from './ReviewStatusChip';
import { decideBatch, useReviewList } from './useReviewApplications';

const localeText = zhTW.components.MuiDataGrid.defaultProps.localeText;
const EMPTY_SELECTION: GridRowSelectionModel = { type: 'include', ids: new Set() };
const KEYWORD_DEBOUNCE_MS = 400;

export function detailPath(id: string): string {
  return ROUTES.consoleAccountApplication.path.replace(':id', encodeURIComponent(id));
}

/** 管理主控台功能 › 帳號管理 › 帳號申請審核: applications of the admin's agency (all, for system admins). */
export default function ReviewListPage() {
  const { state } = useSession();
  const isSystemAdmin = state.status === 'authenticated' && state.user.roles.includes('SYSTEM_ADMIN');
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const { list, loading, error, reload } = useReviewList(listPath(query, isSystemAdmin));
  const [selection, setSelection] = useState<GridRowSelectionModel>(EMPTY_SELECTION);
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [summary, setSummary] = useState<BatchSummary | null>(null);
  const { run, pending } = useSingleFlight();
  const navigate = useNavigate();
  const location = useLocation();
  // On phones: 登入帳號, 姓名 and 狀態; the rest is on the detail page.
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });

  const chosen = selectedIds(selection, list.items);
  const accountOf = (id: string) => list.items.find((item) => item.id === id)?.account ?? id;

  const update = (next: ReviewQuery, replace = false) => {
    setSelection(EMPTY_SELECTION);
    setParams(paramsFromQuery(next), { replace });
  };

  const openDetail = (id: string) => void navigate(detailPath(id), { state: { listSearch: location.search } });

  const submitBatch = (decision: Decision, input: DecisionInput) =>
    void run(async () => {
      setDialogError(null);
      try {
        const answer = await decideBatch({ ids: chosen, decision, ...(input.comment ? { comment: input.comment } : {}) });
        setSummary(summarizeBatch(answer.results, decision, accountOf));
        setDialog(null);
        setSelection(EMPTY_SELECTION);
        reload();
      } catch (cause) {
        setDialogError(errorMessage(cause));
      }
    });

  const columns: GridColDef<ReviewListItem>[] = [
    {
      field: 'submittedAt',
      headerName: '申請時間',
      minWidth: 140,
      flex: 0.9,
      sortable: false,
      valueFormatter: (value: string) => formatDateTime(value),
    },
    {
      field: 'account',
      headerName: '登入帳號',
      minWidth: 120,
      flex: 0.9,
      sortable: false,
      renderCell: ({ row }) => (
        <MuiLink
          component={Link}
          to={detailPath(row.id)}
          state={{ listSearch: location.search }}
          onClick={(event) => event.stopPropagation()}
          sx={{ fontWeight: 600 }}
        >
          {row.account}
        </MuiLink>
      ),
    },
    { field: 'name', headerName: '姓名', minWidth: 100, flex: 0.7, sortable: false },
    { field: 'organizationPath', headerName: '機關單位', minWidth: 180, flex: 1.6, sortable: false },
    {
      field: 'status',
      headerName: '狀態',
      minWidth: narrow ? 150 : 230,
      flex: 1.2,
      sortable: false,
      renderCell: ({ row }) => <ReviewStatusChip status={row.status} statusLabel={row.statusLabel} escalated={row.escalated} />,
    },
  ];

  return (
    <>
      <PageHeading title={ROUTES.consoleAccountApplications.title} />
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
          <KeywordField initial={query.q} onSearch={(q) => update(withFilter(query, { q }), true)} />
          {isSystemAdmin && (
            <AgencyFilter value={query.agencyCode} onChange={(agencyCode) => update(withFilter(query, { agencyCode }))} />
          )}
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
        <Alert
          severity="error"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={reload}>
              重新整理
            </Button>
          }
        >
          {error}
        </Alert>
      )}

      <Paper component="section" aria-label="申請清單" sx={{ p: { xs: 1.5, sm: 2 } }}>
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={1.5}
          sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', mb: 1.5 }}
        >
          <Typography sx={{ color: 'text.secondary' }} aria-live="polite">
            共 {list.total} 筆{chosen.length > 0 && <>，已選擇 {chosen.length} 筆</>}
          </Typography>
          <Stack direction="row" spacing={1}>
            <Button
              variant="contained"
              startIcon={<DoneAllOutlined />}
              disabled={chosen.length === 0 || pending}
              onClick={() => {
                setDialogError(null);
                setDialog('APPROVE');
              }}
            >
              批次核准
            </Button>
            <Button
              variant="outlined"
              color="error"
              startIcon={<DoNotDisturbOutlined />}
              disabled={chosen.length === 0 || pending}
              onClick={() => {
                setDialogError(null);
                setDialog('REJECT');
              }}
            >
              批次駁回
            </Button>
          </Stack>
        </Stack>
        <DataGrid
          rows={list.items}
          columns={columns}
          loading={loading}
          localeText={{ ...localeText, noRowsLabel: query.status === 'PENDING' ? '目前沒有待審核的申請' : '查無符合條件的申請' }}
          label="帳號申請清單"
          columnVisibilityModel={{ submittedAt: !narrow, organizationPath: !narrow }}
          autoHeight
          disableColumnMenu
          disableRowSelectionOnClick
          checkboxSelection
          isRowSelectable={({ row }) => isSelectable(row)}
          rowSelectionModel={selection}
          onRowSelectionModelChange={setSelection}
          paginationMode="server"
          rowCount={list.total}
          paginationModel={{ page: query.page, pageSize: query.pageSize }}
          onPaginationModelChange={(model) => update({ ...query, page: model.page, pageSize: model.pageSize })}
          pageSizeOptions={[...PAGE_SIZES]}
          onCellClick={(cell) => {
            if (cell.field !== '__check__' && cell.field !== 'account') openDetail(String(cell.id));
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
              將{DECISION_LABELS[dialog]}下列申請：{chosen.map(accountOf).join('、')}。
              {dialog === 'APPROVE' && <> 公務郵件依各申請人的申請核發；如需個別調整，請至申請明細逐筆核准。</>}
            </>
          }
          pending={pending}
          error={dialogError}
          onSubmit={(input) => submitBatch(dialog, input)}
          onClose={() => setDialog(null)}
        />
      )}
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 2 }}>
        點選申請列可檢視申請明細及審核；需要逐筆決定是否核發公務郵件時，請於申請明細中核准。
      </Typography>
    </>
  );
}

function KeywordField({ initial, onSearch }: { initial: string; onSearch: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  // Follow the address when it changes by itself (回上一頁): the field then shows that keyword.
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setValue(initial);
  }
  useEffect(() => {
    if (value.trim() === initial) return undefined;
    const timer = setTimeout(() => onSearch(value.trim()), KEYWORD_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, initial, onSearch]);
  return (
    <TextField
      label="關鍵字"
      placeholder="登入帳號或姓名"
      value={value}
      onChange={(event) => setValue(event.target.value)}
      size="small"
      type="search"
      sx={{ flex: 1, minWidth: 200 }}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchOutlined fontSize="small" aria-hidden />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}

function AgencyFilter({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { index } = useOrganizations();
  const options = useMemo(() => (index ? agencyOptions(index) : []), [index]);
  const selected = options.find((option) => option.code === value) ?? null;
  return (
    <Autocomplete<AgencyOption>
      options={options}
      value={selected}
      onChange={(_event, option) => onChange(option?.code ?? '')}
      getOptionLabel={(option) => option.label}
      isOptionEqualToValue={(option, other) => option.code === other.code}
      loading={!index}
      loadingText="載入中…"
      noOptionsText="查無機關"
      size="small"
      sx={{ flex: 1, minWidth: 240 }}
      renderInput={(inputParams) => <TextField {...inputParams} label="機關" placeholder="全部機關" />}
    />
  );
}
