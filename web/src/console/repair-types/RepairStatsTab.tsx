import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useMemo, useState, type ReactNode } from 'react';
import { repairStatsQuery } from '../../../../domain/repairs/stats';
import { errorMessage } from '../../lib/api';
import { useResource } from '../../lib/data';
import { download } from '../../lib/download';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { currentMonthRange, formatDuration, formatShare, statsApi, type RepairStats, type StatsRange } from './statsApi';

type StatusKey = 'pending' | 'handled' | 'closed';
const STATUS_KEYS: readonly StatusKey[] = ['pending', 'handled', 'closed'];
const STATUS_WORDS: Record<StatusKey, string> = { pending: '待處理', handled: '已處理', closed: '已結案' };
const CHART_TEXT = { noData: '此期間沒有報修案件', loading: '載入中…' };
const rangeSchema = repairStatsQuery();

/**
 * 報修類型管理 › 處理狀況: 依「時間」查詢 the type's 處理狀況統計, the 報修案量 and 處理狀況 charts, 單位案件統計,
 * the 維修人員's reply and close times, and 匯出 (top right) of the period's report as Excel.
 */
export function RepairStatsTab({ typeId }: { typeId: string }) {
  const [draft, setDraft] = useState<StatsRange>(() => currentMonthRange());
  const [range, setRange] = useState<StatsRange>(draft);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof StatsRange, string>>>({});
  const { data, error, loading } = useResource<RepairStats>(
    (signal) => statsApi.get(typeId, range, signal),
    [typeId, range.from, range.to],
  );
  const { run, pending } = useSingleFlight();
  const [exportError, setExportError] = useState<string | null>(null);

  const search = () => {
    const checked = rangeSchema.safeParse(draft);
    if (!checked.success) {
      setFieldErrors(Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setFieldErrors({});
    setRange(checked.data);
  };
  const exportExcel = () =>
    void run(async () => {
      setExportError(null);
      try {
        await download(statsApi.exportPath(typeId, range), `處理狀況_${range.from}_${range.to}.xlsx`);
      } catch (cause) {
        setExportError(errorMessage(cause));
      }
    });

  const dateField = (key: keyof StatsRange, label: string) => (
    <TextField
      type="date"
      size="small"
      label={label}
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      error={Boolean(fieldErrors[key])}
      helperText={fieldErrors[key]}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );

  return (
    <Stack spacing={2.5}>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={1.5}
        sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}
      >
        <Stack
          component="form"
          role="search"
          aria-label="依時間查詢"
          direction={{ xs: 'column', sm: 'row' }}
          spacing={1.5}
          sx={{ alignItems: { sm: 'flex-start' } }}
          onSubmit={(e) => {
            e.preventDefault();
            search();
          }}
        >
          {dateField('from', '時間（起）')}
          {dateField('to', '時間（迄）')}
          <Button type="submit" variant="contained" sx={{ minHeight: 40 }}>
            查詢
          </Button>
        </Stack>
        <Button
          variant="outlined"
          onClick={exportExcel}
          disabled={pending}
          sx={{ minHeight: 40, alignSelf: { xs: 'stretch', md: 'flex-start' } }}
        >
          匯出
        </Button>
      </Stack>
      {(error || exportError) && (
        <Alert severity="error" role="alert">
          {error ?? exportError}
        </Alert>
      )}
      {data && (
        <Typography variant="body2" color="text.secondary" aria-live="polite">
          查詢期間：{data.range.from} 至 {data.range.to}
          {loading ? '（更新中…）' : ''}
        </Typography>
      )}
      {data && <Figures stats={data} />}
      {data && (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' } }}>
          <VolumeChart stats={data} />
          <StatusChart stats={data} />
        </Box>
      )}
      {data && <UnitTable stats={data} />}
      {data && <VendorTable stats={data} />}
    </Stack>
  );
}

function Panel({ title, children, label }: { title: string; children: ReactNode; label?: string }) {
  return (
    <Paper variant="outlined" component="section" aria-label={label ?? title} sx={{ p: 2, minWidth: 0 }}>
      <Typography component="h2" variant="h6" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function Figure({ label, value, note }: { label: string; value: string | number; note?: string }) {
  return (
    <Box role="group" aria-label={label} sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover', minWidth: 0 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
        {value}
      </Typography>
      {note && (
        <Typography variant="caption" color="text.secondary">
          {note}
        </Typography>
      )}
    </Box>
  );
}

/** 處理狀況統計 and the service desk's figures for the type. */
function Figures({ stats }: { stats: RepairStats }) {
  const s = stats.summary;
  const grid = { display: 'grid', gap: 1.5, gridTemplateColumns: { xs: 'repeat(2, 1fr)', sm: 'repeat(4, 1fr)' } };
  return (
    <Panel title="處理狀況統計">
      <Box sx={grid}>
        <Figure label="報修案件" value={s.total} />
        <Figure label="待處理" value={s.pending} />
        <Figure label="已處理" value={s.handled} />
        <Figure label="已結案" value={s.closed} note={s.autoClosed ? `其中 ${s.autoClosed} 件逾期未評分自動結案` : undefined} />
      </Box>
      <Box sx={{ ...grid, mt: 1.5 }}>
        <Figure
          label="首次回覆時間（中位數）"
          value={formatDuration(s.medianFirstReplySeconds)}
          note={`已回覆 ${s.replied} 件`}
        />
        <Figure label="結案時間（中位數）" value={formatDuration(s.medianCloseSeconds)} note={`已結案 ${s.closedCount} 件`} />
        <Figure label="退回比例" value={formatShare(s.returnedShare)} note={`曾退回 ${s.returned} 件`} />
        <Figure
          label="平均評分"
          value={s.averageRating == null ? '—' : s.averageRating.toFixed(1)}
          note={`已評分 ${s.rated} 件`}
        />
      </Box>
    </Panel>
  );
}

function useStatusColors(): Record<StatusKey, string> {
  const { palette } = useTheme();
  return { pending: palette.warning.main, handled: palette.info.main, closed: palette.success.main };
}

/** 報修案量: tickets reported per day (week, month), stacked by their status. */
function VolumeChart({ stats }: { stats: RepairStats }) {
  const colors = useStatusColors();
  const title = `報修案量（${stats.range.granularityLabel}）`;
  const empty = stats.summary.total === 0;
  return (
    <Panel title={title} label="報修案量">
      <Box role="img" aria-label={`${title}圖表，共 ${stats.summary.total} 件`} sx={{ width: '100%' }}>
        <BarChart
          height={300}
          xAxis={[{ scaleType: 'band', data: stats.volume.map((b) => b.label), tickLabelStyle: { fontSize: 11 } }]}
          yAxis={[{ tickMinStep: 1, width: 36 }]}
          series={
            empty
              ? []
              : STATUS_KEYS.map((key) => ({
                  id: key,
                  label: STATUS_WORDS[key],
                  data: stats.volume.map((b) => b[key]),
                  stack: 'status',
                  color: colors[key],
                }))
          }
          localeText={CHART_TEXT}
          margin={{ left: 4, right: 8 }}
        />
      </Box>
    </Panel>
  );
}

/** 處理狀況: the period's tickets by status. */
function StatusChart({ stats }: { stats: RepairStats }) {
  const colors = useStatusColors();
  const data = useMemo(
    () =>
      stats.statuses
        .filter((s) => s.count > 0)
        .map((s) => ({
          id: s.status,
          value: s.count,
          label: `${s.label} ${s.count}`,
          color: colors[s.status.toLowerCase() as StatusKey],
        })),
    [stats.statuses, colors],
  );
  return (
    <Panel title="處理狀況">
      <Box
        role="img"
        aria-label={`處理狀況圖表：${stats.statuses.map((s) => `${s.label} ${s.count} 件`).join('、')}`}
        sx={{ width: '100%' }}
      >
        <PieChart
          height={300}
          series={
            data.length
              ? [
                  {
                    data,
                    innerRadius: 50,
                    paddingAngle: 1,
                    cornerRadius: 3,
                    highlightScope: { fade: 'global', highlight: 'item' },
                  },
                ]
              : []
          }
          localeText={CHART_TEXT}
        />
      </Box>
    </Panel>
  );
}

const numberCell = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

/** A figures table: its first column words, the others numbers (right-aligned); 目前沒有資料 when empty. */
function StatsTable({
  label,
  minWidth,
  headers,
  rows,
}: {
  label: string;
  minWidth: number;
  headers: readonly string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <TableContainer>
      <Table size="small" aria-label={label} sx={{ minWidth }}>
        <TableHead>
          <TableRow>
            {headers.map((h, i) => (
              <TableCell key={h} sx={i ? numberCell : undefined}>
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={headers.length} align="center">
                目前沒有資料
              </TableCell>
            </TableRow>
          )}
          {rows.map((row) => (
            <TableRow key={row.key}>
              {row.cells.map((cell, i) => (
                <TableCell key={i} sx={i ? numberCell : undefined}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

const aside = (text: string) => (
  <Typography component="span" variant="caption" color="text.secondary">
    {text}
  </Typography>
);

/** 單位案件統計: per 報修單位. */
function UnitTable({ stats }: { stats: RepairStats }) {
  return (
    <Panel title="單位案件統計">
      <StatsTable
        label="單位案件統計"
        minWidth={560}
        headers={['報修單位', '報修案件', ...STATUS_KEYS.map((k) => STATUS_WORDS[k]), '曾退回']}
        rows={stats.units.map((u) => ({
          key: u.unitId,
          cells: [u.unit, u.total, ...STATUS_KEYS.map((k) => u[k]), u.returned],
        }))}
      />
    </Panel>
  );
}

/** Per 維修人員: how fast they answer and close, and how often their answers are returned. */
function VendorTable({ stats }: { stats: RepairStats }) {
  return (
    <Panel title="維修人員處理統計">
      <StatsTable
        label="維修人員處理統計"
        minWidth={760}
        headers={['維修人員', '處理案件', '回報次數', '首次回覆時間（中位數）', '結案時間（中位數）', '退回比例']}
        rows={stats.vendors.map((v) => ({
          key: v.userId ?? v.name,
          cells: [
            <>
              {v.name}
              {v.account && aside(` (${v.account})`)}
            </>,
            v.tickets,
            v.replies,
            <>
              {formatDuration(v.medianFirstReplySeconds)}
              {aside(` / ${v.firstReplies} 件`)}
            </>,
            <>
              {formatDuration(v.medianCloseSeconds)}
              {aside(` / ${v.closedTickets} 件`)}
            </>,
            <>
              {formatShare(v.returnedShare)}
              {aside(` (${v.returnedTickets} 件)`)}
            </>,
          ],
        }))}
      />
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        首次回覆時間計入寫下案件第一則處理狀況回報的維修人員；結案時間計入最後一則回報的維修人員。
      </Typography>
    </Panel>
  );
}
