import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../common/PageHeading';
import { ROUTES } from '../../routes/paths';
import { ConnectivityTab } from './ConnectivityTab';
import { ReconcileTab } from './ReconcileTab';
import { UserSyncTab } from './UserSyncTab';

type AdSyncTab = 'connectivity' | 'users' | 'reconcile';
const TABS: { value: AdSyncTab; label: string }[] = [
  { value: 'connectivity', label: '連線檢查' },
  { value: 'users', label: '帳號同步狀態' },
  { value: 'reconcile', label: '同步比對' },
];

/** 管理主控台功能 › AD 同步管理作業 (system administrators): 連線檢查, 帳號同步狀態 and 同步比對. */
export default function AdSyncPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t.value === params.get('tab'))?.value ?? 'connectivity';
  return (
    <>
      <PageHeading title={ROUTES.consoleAdSync.title} />
      <Tabs
        value={tab}
        onChange={(_e, value: AdSyncTab) => setParams(value === 'connectivity' ? {} : { tab: value })}
        aria-label="AD 同步管理作業功能"
        sx={{ mb: 2 }}
      >
        {TABS.map((t) => (
          <Tab key={t.value} value={t.value} label={t.label} />
        ))}
      </Tabs>
      {tab === 'connectivity' && <ConnectivityTab />}
      {tab === 'users' && <UserSyncTab />}
      {tab === 'reconcile' && <ReconcileTab />}
    </>
  );
}
