import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { pagingFromParams } from '../../account/records/recordsQuery';
import { usePagedList, useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { repairsApi, repairTicketPath, repairTypePath, type PagedTickets } from './api';
import { TicketGrid } from './TicketGrid';

/** 線上申請作業 › 線上報修: the types the user's agency may report to (詳細), and tab 我的維修. */
export default function RepairsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'mine' ? 'mine' : 'types';
  return (
    <>
      <PageHeading title={ROUTES.repairs.title} />
      <Tabs
        value={tab}
        onChange={(_e, value: string) => setParams(value === 'mine' ? { tab: 'mine' } : {})}
        aria-label="線上報修"
        sx={{ mb: 2 }}
      >
        <Tab value="types" label="報修類型" />
        <Tab value="mine" label="我的維修" />
      </Tabs>
      {tab === 'types' ? <TypeList /> : <MyTickets />}
    </>
  );
}

function TypeList() {
  const types = useResource((signal: AbortSignal) => repairsApi.types(signal), []);
  if (types.error) return <Alert severity="error">{types.error}</Alert>;
  if (!types.data) return <LoadingScreen label="讀取報修類型中…" />;
  if (types.data.items.length === 0)
    return (
      <Paper sx={{ p: 3 }}>
        <Typography sx={{ color: 'text.secondary' }}>目前沒有開放貴機關報修的報修類型。</Typography>
      </Paper>
    );
  return (
    <Paper component="section" aria-label="報修類型">
      <List disablePadding>
        {types.data.items.map((t, i) => (
          <ListItem
            key={t.id}
            divider={i < types.data!.items.length - 1}
            secondaryAction={
              <Button component={RouterLink} to={repairTypePath(t.id)} aria-label={`詳細：${t.name}`}>
                詳細
              </Button>
            }
          >
            <ListItemText primary={t.name} secondary={t.agencyName} />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}

function MyTickets() {
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = pagingFromParams(params);
  const list = usePagedList<PagedTickets>(repairsApi.minePath('', page, pageSize));
  return (
    <>
      <TicketGrid
        section="我的維修"
        list={list}
        page={page}
        pageSize={pageSize}
        onPage={(p, s) => setParams({ tab: 'mine', page: String(p), pageSize: String(s) })}
        detailPath={repairTicketPath}
        showType
        emptyText="尚無報修紀錄"
      />
    </>
  );
}
