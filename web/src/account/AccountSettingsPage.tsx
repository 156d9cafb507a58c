import Stack from '@mui/material/Stack';
import { LoadingScreen } from '../common/LoadingScreen';
import { PageHeading } from '../common/PageHeading';
import { useResource } from '../lib/data';
import { formatDate } from '../lib/datetime';
import { ROUTES } from '../routes/paths';
import { accountApi } from './api';
import { BackupEmailBlock } from './BackupEmailBlock';
import { BlockCard, Facts } from './BlockCard';
import { CitizenCertBinding } from './CitizenCertBinding';
import { MobileBlock } from './MobileBlock';
import { AdminRoleBlock } from './AdminRoleBlock';
import { DelegationBlock } from './DelegationBlock';
import { AgencyChangeBlock } from './AgencyChangeBlock';
import { AvatarBlock } from './AvatarBlock';
import { PasswordBlock } from './PasswordBlock';
import { ProfileBlock } from './ProfileBlock';
import { OtpBlock } from './OtpBlock';
import { RetryAlert } from '../common/RetryAlert';

/** 個人帳號管理 (manual 第二章 參): one page of blocks in the manual's order. */
export default function AccountSettingsPage() {
  const { data: account, error, reload } = useResource(accountApi.get);

  return (
    <>
      <PageHeading title={ROUTES.account.title} />
      {error && (
        <RetryAlert onRetry={reload} retryLabel="重新載入" role="alert" sx={{ mb: 2 }}>
          {error}
        </RetryAlert>
      )}
      {!account ? (
        !error && <LoadingScreen />
      ) : (
        <Stack spacing={2.5}>
          <AvatarBlock account={account} onChanged={reload} />
          <BlockCard title="帳號狀態">
            <Facts
              rows={[
                ['帳號', account.account],
                ['申請日期', formatDate(account.status.applicationDate)],
                ['登入次數', `${account.status.loginCount} 次`],
                ['目前狀態', account.status.statusLabel],
              ]}
            />
          </BlockCard>
          <PasswordBlock account={account} onChanged={reload} />
          <ProfileBlock account={account} onChanged={reload} />
          <AdminRoleBlock account={account} />
          <DelegationBlock />
          <BackupEmailBlock account={account} onChanged={reload} />
          <MobileBlock account={account} onChanged={reload} />
          <AgencyChangeBlock />
          <CitizenCertBinding onChanged={reload} />
          <OtpBlock account={account} onChanged={reload} />
        </Stack>
      )}
    </>
  );
}
