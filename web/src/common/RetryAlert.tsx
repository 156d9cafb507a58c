import Alert, { type AlertProps } from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';

interface RetryAlertProps {
  children: ReactNode;
  onRetry: () => void;
  /** 重新整理 (a page or list), 重新載入 (data a form needs). */
  retryLabel?: string;
  role?: AlertProps['role'];
  sx?: AlertProps['sx'];
}

/** What could not be loaded, with the button that tries again. */
export function RetryAlert({ children, onRetry, retryLabel = '重新整理', role, sx }: RetryAlertProps) {
  return (
    <Alert
      severity="error"
      role={role}
      sx={sx}
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          {retryLabel}
        </Button>
      }
    >
      {children}
    </Alert>
  );
}
