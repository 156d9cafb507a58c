import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import type { ReactNode } from 'react';
import { PageHeading } from '../common/PageHeading';

interface PublicPanelProps {
  title: string;
  children: ReactNode;
  /** Links under the panel (e.g. 查詢申請進度, 回公務入口網首頁). */
  footer?: ReactNode;
  maxWidth?: number;
}

/** The frame of the public application pages: the page's <h1>, one panel, links below. */
export function PublicPanel({ title, children, footer, maxWidth = 920 }: PublicPanelProps) {
  return (
    <Box sx={{ maxWidth, mx: 'auto' }}>
      <PageHeading title={title} />
      <Paper component="section" aria-label={title} sx={{ p: { xs: 2.5, sm: 4 } }}>
        {children}
      </Paper>
      {footer && (
        <Box
          sx={{
            display: 'flex',
            flexWrap: 'wrap',
            justifyContent: 'center',
            columnGap: 3,
            rowGap: 1,
            mt: 3,
            typography: 'body2',
          }}
        >
          {footer}
        </Box>
      )}
    </Box>
  );
}
