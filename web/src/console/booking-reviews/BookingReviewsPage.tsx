import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import type { GridRenderCellParams } from '@mui/x-data-grid';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { ApplicationEvent } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import type { ReviewWords } from '../account-applications/reviewQuery';
import { RequestDetailDialog, type RequestDetailConfig } from '../request-inbox/RequestDetailView';
import { RequestInboxPage, type RequestInboxConfig } from '../request-inbox/RequestInboxPage';
import { BOOKING_REVIEW_API, bookingInboxApi, type BookingReviewItem, type BookingReviewKind } from './api';
import { RevokeBookingButton } from './RevokeBookingButton';

interface BookingReviewDetail extends BookingReviewItem {
  /** The other requests for the same time: the one holding it, those 候補中. */
  competing: { key: string; name: string; unitName: string; when: string; reason: string; statusLabel: string }[];
  events: ApplicationEvent[];
  allowedActions: string[];
  temporalUrl: string;
}

/** The manual's words: 通過 / 駁回 with 審核說明. */
const WORDS: ReviewWords = { decisions: { APPROVE: '通過', REJECT: '駁回' }, comment: '審核說明' };

/** 審核狀態, 未審核 first (the list opens on it, as the manual's 公務車借用審核 does). */
const STATES = [
  { value: 'PENDING', label: '未審核' },
  { value: 'APPROVED', label: '通過' },
  { value: 'REJECTED', label: '駁回' },
  { value: 'CANCELLED', label: '已取消' },
  { value: 'EXPIRED', label: '逾期未審核' },
  { value: 'WAITLISTED', label: '候補中' },
  { value: '', label: '全部' },
] as const;

export interface BookingReviewPaths {
  title: string;
  listPath: string;
  detailTitle: string;
}

const WORDING = {
  VENUE: { noun: '場地借用申請', item: '使用場地', headcount: '與會人數' },
  CAR: { noun: '公務車借用申請', item: '使用車輛', headcount: '乘坐人數(不含司機)' },
} as const;

/**
 * 重複借用: 「2/4」 and 選取同系列, which adds the series' other pending dates on the page to the
 * selection, so 批次審核 decides the series with one review.
 */
function SeriesCell({ row, api }: GridRenderCellParams<BookingReviewItem>) {
  if (!row.series) return null;
  const same = () =>
    api
      .getAllRowIds()
      .filter((id) => (api.getRow(id) as BookingReviewItem | null)?.seriesKey === row.seriesKey && api.isRowSelectable(id));
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', height: '100%' }}>
      <span>{row.series}</span>
      {api.isRowSelectable(row.id) && (
        <Button
          size="small"
          aria-label={`選取同系列 ${row.name} ${row.resource}`}
          onClick={(event) => {
            event.stopPropagation();
            api.setRowSelectionModel({ type: 'include', ids: new Set([...api.getSelectedRows().keys(), ...same()]) });
          }}
        >
          選取同系列
        </Button>
      )}
    </Stack>
  );
}

function inboxConfig(kind: BookingReviewKind, paths: BookingReviewPaths): RequestInboxConfig<BookingReviewItem> {
  const w = WORDING[kind];
  return {
    title: paths.title,
    api: bookingInboxApi(kind),
    accountHeader: '登記者帳號',
    columns: [
      { field: 'resource', headerName: w.item, minWidth: 150, flex: 1.2 },
      { field: 'when', headerName: '借用時段', minWidth: 165, flex: 1.1 },
      { field: 'unitName', headerName: '借用單位', minWidth: 110, flex: 0.8 },
      { field: 'series', headerName: '重複借用', minWidth: 140, flex: 0.7, sortable: false, renderCell: SeriesCell },
      {
        field: 'reason',
        headerName: '申請資訊',
        minWidth: 80,
        flex: 0.4,
        // The manual: hovering 查看 shows the 申請事由.
        renderCell: ({ row }) => (
          <Tooltip title={`申請事由：${row.reason}`}>
            <Typography
              component="span"
              variant="body2"
              tabIndex={0}
              sx={{ color: 'primary.main', textDecoration: 'underline dotted' }}
            >
              查看
            </Typography>
          </Tooltip>
        ),
      },
    ],
    phoneHiddenColumns: ['unitName', 'reason'],
    // 申請時間 is in the detail; the row keeps what a custodian decides by.
    hiddenColumns: ['submittedAt'],
    gridLabel: `${w.noun}清單`,
    empty: { pending: `目前沒有未審核的${w.noun}`, other: '查無符合條件的申請' },
    detailPath: (id, listSearch) => `${paths.listPath}/${encodeURIComponent(id)}${listSearch}`,
    batch: { noun: w.noun, label: (row) => `${row.name} ${row.when}` },
    words: WORDS,
    statusSelect: { label: '審核狀態', options: STATES },
    filters: [{ key: 'date', label: '借用日期', type: 'date' }],
    rowDecisions: true,
    batchButton: '批次審核',
    note: '點選申請列可檢視申請資訊與處理歷程；重複借用可按「選取同系列」後以批次審核一次審核；駁回時請填寫審核說明，審核結果將以電子郵件通知申請人。',
  };
}

function detailConfig(kind: BookingReviewKind, paths: BookingReviewPaths): RequestDetailConfig<BookingReviewDetail> {
  const w = WORDING[kind];
  return {
    title: paths.detailTitle,
    list: { path: paths.listPath, title: paths.title },
    api: BOOKING_REVIEW_API[kind],
    inTransition: (_d, decided) => decided && _d.status === 'PENDING',
    fields: (d) => [
      ['申請編號', d.key],
      [w.item, d.resource],
      ['借用時段', d.when],
      ...(d.series ? ([['重複借用', `第 ${d.series.replace('/', ' 次，共 ')} 次`]] as const) : []),
      ['借用單位', d.unitName],
      [w.headcount, d.headcount === null ? '' : `${d.headcount} 人`],
      ...(kind === 'VENUE'
        ? ([['主持人', d.host]] as const)
        : ([
            ['派遣司機', d.selfDrive ? '否，我要自駕' : d.driverName],
            ['目的地', d.destination],
          ] as const)),
      ['申請事由', d.reason],
      ['申請時間', formatDateTime(d.submittedAt)],
      [
        '同時段其他申請',
        d.competing.length === 0
          ? '無'
          : d.competing.map((c) => `${c.statusLabel}｜${c.when}｜${c.name}（${c.unitName}）｜${c.reason}`).join('\n'),
      ],
    ],
    timeline: { title: '處理歷程' },
    words: WORDS,
    decision: { noun: w.noun },
  };
}

/**
 * 物品管理 › 場地借用審核 / 公務車借用審核: the requests for what the user holds as 保管人 (an agency
 * admin: their agency's; a system admin: all), by 關鍵字, 借用日期 and 審核狀態; 通過 / 駁回 on a row or
 * 批次審核 of the chosen; a row opens its detail over the list, where an approved booking can be 取消借用.
 */
export function BookingReviewsPage({ kind, paths }: { kind: BookingReviewKind; paths: BookingReviewPaths }) {
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const backToList = (state?: { notice: string }) => void navigate(`${paths.listPath}${location.search}`, { state });
  const detail = {
    ...detailConfig(kind, paths),
    actions: (d: BookingReviewDetail) =>
      d.allowedActions.includes('revoke') ? (
        <RevokeBookingButton
          kind={kind}
          id={d.id}
          onDone={() => backToList({ notice: `已取消 ${d.name} 的${WORDING[kind].noun}` })}
        />
      ) : null,
  };

  return (
    <RequestInboxPage
      config={inboxConfig(kind, paths)}
      notice={notice && dismissed !== location.key ? { text: notice, onClose: () => setDismissed(location.key) } : null}
    >
      {id && (
        <RequestDetailDialog
          config={detail}
          id={id}
          onClose={() => backToList()}
          onDecided={(text) => backToList({ notice: text })}
        />
      )}
    </RequestInboxPage>
  );
}
