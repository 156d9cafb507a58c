import Alert from '@mui/material/Alert';

/** The server's 「…請於 N 秒後再重新發送」, counting down (polite: it changes every second). */
export function ResendNotice({ notice }: { notice: string | null }) {
  if (!notice) return null;
  return (
    <Alert severity="warning" role="status" aria-live="polite">
      {notice}
    </Alert>
  );
}
