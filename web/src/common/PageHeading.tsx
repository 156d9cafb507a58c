import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

/** The page's one <h1>, which also titles the browser tab; `actions` sit at its right. */
export function PageHeading({ title, actions }: { title: string; actions?: ReactNode }) {
  usePageTitle(title);
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={1.5}
      sx={{ alignItems: { xs: 'stretch', sm: 'center' }, justifyContent: 'space-between', mb: 2.5 }}
    >
      <Typography variant="h1" component="h1">
        {title}
      </Typography>
      {actions}
    </Stack>
  );
}
