import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
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
import { useSession } from '../../auth/session';
import { PageHeading } from '../../common/PageHeading';
import { SearchField } from '../../common/SearchField';
import { usePagedList } from '../../lib/data';
import { useSearchParamsPatch } from '../../lib/useSearchParamsPatch';
import { ROUTES } from '../../routes/paths';
import { itemsApi, type ItemKind, type ItemRow } from './api';
import { detailPath, KINDS } from './kinds';

/** A list of 物品管理 (an item kind, 報修類型): its words, where it reads, its columns (the name among them). */
export interface ManagedListSpec<R extends { id: string; name: string }> {
  title: string;
  /** 新增 (admins only): where it goes and its words. */
  create: { path: string; label: string };
  searchLabel: string;
  listPath: (q: string) => string;
  columns: { header: string; cell: (row: R) => string }[];
  detailPath: (id: string) => string;
}

/**
 * 場地清單管理 / 公務車清單管理 / 派遣司機清單管理: the items the user manages (a custodian those they
 * hold, an agency admin their agency's, a system admin all), 關鍵字 查詢, 編輯; 新增 for admins.
 */
export function ItemListPage({ kind }: { kind: ItemKind }) {
  const words = KINDS[kind];
  return (
    <ManagedListPage<ItemRow>
      spec={{
        title: ROUTES[words.listRoute].title,
        create: { path: ROUTES[words.newRoute].path, label: words.newLabel },
        searchLabel: words.searchLabel,
        listPath: (q) => itemsApi.listPath(kind, q),
        columns: [
          { header: '所在地', cell: (r) => r.location },
          ...words.columns,
          { header: words.custodian, cell: (r) => r.custodians.join('、') },
          { header: '是否公開', cell: (r) => (r.isPublic ? '是' : '否') },
        ],
        detailPath: (id) => detailPath(kind, id),
      }}
    />
  );
}

/** One list of 物品管理: 查詢 by keyword, the rows the user manages with 編輯, and 新增 for admins. */
export function ManagedListPage<R extends { id: string; name: string }>({ spec }: { spec: ManagedListSpec<R> }) {
  const { state } = useSession();
  const isAdmin = state.status === 'authenticated' && state.user.roles.length > 0;
  const [params, patch] = useSearchParamsPatch();
  const q = params.get('q') ?? '';
  const [keyword, setKeyword] = useState(q);
  const { page, total, error } = usePagedList<{ total: number; items: R[] }>(spec.listPath(q));
  const rows = page?.items ?? null;
  const columns = spec.columns.length + 1;

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    patch({ q: keyword.trim() });
  };

  return (
    <Box>
      <PageHeading
        title={spec.title}
        actions={
          isAdmin && (
            <Button component={Link} to={spec.create.path} variant="contained">
              {spec.create.label}
            </Button>
          )
        }
      />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack component="form" direction={{ xs: 'column', sm: 'row' }} spacing={1.5} onSubmit={search} noValidate>
          <SearchField label={spec.searchLabel} value={keyword} onChange={setKeyword} sx={{ minWidth: 320 }} />
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
        <Table size="small" aria-label={spec.title} sx={{ minWidth: 760 }}>
          <TableHead>
            <TableRow>
              {spec.columns.map((c) => (
                <TableCell key={c.header}>{c.header}</TableCell>
              ))}
              <TableCell align="right">操作</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows?.length === 0 && (
              <TableRow>
                <TableCell colSpan={columns} align="center">
                  目前沒有資料
                </TableCell>
              </TableRow>
            )}
            {rows?.map((r) => (
              <TableRow key={r.id}>
                {spec.columns.map((c) => (
                  <TableCell key={c.header}>{c.cell(r)}</TableCell>
                ))}
                <TableCell align="right">
                  <Button
                    size="small"
                    variant="outlined"
                    component={Link}
                    to={spec.detailPath(r.id)}
                    aria-label={`編輯 ${r.name}`}
                  >
                    編輯
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {rows && total > rows.length && (
        <Alert severity="info" sx={{ mt: 2 }}>
          共 {total} 筆，僅顯示前 {rows.length} 筆，請以關鍵字查詢。
        </Alert>
      )}
    </Box>
  );
}
