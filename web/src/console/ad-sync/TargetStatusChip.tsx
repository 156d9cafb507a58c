import CancelOutlined from '@mui/icons-material/CancelOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import RemoveCircleOutlined from '@mui/icons-material/RemoveCircleOutlined';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import type { TargetState } from './summary';

const LABELS: Record<TargetState, string> = { ok: '成功', failed: '失敗', checking: '檢查中', missing: '未完成' };

/** 成功 (green) / 失敗 (red) / 檢查中 (spinner) / 未完成 (grey). */
export function TargetStatusChip({ state }: { state: TargetState }) {
  switch (state) {
    case 'ok':
      return <Chip color="success" icon={<CheckCircleOutlined />} label={LABELS.ok} size="small" />;
    case 'failed':
      return <Chip color="error" icon={<CancelOutlined />} label={LABELS.failed} size="small" />;
    case 'checking':
      return (
        <Chip
          variant="outlined"
          color="info"
          icon={<CircularProgress size={14} color="inherit" aria-hidden />}
          label={LABELS.checking}
          size="small"
        />
      );
    default:
      return <Chip variant="outlined" icon={<RemoveCircleOutlined />} label={LABELS.missing} size="small" />;
  }
}
