import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { EmailVerification } from '../../verification/EmailVerification';
import type { VerifiedIdentity } from '../../verification/methods';

/** 申請進度 without the mailed link: verify the backup e-mail of the application (purpose STATUS). */
export function StatusVerification({
  onVerified,
  notice,
}: {
  onVerified: (identity: VerifiedIdentity) => void;
  notice?: string;
}) {
  return (
    <Box sx={{ maxWidth: 620, mx: 'auto' }}>
      <Typography variant="h2" sx={{ mb: 1.5 }}>
        備用信箱驗證
      </Typography>
      {notice && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      <Alert severity="info" sx={{ mb: 3 }}>
        請輸入申請時填寫的備用信箱，完成驗證後即可查詢申請進度。
      </Alert>
      <EmailVerification purpose="STATUS" submitLabel="確定" onVerified={onVerified} />
    </Box>
  );
}
