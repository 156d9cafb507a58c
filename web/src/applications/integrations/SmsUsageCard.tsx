import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip, { type ChipProps } from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { SmsMessageStatus } from '../../../../domain/integrations/sms';
import { RetryAlert } from '../../common/RetryAlert';
import { api } from '../../lib/api';
import { useResource } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';

/** GET /api/application-systems/:id/sms-usage (api/routes/sms-usage.ts). */
export interface SmsUsage {
  enabled: boolean;
  month: string;
  used: number;
  quota: number;
  remaining: number;
  resetAt: string;
  recent: {
    id: string;
    to: string;
    status: SmsMessageStatus;
    statusLabel: string;
    reason: string | null;
    createdAt: string;
  }[];
}

export const smsUsageApi = {
  get: (systemId: string, signal: AbortSignal) =>
    api.get<SmsUsage>(`/api/application-systems/${encodeURIComponent(systemId)}/sms-usage`, { signal }),
};

const STATUS_COLORS: Record<SmsMessageStatus, ChipProps['color']> = {
  QUEUED: 'default',
  SENT: 'info',
  DELIVERED: 'success',
  FAILED: 'error',
  REJECTED: 'warning',
};

/** 2026-12 → 2026 年 12 月 */
const monthLabel = (month: string) => {
  const [year, m] = month.split('-');
  return `${year} 年 ${Number(m)} 月`;
};

/**
 * 應用系統詳細 › 簡訊發送: this month's messages against the quota (本月已發送 N / 額度 M 則) and the
 * latest messages with their delivery state, the numbers masked.
 */
export function SmsUsageCard({ systemId }: { systemId: string }) {
  const { data, error, reload } = useResource((signal) => smsUsageApi.get(systemId, signal), [systemId], {
    keepPrevious: false,
  });

  return (
    <Card variant="outlined" component="section" aria-labelledby="sms-usage-heading">
      <CardContent>
        <Typography id="sms-usage-heading" variant="h6" component="h2" gutterBottom>
          簡訊發送使用量
        </Typography>
        {error ? (
          <RetryAlert onRetry={() => void reload()}>{error}</RetryAlert>
        ) : !data ? (
          <Skeleton variant="rounded" height={96} aria-label="載入中" />
        ) : !data.enabled ? (
          <Alert severity="info">此應用系統尚未啟用簡訊發送服務。</Alert>
        ) : (
          <Stack spacing={2}>
            <UsageBar usage={data} />
            <RecentMessages recent={data.recent} />
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}

function UsageBar({ usage }: { usage: SmsUsage }) {
  const percent = usage.quota > 0 ? Math.min(100, Math.round((usage.used / usage.quota) * 100)) : 100;
  const reset = new Date(usage.resetAt);
  // The 1st of next month, 00:00 in Taipei (UTC+8).
  const resetLabel = `${new Date(reset.getTime() + 8 * 3600_000).getUTCMonth() + 1} 月 1 日`;
  return (
    <Stack spacing={1}>
      <Typography>
        {monthLabel(usage.month)}：本月已發送 <strong>{usage.used}</strong> / 額度 <strong>{usage.quota}</strong> 則
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        color={usage.remaining === 0 ? 'error' : percent >= 80 ? 'warning' : 'primary'}
        aria-label={`本月簡訊額度已使用 ${percent}%`}
        sx={{ height: 10, borderRadius: 5 }}
      />
      <Typography variant="body2" color={usage.remaining === 0 ? 'error' : 'text.secondary'}>
        {usage.remaining === 0
          ? `本月額度已用完，將於 ${resetLabel} 恢復`
          : `尚可發送 ${usage.remaining} 則；額度於 ${resetLabel} 重新計算`}
        （退件的簡訊不計入額度）
      </Typography>
    </Stack>
  );
}

function RecentMessages({ recent }: { recent: SmsUsage['recent'] }) {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  if (recent.length === 0) return <Typography color="text.secondary">尚無發送紀錄。</Typography>;
  // A phone: one block a message (number and state, then time and reason) instead of four columns.
  if (phone)
    return (
      <Stack component="ul" aria-label="最近發送的簡訊" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {recent.map((message) => (
          <Stack component="li" key={message.id} spacing={0.5} sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography sx={{ fontFamily: 'monospace' }}>{message.to}</Typography>
              <Chip size="small" label={message.statusLabel} color={STATUS_COLORS[message.status]} />
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {formatDateTime(message.createdAt)}
            </Typography>
            {message.reason && <Typography variant="body2">{message.reason}</Typography>}
          </Stack>
        ))}
      </Stack>
    );
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="最近發送的簡訊">
        <TableHead>
          <TableRow>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>發送時間</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>手機號碼</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>狀態</TableCell>
            <TableCell>說明</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {recent.map((message) => (
            <TableRow key={message.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(message.createdAt)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{message.to}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Chip size="small" label={message.statusLabel} color={STATUS_COLORS[message.status]} />
              </TableCell>
              <TableCell sx={{ minWidth: '16em' }}>{message.reason ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
