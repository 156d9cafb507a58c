import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';

/** One block of 個人帳號管理: a titled section (h2), its content, and its buttons at the right. */
export function BlockCard({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1.5}
        sx={{ justifyContent: 'space-between', alignItems: { xs: 'stretch', sm: 'center' }, mb: 1.5 }}
      >
        <Typography variant="h2" id={headingId}>
          {title}
        </Typography>
        {actions && (
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', justifyContent: { sm: 'flex-end' } }}>
            {actions}
          </Stack>
        )}
      </Stack>
      {children}
    </Paper>
  );
}

/** A block whose function belongs to a later release: its title and a clear 尚未開放. */
export function NotOpenBlock({ title, description }: { title: string; description: string }) {
  return (
    <BlockCard title={title}>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        <strong>尚未開放。</strong>
        {description}
      </Typography>
    </BlockCard>
  );
}

/** Label–value rows (帳號狀態, current bindings). */
export function Facts({ rows }: { rows: readonly (readonly [label: string, value: ReactNode])[] }) {
  return (
    <Stack component="dl" spacing={0.75} sx={{ m: 0 }}>
      {rows.map(([label, value]) => (
        <Stack key={label} direction="row" spacing={2}>
          <Typography component="dt" variant="body2" sx={{ color: 'text.secondary', minWidth: 112, flexShrink: 0 }}>
            {label}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-all' }}>
            {value}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
}

/** The outcome of a block's last action (綁定成功, 解除綁定成功, or the error), closable. */
export interface BlockNoticeValue {
  severity: 'success' | 'error' | 'info';
  text: string;
}

export function BlockNotice({ notice, onClose }: { notice: BlockNoticeValue | null; onClose: () => void }) {
  if (!notice) return null;
  return (
    <Alert severity={notice.severity} role={notice.severity === 'error' ? 'alert' : 'status'} onClose={onClose}>
      {notice.text}
    </Alert>
  );
}
