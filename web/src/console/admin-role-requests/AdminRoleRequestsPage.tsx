import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { TimelineEvent } from '../../account/selfServiceApi';
import { PageHeading } from '../../common/PageHeading';
import { api, ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { ROUTES } from '../../routes/routeTable';

interface Item {
  id: string;
  account: string;
  name: string;
  agency: { code: string; name: string } | null;
  organizationPath: string;
  reason: string;
  submittedAt: string;
  status: string;
  statusLabel: string;
}
interface Detail extends Item {
  events: TimelineEvent[];
  allowedActions: string[];
  temporalUrl: string;
}
type Filter = 'PENDING' | 'DECIDED' | 'ALL';

const base = () => ROUTES.consoleAdminRoleRequests.path;

/** 管理主控台 › 帳號管理 › 機關管理者申請審核: 權限異動申請 of the admin's agency (all, for system admins). */
export default function AdminRoleRequestsPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('PENDING');
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    api.get<{ items: Item[] }>(`/api/console/admin-role-requests?status=${filter}`, { signal: controller.signal }).then(
      (r) => {
        setItems(r.items);
        setError(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      },
    );
    return () => controller.abort();
  }, [filter, version]);

  return (
    <>
      <PageHeading title={ROUTES.consoleAdminRoleRequests.title} />
      <Stack spacing={2}>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {notice && (
          <Alert severity="success" role="status" onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        <ToggleButtonGroup
          exclusive
          size="small"
          value={filter}
          onChange={(_e, v: Filter | null) => v && setFilter(v)}
          aria-label="狀態"
        >
          <ToggleButton value="PENDING">待審核</ToggleButton>
          <ToggleButton value="DECIDED">已審核</ToggleButton>
          <ToggleButton value="ALL">全部</ToggleButton>
        </ToggleButtonGroup>
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="機關管理者申請" sx={{ minWidth: 720 }}>
            <TableHead>
              <TableRow>
                <TableCell>申請時間</TableCell>
                <TableCell>帳號</TableCell>
                <TableCell>姓名</TableCell>
                <TableCell>機關單位</TableCell>
                <TableCell>申請原因</TableCell>
                <TableCell>狀態</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {items?.length === 0 && (
                <TableRow>
                  <TableCell colSpan={7}>目前沒有{filter === 'PENDING' ? '待審核的' : ''}申請。</TableCell>
                </TableRow>
              )}
              {items?.map((item) => (
                <TableRow key={item.id} hover>
                  <TableCell>{formatDateTime(item.submittedAt)}</TableCell>
                  <TableCell>{item.account}</TableCell>
                  <TableCell>{item.name}</TableCell>
                  <TableCell>{item.organizationPath || item.agency?.name}</TableCell>
                  <TableCell sx={{ maxWidth: 280, whiteSpace: 'pre-wrap' }}>{item.reason}</TableCell>
                  <TableCell>{item.statusLabel}</TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => void navigate(`${base()}/${encodeURIComponent(item.id)}`)}>
                      {item.status === 'PENDING' ? '審核' : '明細'}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      </Stack>
      {id && (
        <DetailDialog
          id={id}
          onClose={() => void navigate(base())}
          onDecided={(text) => {
            setNotice(text);
            reload();
            void navigate(base());
          }}
        />
      )}
    </>
  );
}

function DetailDialog({ id, onClose, onDecided }: { id: string; onClose: () => void; onDecided: (text: string) => void }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const { run, pending } = useSingleFlight();

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<Detail>(`/api/console/admin-role-requests/${encodeURIComponent(id)}`, { signal: controller.signal })
      .then(setDetail, (e: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      });
    return () => controller.abort();
  }, [id]);

  const decide = (decision: 'APPROVE' | 'REJECT') =>
    run(async () => {
      if (decision === 'REJECT' && !comment.trim()) {
        setCommentError('駁回時請填寫審核意見');
        return;
      }
      try {
        await api.post(`/api/console/admin-role-requests/${encodeURIComponent(id)}/decision`, {
          decision,
          ...(comment.trim() ? { comment } : {}),
        });
        onDecided(
          decision === 'APPROVE'
            ? `已核准 ${detail?.name ?? ''} 的機關管理者申請（下次登入生效）`
            : `已駁回 ${detail?.name ?? ''} 的機關管理者申請`,
        );
      } catch (e) {
        if (e instanceof ApiError && e.fields.comment) setCommentError(e.fields.comment);
        else setError(errorMessage(e));
      }
    });

  const canDecide = detail?.allowedActions.includes('decide') ?? false;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="admin-role-detail-title">
      <DialogTitle id="admin-role-detail-title">機關管理者申請明細</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {detail && (
          <Stack spacing={1.5}>
            <Typography>
              {detail.name}（{detail.account}）— {detail.organizationPath}
            </Typography>
            <Typography variant="body2">申請時間：{formatDateTime(detail.submittedAt)}</Typography>
            <Typography variant="body2">狀態：{detail.statusLabel}</Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              申請原因：{detail.reason}
            </Typography>
            <List dense aria-label="處理歷程" sx={{ py: 0 }}>
              {detail.events.map((e) => (
                <ListItem key={e.seq} disableGutters>
                  <ListItemText
                    primary={`${formatDateTime(e.at)} ${e.label}${e.actorName ? `（${e.actorName}）` : ''}`}
                    secondary={e.comment ?? undefined}
                  />
                </ListItem>
              ))}
            </List>
            <Link href={detail.temporalUrl} target="_blank" rel="noopener" variant="body2">
              於 Temporal UI 檢視流程
            </Link>
            {canDecide && (
              <TextField
                name="comment"
                label="審核意見"
                multiline
                minRows={2}
                value={comment}
                error={Boolean(commentError)}
                helperText={commentError ?? '駁回時必填'}
                onChange={(event) => {
                  setComment(event.target.value);
                  setCommentError(null);
                }}
              />
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>關閉</Button>
        {canDecide && (
          <>
            <Button color="error" disabled={pending} onClick={() => void decide('REJECT')}>
              駁回
            </Button>
            <Button variant="contained" loading={pending} onClick={() => void decide('APPROVE')}>
              核准
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
