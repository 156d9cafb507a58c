import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MuiTab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState, type ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { itemsApi, type ItemDetail, type ItemKind } from './api';
import { CustodiansTab } from './CustodiansTab';
import { ItemInfoTab } from './ItemInfoTab';
import { KINDS } from './kinds';
import { RecordsTab } from './RecordsTab';

type TabId = 'info' | 'custodians' | 'records';

/** 場地管理 / 公務車管理 / 派遣司機管理: the item's 資訊, 保管人設定 (管理人設定) and 借用紀錄 (派遣紀錄) tabs. */
export function ItemDetailPage({ kind }: { kind: ItemKind }) {
  const words = KINDS[kind];
  return (
    <ManagedDetailPage<ItemDetail, TabId>
      title={ROUTES[words.detailRoute].title}
      load={(id, signal) => itemsApi.get(kind, id, signal)}
      tabs={[
        { value: 'info', label: words.infoTab },
        { value: 'custodians', label: `${words.custodian}設定` },
        { value: 'records', label: words.recordsTab },
      ]}
      render={(tab, item, saved) =>
        tab === 'info' ? (
          <ItemInfoTab item={item} onSaved={saved} />
        ) : tab === 'custodians' ? (
          <CustodiansTab item={item} onSaved={saved} />
        ) : (
          <RecordsTab kind={kind} id={item.id} />
        )
      }
    />
  );
}

/**
 * The page of one managed thing (an item, a 報修類型) from its list's 編輯: its name in the heading, a
 * notice after 新增 or 儲存, and its tabs; the first tab is shown first.
 */
export function ManagedDetailPage<T extends { id: string; name: string }, Tab extends string>({
  title,
  load,
  tabs,
  render,
}: {
  title: string;
  load: (id: string, signal: AbortSignal) => Promise<T>;
  tabs: { value: Tab; label: string }[];
  render: (tab: Tab, item: T, saved: (message: string) => void) => ReactNode;
}) {
  const { id = '' } = useParams();
  const location = useLocation();
  const [tab, setTab] = useState<Tab>(tabs[0]!.value);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const { data: item, error, reload } = useResource((signal) => load(id, signal), [id, title], { keepPrevious: false });

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
        <Tabs
          value={tab}
          onChange={(_e, value: Tab) => setTab(value)}
          aria-label={title}
          variant="scrollable"
          allowScrollButtonsMobile
        >
          {tabs.map((t) => (
            <MuiTab key={t.value} value={t.value} label={t.label} />
          ))}
        </Tabs>
      </Box>
      {render(tab, item, saved)}
    </>
  );
}
