import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import type { AccountApplicationStatus } from '../../lib/api';
import { describeStatus } from '../../apply/status/statusText';

export const ESCALATED_LABEL = '逾時未審';
export const ESCALATED_HINT = '此申請已超過審核期限仍未審核，系統已提醒機關管理者及系統管理者。';

/** The status (the API's label) and, when the review is overdue, 「逾時未審」. */
export function ReviewStatusChip({
  status,
  statusLabel,
  escalated,
}: {
  status: AccountApplicationStatus;
  statusLabel: string;
  escalated?: boolean;
}) {
  const described = describeStatus({ status, statusLabel });
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
      <Chip size="small" color={described.tone} variant={status === 'PENDING' ? 'outlined' : 'filled'} label={described.label} />
      {escalated && (
        <Tooltip title={ESCALATED_HINT}>
          <Chip size="small" color="warning" label={ESCALATED_LABEL} />
        </Tooltip>
      )}
    </Stack>
  );
}
