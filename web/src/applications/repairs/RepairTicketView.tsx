import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Rating from '@mui/material/Rating';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { TimelineSection } from '../../apply/status/TimelineSection';
import { FieldList } from '../../common/FieldList';
import { formatDateTime } from '../../lib/datetime';
import { repairsApi, type RepairReplyRow, type RepairStatus, type RepairTicketDetail } from './api';

const STATUS_COLORS: Record<RepairStatus, 'warning' | 'info' | 'success'> = {
  PENDING: 'warning',
  HANDLED: 'info',
  CLOSED: 'success',
};

/** 處理狀況: 待處理 / 已處理 / 已結案. */
export function RepairStatusChip({ status, label }: { status: RepairStatus; label: string }) {
  return <Chip size="small" color={STATUS_COLORS[status]} label={label} />;
}

/** The ticket as reported: its fields and photos. */
export function RepairTicketFields({ ticket }: { ticket: RepairTicketDetail }) {
  return (
    <Stack spacing={2}>
      <FieldList
        rows={[
          ['案件編號', ticket.key],
          ['處理狀況', <RepairStatusChip key="s" status={ticket.status} label={ticket.statusLabel} />],
          ['報修類型', ticket.repairType.name],
          ['報修單位', ticket.unitName],
          ['報修人員', ticket.reporterName],
          ['報修人員公務電話', ticket.officePhone],
          ['所在地', ticket.location],
          ['所在樓層', ticket.floor],
          ['報修日期', formatDateTime(ticket.createdAt)],
          ['故障原因', ticket.fault],
          ['退回次數', String(ticket.returnCount)],
          ['評分', ticket.rating !== null ? `${ticket.rating} 分` : null],
        ]}
      />
      {ticket.photos.length > 0 && (
        <Box component="section" aria-label="照片">
          <Typography sx={{ color: 'text.secondary', fontWeight: 600, mb: 1 }}>照片</Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5 }}>
            {ticket.photos.map((p) => (
              <Link key={p.id} href={repairsApi.photoUrl(ticket.key, p.id)} target="_blank" rel="noopener noreferrer">
                <Box
                  component="img"
                  src={repairsApi.photoUrl(ticket.key, p.id)}
                  alt={p.fileName}
                  sx={{ width: 160, height: 120, objectFit: 'cover', borderRadius: 1, border: 1, borderColor: 'divider' }}
                />
              </Link>
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}

function ReplyItem({ reply }: { reply: RepairReplyRow }) {
  const rows: [string, ReactNode][] =
    reply.kind === 'REPLY'
      ? [
          ['處理人員', reply.handlerName],
          ['處理時間', formatDateTime(reply.handledAt)],
          ['處理結果', reply.result],
          ['分類', reply.categoryName],
        ]
      : reply.kind === 'RETURN'
        ? [
            ['退回人員', reply.authorName],
            ['退回原因', reply.reason],
          ]
        : reply.kind === 'RATING'
          ? [
              ['評分', <Rating key="r" value={reply.rating} readOnly size="small" aria-label={`${reply.rating} 分`} />],
              ['備註', reply.note],
            ]
          : [];
  return (
    <Box component="li" sx={{ py: 1.5, borderTop: 1, borderColor: 'divider', '&:first-of-type': { borderTop: 0, pt: 0 } }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: rows.length ? 1 : 0 }}>
        <Typography component="span" sx={{ fontWeight: 700 }}>
          {reply.kindLabel}
        </Typography>
        <Typography component="time" dateTime={reply.at} variant="body2" sx={{ color: 'text.secondary' }}>
          {formatDateTime(reply.at)}
        </Typography>
      </Stack>
      {rows.length > 0 && <FieldList rows={rows} />}
    </Box>
  );
}

/** 處理狀況回覆: every reply, return, rating (and the close by itself), in order. */
export function RepairReplies({ replies }: { replies: readonly RepairReplyRow[] }) {
  if (replies.length === 0) return <Typography sx={{ color: 'text.secondary' }}>尚無處理狀況回覆。</Typography>;
  return (
    <Box component="ol" aria-label="處理狀況回覆" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {[...replies]
        .sort((a, b) => a.seq - b.seq)
        .map((r) => (
          <ReplyItem key={r.seq} reply={r} />
        ))}
    </Box>
  );
}

/** A ticket's sections: what was reported, 處理狀況回覆, then 處理歷程 with the Temporal link for operators. */
export function RepairTicketSections({ ticket, actions }: { ticket: RepairTicketDetail; actions?: ReactNode }) {
  return (
    <Stack spacing={3}>
      <Paper component="section" aria-label="報修內容" sx={{ p: { xs: 2, sm: 3 } }}>
        <RepairTicketFields ticket={ticket} />
        {actions}
      </Paper>
      <Paper component="section" aria-labelledby="repair-replies" sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography id="repair-replies" variant="h2" sx={{ mb: 2 }}>
          處理狀況回覆
        </Typography>
        <RepairReplies replies={ticket.replies} />
      </Paper>
      {ticket.events && (
        <TimelineSection id="repair-timeline" title="處理歷程" events={ticket.events} temporalUrl={ticket.temporalUrl} />
      )}
    </Stack>
  );
}
