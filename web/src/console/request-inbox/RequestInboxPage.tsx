import DoneAllOutlined from '@mui/icons-material/DoneAllOutlined';
import DoNotDisturbOutlined from '@mui/icons-material/DoNotDisturbOutlined';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import MuiLink from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import type { Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { GridColDef, GridRowSelectionModel } from '@mui/x-data-grid';
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { agencyOptions, type AgencyOption } from '../../apply/organization/orgCascade';
import { useOrganizations } from '../../apply/organization/useOrganizations';
import { useSession } from '../../auth/session';
import { usePagedList } from '../../lib/data';
import { PageHeading } from '../../common/PageHeading';
import { ServerPagedGrid } from '../../common/ServerPagedGrid';
import { errorMessage, type Decision, type ReviewStatusFilter } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { DecisionDialog, type DecisionInput } from '../account-applications/DecisionDialog';
import {
  isSelectable,
  REVIEW_WORDS,
  listSearch,
  PAGE_SIZES,
  paramsFromQuery,
  queryFromParams,
  selectedIds,
  STATUS_FILTERS,
  summarizeBatch,
  withFilter,
  withPage,
  type BatchSummary,
  type ReviewQuery,
  type ReviewWords,
} from '../account-applications/reviewQuery';
import type { InboxApi, InboxItem } from './api';
import { RetryAlert } from '../../common/RetryAlert';

const EMPTY_SELECTION: GridRowSelectionModel = { type: 'include', ids: new Set() };
const KEYWORD_DEBOUNCE_MS = 400;
const NO_MATCH = '查無符合條件的申請';
const BATCH_BUTTONS = [
  { decision: 'APPROVE', variant: 'contained', color: 'primary', Icon: DoneAllOutlined },
  { decision: 'REJECT', variant: 'outlined', color: 'error', Icon: DoNotDisturbOutlined },
] as const;

export interface RequestInboxConfig<T extends InboxItem> {
  /** The page heading (ROUTES.…title). */
  title: string;
  api: InboxApi<T>;
  /**
   * The inbox's own columns, between 申請時間 · {accountHeader} · 姓名 and 狀態 (every inbox has those; the
   * account is a link to the detail page for keyboards, a click anywhere on the row does the same).
   */
  columns: GridColDef<T>[];
  /** The account column's heading; 登入帳號 unless said. */
  accountHeader?: string;
  /** The column that links to the detail page: the account unless said (申請單號: `{ field: 'key', … }`). */
  link?: { field: keyof T & string; headerName: string };
  /** 姓名's heading (申請人 where the manual names the applicant so). */
  nameHeader?: string;
  /** The columns' order by field when not the usual one; fields not named follow in theirs. */
  columnOrder?: readonly string[];
  /** 狀態 other than the API's status label as text (`narrow`: on phones). */
  statusColumn?: (narrow: boolean) => GridColDef<T>;
  /** The grid's accessible name, e.g. 帳號申請清單. */
  gridLabel: string;
  /** The empty grid under 待審核, and under 已審核/全部 (a keyword gives 查無符合條件的申請). */
  empty: { pending: string; other: string };
  /** Where a row leads; `listSearch` is the list's query string (with its 「?」, or empty). */
  detailPath: (id: string, listSearch: string) => string;
  /** 批次核准/批次駁回: 「將核准下列{noun}：{label}、…。{note}」. */
  batch: { noun: string; label?: (row: T) => string; note?: Partial<Record<Decision, string>> };
  /** A hint under the grid. */
  note?: ReactNode;
  /** Columns left out on phones (the rest scroll sideways). */
  phoneHiddenColumns?: readonly string[];
  /** Columns of every inbox this one leaves out (e.g. 申請時間, which its detail shows). */
  hiddenColumns?: readonly string[];
  /** 機關 filter, for system administrators only. */
  agencyFilter?: boolean;
  /** Rows as tall as their text (e.g. a multi-line 申請原因). */
  autoRowHeight?: boolean;
  /** How decisions and their comment are worded (場地借用審核: 通過 / 駁回, 審核說明). */
  words?: ReviewWords;
  /**
   * Instead of 待審核 / 已審核 / 全部: a 審核狀態 select over the request's own statuses (the first one is
   * the pending one, shown by default; '' is 全部), sent as `state`.
   */
  statusSelect?: { label: string; options: readonly { value: string; label: string }[] };
  /** The inbox's own filters beside the keyword (借用日期), kept in the address under their key. */
  filters?: readonly { key: string; label: string; type: 'date' }[];
  /** 通過 / 駁回 buttons on each pending row (one decision in the dialog), as well as the batch. */
  rowDecisions?: boolean;
  /** One 批次審核 button whose dialog asks 審核狀態 (the manual's booking inboxes), instead of one per decision. */
  batchButton?: string;
}

interface RequestInboxPageProps<T extends InboxItem> {
  config: RequestInboxConfig<T>;
  /** A message above the list (e.g. the decision just made in a detail dialog). */
  notice?: { text: string; onClose: () => void } | null;
  /** Rendered after the page (e.g. a detail dialog over the list). */
  children?: ReactNode;
}

/**
 * A console inbox of 管理主控台 › 帳號管理 (帳號申請審核, 復用申請審核, 機關管理者申請審核, 機關異動審核):
 * 待審核/已審核/全部, keyword, server paging (all kept in the address), a click on a row opens its
 * detail page, and 批次核准 / 批次駁回 of the chosen 待審核 rows with a summary of the results.
 */
export function RequestInboxPage<T extends InboxItem>({ config, notice, children }: RequestInboxPageProps<T>) {
  const { state } = useSession();
  const canFilterAgency =
    Boolean(config.agencyFilter) && state.status === 'authenticated' && state.user.roles.includes('SYSTEM_ADMIN');
  const [params, setParams] = useSearchParams();
  const filterKeys = [...(config.statusSelect ? ['state'] : []), ...(config.filters ?? []).map((f) => f.key)];
  const query = queryFromParams(params, filterKeys);
  const words = config.words ?? REVIEW_WORDS;
  const search = listSearch(query, canFilterAgency);
  // The last page stays on screen while the next one loads (no flashing empty grid).
  const list = usePagedList((signal) => config.api.list(search, signal), [config.api.list, search]);
  const { loading, error, reload } = list;
  const [selection, setSelection] = useState<GridRowSelectionModel>(EMPTY_SELECTION);
  const [dialog, setDialog] = useState<Decision | null>(null);
  /** The rows the open dialog decides: the chosen ones, or the one whose 通過 / 駁回 was pressed. */
  const [single, setSingle] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [summary, setSummary] = useState<BatchSummary | null>(null);
  const { run, pending } = useSingleFlight();
  const navigate = useNavigate();
  const location = useLocation();
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });

  const rows = list.items;
  const selected = selectedIds(selection, rows);
  const chosen = single ? [single] : selected;
  const accountOf = (id: string) => rows.find((item) => item.id === id)?.account ?? id;
  const labelOf = config.batch.label ?? ((row: T) => row.account);
  const detailPath = (id: string) => config.detailPath(id, location.search);
  const detailState = { listSearch: location.search };

  const update = (next: ReviewQuery, replace = false) => {
    setSelection(EMPTY_SELECTION);
    setParams(paramsFromQuery(next), { replace });
  };

  const openBatch = (decision: Decision, id: string | null = null) => {
    setDialogError(null);
    setSingle(id);
    setDialog(decision);
  };

  const submitBatch = (asked: Decision, input: DecisionInput) =>
    void run(async () => {
      setDialogError(null);
      const decision = input.decision ?? asked;
      try {
        const answer = await config.api.decideBatch({
          ids: chosen,
          decision,
          ...(input.comment ? { comment: input.comment } : {}),
        });
        setSummary(summarizeBatch(answer.results, decision, accountOf, words));
        setDialog(null);
        setSingle(null);
        setSelection(EMPTY_SELECTION);
        reload();
      } catch (cause) {
        setDialogError(errorMessage(cause));
      }
    });

  const linkCell = (field: keyof T & string, headerName: string): GridColDef<T> => ({
    field,
    headerName,
    minWidth: 120,
    flex: 0.9,
    renderCell: ({ row }) => (
      <MuiLink
        component={Link}
        to={detailPath(row.id)}
        state={detailState}
        onClick={(event) => event.stopPropagation()}
        sx={{ fontWeight: 600 }}
      >
        {String(row[field])}
      </MuiLink>
    ),
  });
  const accountHeader = config.accountHeader ?? '登入帳號';
  const usualColumns: GridColDef<T>[] = [
    ...(config.link ? [linkCell(config.link.field, config.link.headerName)] : []),
    {
      field: 'submittedAt',
      headerName: '申請時間',
      minWidth: 140,
      flex: 0.9,
      valueFormatter: (value: string) => formatDateTime(value),
    },
    config.link ? { field: 'account', headerName: accountHeader, minWidth: 120, flex: 0.9 } : linkCell('account', accountHeader),
    { field: 'name', headerName: config.nameHeader ?? '姓名', minWidth: 100, flex: 0.7 },
    ...config.columns,
    config.statusColumn?.(narrow) ?? { field: 'statusLabel', headerName: '狀態', minWidth: 120, flex: 0.8 },
    ...(config.rowDecisions
      ? [
          {
            field: 'decide',
            headerName: '審核',
            minWidth: 140,
            sortable: false,
            renderCell: ({ row }) =>
              isSelectable(row) ? (
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', height: '100%' }}>
                  {BATCH_BUTTONS.map(({ decision, color }) => (
                    <Button
                      key={decision}
                      size="small"
                      variant={decision === 'APPROVE' ? 'contained' : 'outlined'}
                      color={color}
                      disabled={pending}
                      aria-label={`${words.decisions[decision]} ${row.name}（${row.account}）`}
                      onClick={(event) => {
                        event.stopPropagation();
                        openBatch(decision, row.id);
                      }}
                    >
                      {words.decisions[decision]}
                    </Button>
                  ))}
                </Stack>
              ) : null,
          } satisfies GridColDef<T>,
        ]
      : []),
  ];
  const order = config.columnOrder ?? [];
  const rank = (column: GridColDef<T>) => (order.includes(column.field) ? order.indexOf(column.field) : order.length);
  const columns = order.length ? [...usualColumns].sort((a, b) => rank(a) - rank(b)) : usualColumns;
  const statusValue =
    query.status === 'PENDING' ? (config.statusSelect?.options[0]?.value ?? 'PENDING') : (query.filters?.state ?? '');
  const batchActions = config.batchButton ? (
    <Button
      variant="contained"
      startIcon={<DoneAllOutlined />}
      disabled={selected.length === 0 || pending}
      onClick={() => openBatch('APPROVE')}
    >
      {config.batchButton}
    </Button>
  ) : (
    BATCH_BUTTONS.map(({ decision, variant, color, Icon }) => (
      <Button
        key={decision}
        variant={variant}
        color={color}
        startIcon={<Icon />}
        disabled={selected.length === 0 || pending}
        onClick={() => openBatch(decision)}
      >
        批次{words.decisions[decision]}
      </Button>
    ))
  );

  return (
    <>
      <PageHeading title={config.title} />
      <Paper component="section" aria-label="查詢條件" sx={{ p: { xs: 2, sm: 2.5 }, mb: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
          {config.statusSelect ? (
            <TextField
              select
              size="small"
              label={config.statusSelect.label}
              value={statusValue}
              sx={{ minWidth: 140 }}
              onChange={(event) => {
                const value = event.target.value;
                const pending = value === config.statusSelect!.options[0]?.value;
                update(withFilter(query, { status: pending ? 'PENDING' : 'ALL', filters: { state: pending ? '' : value } }));
              }}
            >
              {config.statusSelect.options.map((option) => (
                <MenuItem key={option.value || 'all'} value={option.value}>
                  {option.label}
                </MenuItem>
              ))}
            </TextField>
          ) : (
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
          )}
          {(config.filters ?? []).map((filter) => (
            <TextField
              key={filter.key}
              type="date"
              size="small"
              label={filter.label}
              value={query.filters?.[filter.key] ?? ''}
              onChange={(event) => update(withFilter(query, { filters: { [filter.key]: event.target.value } }))}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          ))}
          <KeywordField initial={query.q} onSearch={(q) => update(withFilter(query, { q }), true)} />
          {canFilterAgency && (
            <AgencyFilter value={query.agencyCode} onChange={(agencyCode) => update(withFilter(query, { agencyCode }))} />
          )}
        </Stack>
      </Paper>

      {notice && (
        <Alert severity="success" role="status" onClose={notice.onClose} sx={{ mb: 2 }}>
          {notice.text}
        </Alert>
      )}
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
        <RetryAlert onRetry={reload} role="alert" sx={{ mb: 2 }}>
          {error}
        </RetryAlert>
      )}

      <ServerPagedGrid
        section="申請清單"
        label={config.gridLabel}
        stackOnPhones
        summary={
          <>
            共 {list.totalLabel} 筆{selected.length > 0 && <>，已選擇 {selected.length} 筆</>}
          </>
        }
        actions={
          <Stack direction="row" spacing={1}>
            {batchActions}
          </Stack>
        }
        rows={rows}
        columns={columns}
        loading={loading}
        emptyText={query.q ? NO_MATCH : query.status === 'PENDING' ? config.empty.pending : config.empty.other}
        columnVisibilityModel={Object.fromEntries([
          ...(config.phoneHiddenColumns ?? []).map((field) => [field, !narrow]),
          ...(config.hiddenColumns ?? []).map((field) => [field, false]),
        ])}
        {...(config.autoRowHeight ? { getRowHeight: () => 'auto' as const } : {})}
        disableColumnSorting
        checkboxSelection
        isRowSelectable={({ row }) => isSelectable(row)}
        rowSelectionModel={selection}
        onRowSelectionModelChange={setSelection}
        // Past the capped count the grid pages on without a last page number.
        rowCount={list.totalCapped ? -1 : list.total}
        paginationMeta={{ hasNextPage: Boolean(list.nextCursor) }}
        paginationModel={{ page: query.page, pageSize: query.pageSize }}
        onPaginationModelChange={(model) => update(withPage(query, model, list))}
        pageSizeOptions={[...PAGE_SIZES]}
        onCellClick={(cell) => {
          if (cell.field !== '__check__') void navigate(detailPath(String(cell.id)), { state: detailState });
        }}
        sx={{
          '& .MuiDataGrid-row': { cursor: 'pointer' },
          // Tall rows: text wraps and every cell (the checkbox's too) stays vertically centred.
          ...(config.autoRowHeight
            ? { '& .MuiDataGrid-cell': { py: 1, display: 'flex', alignItems: 'center', lineHeight: 1.5, whiteSpace: 'normal' } }
            : {}),
        }}
      />

      {dialog && (
        <DecisionDialog
          decision={dialog}
          words={words}
          {...(config.batchButton && !single ? { batchCount: chosen.length } : {})}
          title={
            single
              ? `${words.decisions[dialog]}${config.batch.noun}`
              : config.batchButton
                ? `${config.batchButton}（${chosen.length} 筆）`
                : `批次${words.decisions[dialog]}（${chosen.length} 筆）`
          }
          description={
            <>
              {config.batchButton && !single ? '將審核' : `將${words.decisions[dialog]}`}下列{config.batch.noun}：
              {chosen
                .map((id) => {
                  const row = rows.find((item) => item.id === id);
                  return row ? labelOf(row) : id;
                })
                .join('、')}
              。{config.batchButton && !single ? '' : config.batch.note?.[dialog]}
            </>
          }
          pending={pending}
          error={dialogError}
          onSubmit={(input) => submitBatch(dialog, input)}
          onClose={() => {
            setDialog(null);
            setSingle(null);
          }}
        />
      )}
      {config.note && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 2 }}>
          {config.note}
        </Typography>
      )}
      {children}
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
    <Stack
      component="form"
      direction="row"
      spacing={1}
      sx={{ flex: 1 }}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (value.trim() !== initial) onSearch(value.trim());
      }}
    >
      <TextField
        label="關鍵字"
        placeholder="登入帳號或姓名的開頭"
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
      <Button type="submit" variant="outlined">
        查詢
      </Button>
    </Stack>
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
