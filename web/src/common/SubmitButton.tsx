import Button from '@mui/material/Button';
import type { ReactNode } from 'react';

/** The full-width primary submit button of the public forms (登入, 送出, 繼續), busy while `pending`. */
export function SubmitButton({ pending, disabled, children }: { pending: boolean; disabled?: boolean; children: ReactNode }) {
  return (
    <Button
      type="submit"
      variant="contained"
      size="large"
      disabled={pending || disabled}
      loading={pending}
      loadingPosition="start"
      fullWidth
    >
      {children}
    </Button>
  );
}
