import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { GridColDef } from '@mui/x-data-grid';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useLocation, useSearchParams } from 'react-router';
import { RECORD_PAGE_SIZES } from '../../../../domain/login-records';
import { SERVICE_LABELS, SERVICE_STATUS_LABELS } from '../../../../domain/integrations/services';
import { pagingFromParams } from '../../account/records/recordsQuery';
import { PageHeading } from '../../common/PageHeading';
import { ServerPagedGrid } from '../../common/ServerPagedGrid';
import { usePagedList } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { integrationSystemPath, integrationsApi, type PagedSystems, type SystemRow } from './api';

/** The manual's heading of the page (its menu item is 應用系統服務介接申請). */
export const INTEGRATIONS_HEADING = '應用系統服務介接管理';

const text = (field: string, headerName: string, flex = 1, minWidth = 110): GridColDef<SystemRow> => ({
  field,
  headerName,
  flex,
  minWidth,
  sortable: false,
});

/** 應用系統服務介接管理: 查詢 by 應用系統名稱, 新增應用系統, and 詳細 on each system. */
export default function IntegrationsPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const name = params.get('name') ?? '';
  const [typed, setTyped] = useState(name);
  const { page, pageSize } = pagingFromParams(params);
  const list = usePagedList<PagedSystems>(integrationsApi.listPath(name, page, pageSize));
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(typed.trim() ? { name: typed.trim() } : {});
  };
  const columns: GridColDef<SystemRow>[] = [
    text('name', '應用系統名稱', 1.4, 160),
    { ...text('shortName', '簡稱', 0.8, 90), valueGetter: (_v, row) => row.shortName ?? '' },
    { ...text('agency', '管理機關', 1.2, 140), valueGetter: (_v, row) => row.agency.name },
    text('vendorName', '開發廠商名稱', 1.2, 140),
    {
      ...text('services', '介接服務', 1.6, 180),
      renderCell: ({ row }) => (
        <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap', alignItems: 'center', height: '100%' }}>
          {row.services.map((s) => (
            <Chip
              key={s.kind}
              size="small"
              variant="outlined"
              color={s.status === 'ACTIVE' ? 'success' : 'default'}
              label={`${SERVICE_LABELS[s.kind]}：${SERVICE_STATUS_LABELS[s.status]}`}
            />
          ))}
        </Stack>
      ),
    },
    { ...text('createdAt', '建立日期', 0.9, 130), valueGetter: (_v, row) => formatDateTime(row.createdAt) },
    {
      ...text('detail', '詳細', 0.5, 80),
      renderCell: ({ row }) => (
        <Button size="small" component={RouterLink} to={integrationSystemPath(row.id)} aria-label={`詳細：${row.name}`}>
          詳細
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeading
        title={INTEGRATIONS_HEADING}
        actions={
          <Button variant="contained" startIcon={<AddOutlined />} component={RouterLink} to={ROUTES.integrationSystemNew.path}>
            新增應用系統
          </Button>
        }
      />
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Paper component="form" role="search" aria-label="查詢" onSubmit={search} sx={{ p: { xs: 1.5, sm: 2 }, mb: 2 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'center' } }}>
          <TextField
            size="small"
            label="應用系統名稱"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            sx={{ minWidth: 280 }}
          />
          <Button type="submit" variant="outlined">
            查詢
          </Button>
        </Stack>
      </Paper>
      {list.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {list.error}
        </Alert>
      )}
      <ServerPagedGrid
        section="應用系統"
        summary={<>共 {list.total} 筆</>}
        rows={list.items}
        columns={columns}
        loading={list.loading}
        emptyText={name ? '查無符合的應用系統' : '尚未新增應用系統'}
        rowCount={list.total}
        getRowHeight={() => 'auto'}
        paginationModel={{ page, pageSize }}
        onPaginationModelChange={(model) =>
          setParams({ ...(name ? { name } : {}), page: String(model.page), pageSize: String(model.pageSize) })
        }
        pageSizeOptions={[...RECORD_PAGE_SIZES]}
      />
    </>
  );
}
