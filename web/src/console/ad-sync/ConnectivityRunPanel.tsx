import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { LoadingScreen } from '../../common/LoadingScreen';
import { formatDateTime } from '../../lib/datetime';
import type { ConnectivityCheck } from '../../lib/api/types';
import { formatLatency, RUN_STATUS_LABELS, summarize, summaryTone, targetRows } from './summary';
import { TargetStatusChip } from './TargetStatusChip';
import { TemporalLink } from './TemporalLink';
import { RetryAlert } from '../../common/RetryAlert';

interface ConnectivityRunPanelProps {
  check: ConnectivityCheck | null;
  error: string | null;
  onRetry: () => void;
}

/** One run: who started it and when, then a row per target (資料庫, AD 主機, 郵件伺服器, 簡訊平台). */
export function ConnectivityRunPanel({ check, error, onRetry }: ConnectivityRunPanelProps) {
  if (error) {
    return <RetryAlert onRetry={onRetry}>{error}</RetryAlert>;
  }
  if (!check) return <LoadingScreen label="讀取連線測試結果中…" />;

  const tone = summaryTone(check);
  return (
    <Box aria-busy={check.status === 'RUNNING'}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 3, rowGap: 0.5, mb: 1.5 }}>
        <Typography variant="body2">
          開始時間：<strong>{formatDateTime(check.startedAt)}</strong>
        </Typography>
        <Typography variant="body2">
          執行者：<strong>{check.startedBy.name}</strong>（{check.startedBy.account}）
        </Typography>
        <Typography variant="body2">
          狀態：<strong>{RUN_STATUS_LABELS[check.status]}</strong>
        </Typography>
        <TemporalLink href={check.temporalUrl} />
      </Box>
      <Alert severity={tone} role="status" sx={{ mb: 2 }} data-testid="connectivity-summary">
        {summarize(check)}
      </Alert>
      <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" aria-label="連線測試結果">
          <TableHead>
            <TableRow>
              <TableCell scope="col">項目</TableCell>
              <TableCell scope="col">狀態</TableCell>
              <TableCell scope="col" sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
                回應時間
              </TableCell>
              <TableCell scope="col" sx={{ display: { xs: 'none', md: 'table-cell' } }}>
                訊息
              </TableCell>
              <TableCell scope="col" sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
                檢查時間
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {targetRows(check).map((row) => (
              <TableRow key={row.target} data-target={row.target}>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                  {row.label}
                </TableCell>
                <TableCell>
                  <TargetStatusChip state={row.state} />
                  {/* On narrow screens the hidden columns' content follows the status. */}
                  {row.result && (
                    <Typography variant="body2" sx={{ display: { xs: 'block', md: 'none' }, mt: 0.75, color: 'text.secondary' }}>
                      <Box component="span" sx={{ display: { sm: 'none' } }}>
                        {formatLatency(row.result.latencyMs)}・{formatDateTime(row.result.checkedAt)}
                        <br />
                      </Box>
                      {row.result.message}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' }, whiteSpace: 'nowrap' }}>
                  {formatLatency(row.result?.latencyMs)}
                </TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{row.result?.message ?? ''}</TableCell>
                <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' }, whiteSpace: 'nowrap' }}>
                  {row.result ? formatDateTime(row.result.checkedAt) : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
