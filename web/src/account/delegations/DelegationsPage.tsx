import { ConfirmActionDialog } from '../../common/ConfirmActionDialog';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { DELEGATION_MAX_DAYS, taipeiDate, type DelegationStatus } from '../../../../domain/delegation';
import { useSession } from '../../auth/session';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { RouterLink } from '../../common/RouterLink';
import { isApiError, type FieldErrors } from '../../lib/api';
import { useMutation, useResource } from '../../lib/data';
import { ROUTES } from '../../routes/paths';
import { delegationsApi, type Candidate, type Delegation, type Person } from './delegationsApi';

const STATUS_COLORS: Record<DelegationStatus, 'success' | 'info' | 'default'> = {
  ACTIVE: 'success',
  SCHEDULED: 'info',
  ENDED: 'default',
  CANCELLED: 'default',
};

const personText = (p: Person) => `${p.name}（${p.account}）`;

/**
 * 個人帳號管理 › 代理人設定: an approver (機關管理者, 系統管理者) names a colleague of the same agency who,
 * for whole days, sees and decides the requests the approver would decide; decisions then read
 * 「代理人（代理 被代理人）」 and the approver is mailed each one. Everyone sees whom they stand in for.
 */
export default function DelegationsPage() {
  const { state, refresh } = useSession();
  const isApprover = state.status === 'authenticated' && state.user.roles.length > 0;
  const { data: lists, error, reload } = useResource(delegationsApi.list);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<Delegation | null>(null);

  const changed = (message: string) => {
    setNotice(message);
    void reload();
    // The side menu opens or closes the review inboxes with the session's delegations.
    void refresh();
  };

  return (
    <>
      <PageHeading title={ROUTES.delegations.title} />
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>
        請假或公出期間，可指定本機關同仁為代理人：代理期間內，代理人可在管理主控台看見並審核您負責的申請，審核紀錄會顯示「代理人（代理
        您的姓名）」，每件代理審核的結果也會以電子郵件通知您。
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {!lists && !error && <LoadingScreen label="讀取代理人設定中…" />}
      {lists && (
        <Stack spacing={3}>
          {isApprover ? (
            <NewDelegationForm onCreated={(deputy) => changed(`已指定 ${deputy} 為代理人，並以電子郵件通知代理人。`)} />
          ) : (
            <Alert severity="info">代理人設定由機關管理者及系統管理者指定；您目前沒有需要代理的審核工作。</Alert>
          )}
          {isApprover && (
            <DelegationTable
              title="我指定的代理人"
              empty="您尚未指定代理人。"
              rows={lists.given}
              who={(d) => ({ label: '代理人', person: d.deputy })}
              onCancel={setCancelling}
            />
          )}
          <DelegationTable
            title="我代理的審核"
            empty="目前沒有同仁指定您為代理人。"
            rows={lists.held}
            who={(d) => ({ label: '被代理人', person: d.principal })}
          />
        </Stack>
      )}
      <ConfirmActionDialog
        item={cancelling}
        title="取消代理"
        message={(d) => `確定取消 ${personText(d.deputy)} 的代理（${d.period}）？取消後代理人即無法再審核您負責的申請。`}
        confirmLabel="確定取消"
        action={(d) => delegationsApi.cancel(d.id)}
        onClose={() => setCancelling(null)}
        onDone={(d) => {
          setCancelling(null);
          changed(`已取消 ${d.deputy.name} 的代理（${d.period}）。`);
        }}
      />
    </>
  );
}

function NewDelegationForm({ onCreated }: { onCreated: (deputyName: string) => void }) {
  const today = taipeiDate(new Date());
  const [deputy, setDeputy] = useState<Candidate | null>(null);
  const [keyword, setKeyword] = useState('');
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState(today);
  const [fields, setFields] = useState<FieldErrors>({});
  // Colleagues as the user types (account or name); a newer keyword drops the older answer.
  const { data: candidates } = useResource((signal) => delegationsApi.candidates(keyword, signal), [keyword]);
  const options: Candidate[] = candidates?.items ?? [];
  const create = useMutation(delegationsApi.create, {
    onSuccess: () => {
      onCreated(deputy?.name ?? '');
      setDeputy(null);
    },
    onError: (cause) => {
      if (isApiError(cause) && Object.keys(cause.fields).length > 0) {
        setFields(cause.fields);
        return null;
      }
      return undefined;
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setFields({});
    if (!deputy) {
      setFields({ deputyAccount: '請選擇代理人' });
      return;
    }
    void create.run({ deputyAccount: deputy.account, startDate, endDate });
  }

  return (
    <Paper component="section" aria-label="新增代理" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="h2" sx={{ mb: 2 }}>
        新增代理
      </Typography>
      {create.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {create.error}
        </Alert>
      )}
      <Stack component="form" noValidate onSubmit={submit} spacing={2} sx={{ maxWidth: 560 }}>
        <Autocomplete
          options={options}
          value={deputy}
          onChange={(_e, value) => setDeputy(value)}
          onInputChange={(_e, value, reason) => {
            if (reason === 'input') setKeyword(value);
          }}
          filterOptions={(x) => x}
          isOptionEqualToValue={(a, b) => a.account === b.account}
          getOptionLabel={(c) => personText(c)}
          renderOption={(props, c) => (
            <li {...props} key={c.account}>
              <Stack>
                <span>{personText(c)}</span>
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {[c.unit, c.title].filter(Boolean).join(' ')}
                </Typography>
              </Stack>
            </li>
          )}
          noOptionsText="查無符合的本機關同仁"
          renderInput={(params) => (
            <TextField
              {...params}
              label="代理人"
              required
              error={Boolean(fields.deputyAccount)}
              helperText={fields.deputyAccount ?? '輸入本機關同仁的帳號或姓名'}
            />
          )}
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            type="date"
            label="代理開始日期"
            required
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
            error={Boolean(fields.startDate)}
            helperText={fields.startDate ?? ' '}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today } }}
            fullWidth
          />
          <TextField
            type="date"
            label="代理結束日期"
            required
            value={endDate}
            onChange={(e) => setEndDate(e.target.value)}
            error={Boolean(fields.endDate)}
            helperText={fields.endDate ?? `含當日，最長 ${DELEGATION_MAX_DAYS} 天`}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: startDate || today } }}
            fullWidth
          />
        </Stack>
        <div>
          <Button type="submit" variant="contained" loading={create.pending} loadingPosition="start">
            新增代理
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

function DelegationTable({
  title,
  empty,
  rows,
  who,
  onCancel,
}: {
  title: string;
  empty: string;
  rows: Delegation[];
  who: (d: Delegation) => { label: string; person: Person };
  onCancel?: (d: Delegation) => void;
}) {
  const heading = who(rows[0] ?? ({ deputy: {}, principal: {} } as Delegation)).label;
  return (
    <Paper component="section" aria-label={title} sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography variant="h2" sx={{ mb: 2 }}>
        {title}
      </Typography>
      {rows.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>{empty}</Typography>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>{heading}</TableCell>
              <TableCell>代理期間</TableCell>
              <TableCell>狀態</TableCell>
              <TableCell align="right">操作</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((d) => {
              const { person } = who(d);
              const live = d.status === 'ACTIVE' || d.status === 'SCHEDULED';
              return (
                <TableRow key={d.id}>
                  <TableCell sx={{ fontWeight: 600 }}>{personText(person)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{d.period}</TableCell>
                  <TableCell>
                    <Chip size="small" label={d.statusLabel} color={STATUS_COLORS[d.status]} />
                  </TableCell>
                  <TableCell align="right">
                    {onCancel && live && (
                      <Button size="small" color="error" onClick={() => onCancel(d)} aria-label={`取消代理：${person.name}`}>
                        取消代理
                      </Button>
                    )}
                    {!onCancel && d.status === 'ACTIVE' && (
                      <RouterLink to={ROUTES.consoleAccountApplications.path}>前往審核</RouterLink>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
