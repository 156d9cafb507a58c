import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '../../common/visuallyHidden';
import type { ReactNode } from 'react';

interface FormRowProps {
  label: string;
  required?: boolean;
  /** The input the label is for (a <label for>); without it the label gets `labelId` for aria-labelledby. */
  htmlFor?: string;
  labelId?: string;
  field: string;
  children: ReactNode;
}

/** One row of the manual's form layout: 「*姓名」 on the left (above on phones), the input on the right. */
export function FormRow({ label, required, htmlFor, labelId, field, children }: FormRowProps) {
  return (
    <Box
      data-field={field}
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: '168px minmax(0, 1fr)' },
        columnGap: 3,
        rowGap: 0.75,
        alignItems: 'start',
      }}
    >
      <Typography
        component={htmlFor ? 'label' : 'span'}
        htmlFor={htmlFor}
        id={labelId}
        sx={{ fontWeight: 600, pt: { md: 1 }, textAlign: { md: 'right' } }}
      >
        {required && (
          <Box component="span" sx={{ color: 'error.main', mr: 0.25 }} aria-hidden>
            *
          </Box>
        )}
        {label}
        {required && (
          <Box component="span" sx={visuallyHidden}>
            （必填）
          </Box>
        )}
      </Typography>
      <Box sx={{ minWidth: 0 }}>{children}</Box>
    </Box>
  );
}
