import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { itemsApi, type ItemKind } from './api';
import { CustodiansTab } from './CustodiansTab';
import { ItemInfoTab } from './ItemInfoTab';
import { KINDS } from './kinds';
import { RecordsTab } from './RecordsTab';

type TabId = 'info' | 'custodians' | 'records';

/** 場地管理 / 公務車管理 / 派遣司機管理: the item's 資訊, 保管人設定 (管理人設定) and 借用紀錄 (派遣紀錄) tabs. */
export function ItemDetailPage({ kind }: { kind: ItemKind }) {
  const words = KINDS[kind];
  const { id = '' } = useParams();
  const location = useLocation();
  const [tab, setTab] = useState<TabId>('info');
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const {
    data: item,
    error,
    reload,
  } = useResource((signal) => itemsApi.get(kind, id, signal), [kind, id], { keepPrevious: false });
  const title = ROUTES[words.detailRoute].title;

  if (error && !item)
    return (
      <>
        <PageHeading title={title} />
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      </>
    );
  if (!item) return <LoadingScreen />;
  const saved = (message: string) => {
    setNotice(message);
    void reload();
  };

  return (
    <>
      <PageHeading title={`${title}：${item.name}`} />
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} onChange={(_e, value: TabId) => setTab(value)} aria-label={title}>
          <Tab value="info" label={words.infoTab} />
          <Tab value="custodians" label={`${words.custodian}設定`} />
          <Tab value="records" label={words.recordsTab} />
        </Tabs>
      </Box>
      {tab === 'info' && <ItemInfoTab item={item} onSaved={saved} />}
      {tab === 'custodians' && <CustodiansTab item={item} onSaved={saved} />}
      {tab === 'records' && <RecordsTab kind={kind} id={item.id} />}
    </>
  );
}
