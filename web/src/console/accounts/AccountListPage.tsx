import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MuiLink from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../common/PageHeading';
import { usePagedList } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { DisableDialog, type DisableTarget } from './DisableDialog';
import { DisableRequestDialog } from './DisableRequestDialog';
import { SearchField } from '../../common/SearchField';
import { useSearchParamsPatch } from '../../lib/useSearchParamsPatch';

interface AccountRow {
  id: string;
  account: string;
  name: string;
  title: string | null;
  organizationPath: string;
  status: 'PENDING_ACTIVATION' | 'ACTIVE' | 'DISABLED';
  statusLabel: string;
  lastLoginAt: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
  allowedActions: string[];
}

/** 管理主控台功能 › 帳號管理: the agency's accounts (all, for system admins), with 停用. */
export default function AccountListPage() {
  const [params, patch] = useSearchParamsPatch();
  const q = params.get('q') ?? '';
  const openRequest = params.get('request');
  const [keyword, setKeyword] = useState(q);
  const [disabling, setDisabling] = useState<DisableTarget | null>(null);
  const { page, total, error, reload } = usePagedList<{ total: number; items: AccountRow[] }>(
    `/api/console/accounts?pageSize=100${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  );
  const rows = page?.items ?? null;

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    patch({ q: keyword.trim() });
  };
  const showRequest = (workflowId: string | null) => patch({ request: workflowId });

  return (
    <Box>
      <PageHeading
        title="帳號管理"
        actions={
          <Button component={Link} to={ROUTES.consoleAccountApplications.path} variant="outlined">
            帳號申請審核
          </Button>
        }
      />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack component="form" direction={{ xs: 'column', sm: 'row' }} spacing={1.5} onSubmit={search} noValidate>
          <SearchField label="帳號或姓名" value={keyword} onChange={setKeyword} />
          <Button type="submit" variant="contained">
            查詢
          </Button>
        </Stack>
      </Paper>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="帳號列表" sx={{ minWidth: 760 }}>
          <TableHead>
            <TableRow>
              <TableCell>帳號</TableCell>
              <TableCell>姓名</TableCell>
              <TableCell>機關單位</TableCell>
              <TableCell>狀態</TableCell>
              <TableCell>最後登入</TableCell>
              <TableCell align="right">操作</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows?.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} align="center">
                  查無符合條件的帳號
                </TableCell>
              </TableRow>
            )}
            {rows?.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  <MuiLink component={Link} to={ROUTES.consoleAccount.path.replace(':id', encodeURIComponent(r.id))}>
                    {r.account}
                  </MuiLink>
                </TableCell>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.organizationPath}</TableCell>
                <TableCell title={r.disabledReason ? `停用原因：${r.disabledReason}` : undefined}>
                  {r.statusLabel}
                  {r.status === 'DISABLED' && r.disabledAt ? `（${formatDateTime(r.disabledAt)}）` : ''}
                </TableCell>
                <TableCell>{formatDateTime(r.lastLoginAt) || '—'}</TableCell>
                <TableCell align="right">
                  {r.allowedActions.includes('disable') && (
                    <Button
                      size="small"
                      color="error"
                      variant="outlined"
                      onClick={() => setDisabling({ id: r.id, account: r.account, name: r.name })}
                      aria-label={`停用 ${r.account}`}
                    >
                      停用
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {rows && total > rows.length && (
        <Alert severity="info" sx={{ mt: 2 }}>
          共 {total} 個帳號，僅顯示前 {rows.length} 個，請以帳號或姓名查詢。
        </Alert>
      )}
      {disabling && (
        <DisableDialog
          target={disabling}
          onClose={() => setDisabling(null)}
          onStarted={(workflowId) => {
            setDisabling(null);
            showRequest(workflowId);
          }}
        />
      )}
      {openRequest && (
        <DisableRequestDialog workflowId={openRequest} onSettled={() => void reload()} onClose={() => showRequest(null)} />
      )}
    </Box>
  );
}
