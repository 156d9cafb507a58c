import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeading } from '../../common/PageHeading';
import { errorMessage, type Decision } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { ROUTES } from '../../routes/routeTable';
import { DecisionDialog } from '../account-applications/DecisionDialog';
import { agencyChangeReviewApi, DECISION_LABELS, type AgencyChangeItem, type InboxFilter } from './api';

interface Summary {
  severity: 'success' | 'warning';
  text: string;
  failures: { id: string; label: string; message: string }[];
}

/**
 * 管理主控台 › 帳號管理 › 機關異動審核: 機關(單位)異動申請 into the admin's agency (all, for system
 * admins); 審核 one by one in the detail page, or 批次核准 / 批次駁回 of the selected ones.
 */
export default function AgencyChangeRequestsPage() {
  const navigate = useNavigate();
  const [filter, setFilter] = useState<InboxFilter>('PENDING');
  const [items, setItems] = useState<AgencyChangeItem[] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const { run, pending } = useSingleFlight();
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    agencyChangeReviewApi.list(filter, controller.signal).then(
      (r) => {
        setItems(r.items);
        setSelected((ids) => ids.filter((id) => r.items.some((i) => i.id === id && i.status === 'PENDING')));
        setError(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      },
    );
    return () => controller.abort();
  }, [filter, version]);

  const pendingItems = items?.filter((i) => i.status === 'PENDING') ?? [];
  const chosen = pendingItems.filter((i) => selected.includes(i.id));
  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const submitBatch = (decision: Decision, comment: string) =>
    run(async () => {
      try {
        const { results } = await agencyChangeReviewApi.decideBatch(
          chosen.map((i) => i.id),
          decision,
          comment,
        );
        const failures = results
          .filter((r) => !r.ok)
          .map((r) => ({
            id: r.id,
            label: chosen.find((i) => i.id === r.id)?.account ?? r.id,
            message: r.error?.message ?? '處理失敗',
          }));
        const done = results.length - failures.length;
        setSummary({
          severity: failures.length ? 'warning' : 'success',
          text: `已${DECISION_LABELS[decision]} ${done} 筆申請${failures.length ? `，${failures.length} 筆未處理：` : '。'}`,
          failures,
        });
        setDialog(null);
        setSelected([]);
        reload();
      } catch (e) {
        setDialogError(errorMessage(e));
      }
    });

  const openBatch = (decision: Decision) => {
    setDialogError(null);
    setDialog(decision);
  };

  return (
    <>
      <PageHeading title={ROUTES.consoleAgencyChangeRequests.title} />
      <Stack spacing={2}>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {summary && (
          <Alert severity={summary.severity} role="status" onClose={() => setSummary(null)}>
            {summary.text}
            {summary.failures.length > 0 && (
              <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
                {summary.failures.map((f) => (
                  <li key={f.id}>
                    {f.label}：{f.message}
                  </li>
                ))}
              </Box>
            )}
          </Alert>
        )}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ justifyContent: 'space-between' }}>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={filter}
            onChange={(_e, v: InboxFilter | null) => v && setFilter(v)}
            aria-label="狀態"
          >
            <ToggleButton value="PENDING">待審核</ToggleButton>
            <ToggleButton value="DECIDED">已審核</ToggleButton>
            <ToggleButton value="ALL">全部</ToggleButton>
          </ToggleButtonGroup>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" sx={{ color: 'text.secondary' }} aria-live="polite">
              已選擇 {chosen.length} 筆
            </Typography>
            <Button variant="contained" disabled={!chosen.length || pending} onClick={() => openBatch('APPROVE')}>
              批次核准
            </Button>
            <Button variant="outlined" color="error" disabled={!chosen.length || pending} onClick={() => openBatch('REJECT')}>
              批次駁回
            </Button>
          </Stack>
        </Stack>
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="機關(單位)異動申請" sx={{ minWidth: 760 }}>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" />
                <TableCell>申請時間</TableCell>
                <TableCell>帳號</TableCell>
                <TableCell>姓名</TableCell>
                <TableCell>原機關/單位</TableCell>
                <TableCell>調入機關/單位</TableCell>
                <TableCell>狀態</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {items?.length === 0 && (
                <TableRow>
                  <TableCell colSpan={8}>目前沒有{filter === 'PENDING' ? '待審核的' : ''}申請。</TableCell>
                </TableRow>
              )}
              {items?.map((item) => (
                <TableRow key={item.id} hover>
                  <TableCell padding="checkbox">
                    {item.status === 'PENDING' && (
                      <Checkbox
                        checked={selected.includes(item.id)}
                        onChange={() => toggle(item.id)}
                        slotProps={{ input: { 'aria-label': `選擇 ${item.account}` } }}
                      />
                    )}
                  </TableCell>
                  <TableCell>{formatDateTime(item.submittedAt)}</TableCell>
                  <TableCell>{item.account}</TableCell>
                  <TableCell>{item.name}</TableCell>
                  <TableCell>{item.fromOrganizationPath}</TableCell>
                  <TableCell>{item.toOrganizationPath}</TableCell>
                  <TableCell>{item.statusLabel}</TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      onClick={() => void navigate(`${ROUTES.consoleAgencyChangeRequests.path}/${encodeURIComponent(item.id)}`)}
                    >
                      {item.status === 'PENDING' ? '審核' : '明細'}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      </Stack>
      {dialog && (
        <DecisionDialog
          decision={dialog}
          title={`批次${DECISION_LABELS[dialog]}（${chosen.length} 筆）`}
          description={
            <>
              將{DECISION_LABELS[dialog]}下列機關(單位)異動申請：{chosen.map((i) => `${i.name}（${i.account}）`).join('、')}。
              {dialog === 'APPROVE' ? ' 核准後帳號將異動至調入單位並恢復啟用。' : ' 駁回後帳號維持原單位並恢復啟用。'}
            </>
          }
          pending={pending}
          error={dialogError}
          onSubmit={({ comment }) => void submitBatch(dialog, comment)}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
