import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** One line of 申請資訊 or 詳細: the manual's label (＊ when required) and its value or field. */
export function FormRow({
  label,
  required,
  htmlFor,
  children,
}: {
  label: string;
  required?: boolean;
  /** The field the label names (a display row has none). */
  htmlFor?: string;
  children: ReactNode;
}) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: '180px minmax(0, 1fr)' },
        columnGap: 2,
        rowGap: 0.5,
        alignItems: 'center',
        py: 0.75,
      }}
    >
      <Typography
        component={htmlFor ? 'label' : 'div'}
        {...(htmlFor ? { htmlFor } : {})}
        sx={{ fontWeight: 600, color: 'text.secondary' }}
      >
        {required && (
          <Box component="span" sx={{ color: 'error.main' }} aria-hidden>
            *
          </Box>
        )}
        {label}
      </Typography>
      <Box sx={{ minWidth: 0 }}>{children}</Box>
    </Box>
  );
}
