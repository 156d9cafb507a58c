import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { PublicPanel } from '../apply/PublicPanel';
import { ROUTES } from '../routes/paths';

/** Where 機關(單位)異動申請 › 送出 leaves the user: already signed out, told what happens next. */
export default function AgencyChangeSubmittedPage() {
  return (
    <PublicPanel
      title={ROUTES.agencyChangeSubmitted.title}
      maxWidth={720}
      footer={
        <Link component={RouterLink} to={ROUTES.landing.path}>
          回公務入口網首頁
        </Link>
      }
    >
      <Alert severity="info" role="status" sx={{ mb: 2 }}>
        您的機關(單位)異動申請已送出，帳號已強制停用及登出。
      </Alert>
      <Typography sx={{ mb: 1 }}>
        申請將由新機關的機關管理者審核，審核通過後方可使用原帳號、密碼重新登入；審核結果將以電子郵件通知您。
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        若審核未通過或逾期未審核，帳號將維持原機關(單位)並恢復啟用。如有疑問，請洽新機關的機關管理者。
      </Typography>
    </PublicPanel>
  );
}
