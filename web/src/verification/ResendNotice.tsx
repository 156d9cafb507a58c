import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { resendLabel } from './countdown';

/** The server's 「…請於 N 秒後再重新發送」, counting down (polite: it changes every second). */
export function ResendNotice({ notice }: { notice: string | null }) {
  if (!notice) return null;
  return (
    <Alert severity="warning" role="status" aria-live="polite">
      {notice}
    </Alert>
  );
}

/** The send step's submit (e.g. 繼續): disabled while the address or number must wait, saying how long. */
export function CooldownSubmitButton({ pending, secondsLeft, label }: { pending: boolean; secondsLeft: number; label: string }) {
  const waiting = secondsLeft > 0;
  return (
    <Box>
      <Button
        type="submit"
        variant="contained"
        size="large"
        disabled={pending || waiting}
        loading={pending}
        sx={{ minWidth: 120 }}
      >
        {waiting ? resendLabel(secondsLeft, label) : label}
      </Button>
    </Box>
  );
}
