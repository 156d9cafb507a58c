import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useSearchParams } from 'react-router';
import { REPAIR_STATUS_LABELS } from '../../../../domain/repairs/labels';
import { PageHeading } from '../../common/PageHeading';
import { pagingFromParams } from '../../account/records/recordsQuery';
import { usePagedList } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { repairHandlingTicketPath, repairsApi, type PagedTickets, type RepairStatus } from '../../applications/repairs/api';
import { TicketGrid } from '../../applications/repairs/TicketGrid';

/** 我的個人應用 › 報修處理狀況回報: the tickets of the types the vendor serves, by 處理狀況 (待處理 first shown). */
export default function RepairHandlingPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: RepairStatus | '' = raw === null ? 'PENDING' : raw in REPAIR_STATUS_LABELS ? (raw as RepairStatus) : '';
  const { page, pageSize } = pagingFromParams(params);
  const list = usePagedList<PagedTickets>(repairsApi.handlingPath(status, page, pageSize));
  const go = (next: { status?: RepairStatus | ''; page?: number; pageSize?: number }) =>
    setParams({
      status: next.status ?? status,
      ...(next.page ? { page: String(next.page) } : {}),
      pageSize: String(next.pageSize ?? pageSize),
    });
  return (
    <>
      <PageHeading title={ROUTES.repairHandling.title} />
      <TicketGrid
        section="報修案件"
        list={list}
        page={page}
        pageSize={pageSize}
        onPage={(p, s) => go({ page: p, pageSize: s })}
        detailPath={repairHandlingTicketPath}
        showType
        showReporter
        emptyText="查無符合條件的報修案件"
        actions={
          <TextField
            select
            size="small"
            label="處理狀況"
            value={status || 'ALL'}
            onChange={(e) => go({ status: e.target.value === 'ALL' ? '' : (e.target.value as RepairStatus), page: 0 })}
            sx={{ width: 160, flex: '0 0 auto' }}
          >
            <MenuItem value="ALL">全部</MenuItem>
            {Object.entries(REPAIR_STATUS_LABELS).map(([value, label]) => (
              <MenuItem key={value} value={value}>
                {label}
              </MenuItem>
            ))}
          </TextField>
        }
      />
    </>
  );
}
