import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/**
 * Label / value pairs as a definition list: two columns on a desk, one on a phone. A row whose value is
 * empty is left out, so a form's optional fields do not show as blank lines.
 */
export function FieldList({
  rows,
  compact,
}: {
  rows: readonly (readonly [string, ReactNode])[];
  /** A summary above other content: label and value side by side on phones too, two pairs a row on a desk. */
  compact?: boolean;
}) {
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: compact
          ? { xs: 'auto minmax(0, 1fr)', md: 'repeat(2, auto minmax(0, 1fr))' }
          : { xs: '1fr', sm: '140px minmax(0, 1fr)' },
        columnGap: 2,
        rowGap: compact ? 0.5 : { xs: 0.25, sm: 1 },
        m: 0,
        '& dt': { color: 'text.secondary', fontWeight: 600, mt: compact ? 0 : { xs: 1, sm: 0 } },
        '& dd': { m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
      }}
    >
      {rows
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Box>
        ))}
    </Box>
  );
}
