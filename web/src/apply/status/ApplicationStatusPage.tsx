import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { LoadingScreen } from '../../common/LoadingScreen';
import { RouterLink } from '../../common/RouterLink';
import { ApiError } from '../../lib/api';
import { ROUTES } from '../../routes/paths';
import { isVerificationExpired } from '../form/validation';
import { PublicPanel } from '../PublicPanel';
import { StatusSummary } from './StatusSummary';
import { StatusVerification } from './StatusVerification';
import { useApplicationStatus } from './useApplicationStatus';
import { RetryAlert } from '../../common/RetryAlert';

/**
 * 申請進度 of one application: opened from the mailed link (?key=…), or after verifying the backup
 * e-mail (purpose STATUS) when the key is missing or no longer valid.
 */
export default function ApplicationStatusPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const linkKey = params.get('key');
  const [keyRejected, setKeyRejected] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const key = keyRejected ? null : linkKey;
  const { view, error, loading, retry } = useApplicationStatus(id, key, token);

  // A key that does not open the application (wrong, or the link is old): offer the e-mail instead.
  const badLink = Boolean(key) && error instanceof ApiError && [400, 401, 403, 404].includes(error.status);
  const tokenExpired = !key && token !== null && isVerificationExpired(error);

  let content;
  if ((!key && !token) || tokenExpired) {
    content = (
      <StatusVerification
        notice={
          tokenExpired
            ? '身分驗證已逾時，請重新驗證備用信箱。'
            : keyRejected
              ? '申請進度連結無效或已過期，請改以備用信箱驗證後查詢。'
              : undefined
        }
        onVerified={(identity) => setToken(identity.token)}
      />
    );
  } else if (loading) {
    content = <LoadingScreen label="讀取申請進度中…" />;
  } else if (badLink) {
    content = (
      <Alert
        severity="warning"
        action={
          <Button color="inherit" size="small" onClick={() => setKeyRejected(true)}>
            以備用信箱驗證
          </Button>
        }
      >
        {error.message}（申請進度連結無效或已過期，您可以改以備用信箱驗證後查詢。）
      </Alert>
    );
  } else if (error) {
    content = <RetryAlert onRetry={retry}>{error.message}</RetryAlert>;
  } else if (view) {
    content = <StatusSummary view={view} />;
  }

  return (
    <PublicPanel
      title={ROUTES.accountApplicationStatus.title}
      footer={
        <>
          <RouterLink to={ROUTES.accountApplicationStatusLookup.path}>查詢其他申請</RouterLink>
          <RouterLink to={ROUTES.landing.path}>回公務入口網首頁</RouterLink>
        </>
      }
    >
      {content}
    </PublicPanel>
  );
}
