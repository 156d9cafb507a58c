import OpenInNew from '@mui/icons-material/OpenInNew';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { visuallyHidden } from '../../common/visuallyHidden';

/** 「在 Temporal 檢視流程」: the run's workflow in the Temporal Web UI, in a new tab. */
export function TemporalLink({ href, label = '在 Temporal 檢視流程' }: { href: string; label?: string }) {
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      {label}
      <OpenInNew fontSize="inherit" aria-hidden />
      <Box component="span" sx={visuallyHidden}>
        （另開新視窗）
      </Box>
    </Link>
  );
}
