import Alert from '@mui/material/Alert';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Fragment, useState } from 'react';
import { LoadingScreen } from '../../common/LoadingScreen';
import { RouterLink } from '../../common/RouterLink';
import { formatDate } from '../../lib/datetime';
import { isVerificationExpired } from '../form/validation';
import { ROUTES } from '../../routes/paths';
import { PublicPanel } from '../PublicPanel';
import { StatusSummary } from './StatusSummary';
import { StatusVerification } from './StatusVerification';
import { useMyApplications } from './useApplicationStatus';
import { RetryAlert } from '../../common/RetryAlert';

/** 申請進度查詢: verify the backup e-mail (purpose STATUS), then every application made with it. */
export default function StatusLookupPage() {
  const [verified, setVerified] = useState<{ token: string; email: string | null } | null>(null);
  const { items, error, loading, retry } = useMyApplications(verified?.token ?? null);
  // The token (30 minutes) ran out: verify again.
  const expired = verified !== null && isVerificationExpired(error);

  let content;
  if (!verified || expired) {
    content = (
      <StatusVerification
        notice={expired ? '身分驗證已逾時，請重新驗證備用信箱。' : undefined}
        onVerified={(identity) => setVerified({ token: identity.token, email: identity.email })}
      />
    );
  } else if (loading) {
    content = <LoadingScreen label="讀取申請案件中…" />;
  } else if (error) {
    content = <RetryAlert onRetry={retry}>{error.message}</RetryAlert>;
  } else if (items && items.length === 0) {
    content = (
      <Alert severity="info">
        查無以 {verified.email} 提出的個人帳號申請。如尚未申請，請使用
        <RouterLink to={ROUTES.accountApplication.path}>「個人帳號申請」</RouterLink>。
      </Alert>
    );
  } else if (items) {
    content = (
      <Stack spacing={3}>
        <Typography sx={{ color: 'text.secondary' }}>
          以 <strong>{verified.email}</strong> 提出的申請共 {items.length} 件：
        </Typography>
        {items.map((item, index) => (
          <Fragment key={item.id}>
            {index > 0 && <Divider />}
            <section aria-label={`${formatDate(item.submittedAt)} 申請的帳號 ${item.account}`}>
              <Typography variant="h2" sx={{ mb: 2 }}>
                {formatDate(item.submittedAt)} 申請・{item.account}
              </Typography>
              <StatusSummary view={item} headingLevel="h3" />
            </section>
          </Fragment>
        ))}
      </Stack>
    );
  }

  return (
    <PublicPanel
      title={ROUTES.accountApplicationStatusLookup.title}
      footer={
        <>
          <RouterLink to={ROUTES.accountApplication.path}>{ROUTES.accountApplication.title}</RouterLink>
          <RouterLink to={ROUTES.landing.path}>回公務入口網首頁</RouterLink>
        </>
      }
    >
      {content}
    </PublicPanel>
  );
}
