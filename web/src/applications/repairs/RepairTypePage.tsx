import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { PageHeading } from '../../common/PageHeading';
import { RouterLink as TextLink } from '../../common/RouterLink';
import { pagingFromParams } from '../../account/records/recordsQuery';
import { usePagedList } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { repairNewPath, repairsApi, repairTicketPath, type PagedTickets, type RepairTypeChoice } from './api';
import { TicketGrid } from './TicketGrid';

/** 報修類型詳細頁: the user's tickets of the type (詳細), and 新增報修 top right. */
export default function RepairTypePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = pagingFromParams(params);
  const list = usePagedList<PagedTickets & { type: RepairTypeChoice }>(repairsApi.typePath(id, page, pageSize));
  const type = list.page?.type;
  return (
    <>
      <PageHeading
        title={type ? `${ROUTES.repairType.title}：${type.name}` : ROUTES.repairType.title}
        actions={
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <TextLink to={ROUTES.repairs.path}>返回線上報修</TextLink>
            <Button variant="contained" component={RouterLink} to={repairNewPath(id)} startIcon={<AddOutlined />}>
              新增報修
            </Button>
          </Stack>
        }
      />
      <TicketGrid
        section="報修紀錄"
        list={list}
        page={page}
        pageSize={pageSize}
        onPage={(p, s) => setParams({ page: String(p), pageSize: String(s) })}
        detailPath={repairTicketPath}
        emptyText="尚無此類型的報修紀錄"
      />
    </>
  );
}
