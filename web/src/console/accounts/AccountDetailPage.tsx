import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import MuiLink from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { BlockNotice, Facts, type BlockNoticeValue } from '../../account/BlockCard';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { errorMessage } from '../../lib/api';
import { useResource } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { useSingleFlight } from '../../lib/useSingleFlight';
import { ROUTES } from '../../routes/paths';
import { ACCOUNT_STATUS_LABELS, AD_STATUS_LABELS, REQUEST_TYPE_LABELS, accountDetailApi } from './accountDetailApi';
import { DisableDialog } from './DisableDialog';
import { DisableRequestDialog } from './DisableRequestDialog';
import { EditAccountDialog } from './EditAccountDialog';
import { ReasonDialog } from './ReasonDialog';

type Role = 'agency-admin' | 'system-admin';
type Open =
  | { kind: 'edit' | 'disable' | 'enable' | 'reset' }
  | { kind: 'role'; role: Role; grant: boolean }
  | { kind: 'request'; workflowId: string };

const ROLE_ACTIONS: { action: string; role: Role; grant: boolean; label: string }[] = [
  { action: 'grantAgencyAdmin', role: 'agency-admin', grant: true, label: '設為機關管理者' },
  { action: 'revokeAgencyAdmin', role: 'agency-admin', grant: false, label: '移除機關管理者' },
  { action: 'grantSystemAdmin', role: 'system-admin', grant: true, label: '設為系統管理者' },
  { action: 'revokeSystemAdmin', role: 'system-admin', grant: false, label: '移除系統管理者' },
];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2.5, height: '100%' }}>
      <Typography component="h2" variant="h6" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** 管理主控台 › 帳號管理 › 帳號明細: the account and what the admin may do with it (each recorded). */
export default function AccountDetailPage() {
  const { id = '' } = useParams();
  const { data: account, error, reload } = useResource((signal) => accountDetailApi.get(id, signal), [id]);
  const [notice, setNotice] = useState<BlockNoticeValue | null>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const { run, pending } = useSingleFlight();

  if (error && !account)
    return (
      <>
        <PageHeading title={ROUTES.consoleAccount.title} />
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      </>
    );
  if (!account) return <LoadingScreen />;

  const can = (action: string) => account.allowedActions.includes(action);
  const started = (workflowId: string) => {
    setOpen({ kind: 'request', workflowId });
    reload();
  };
  const changeRole = (role: Role, grant: boolean, label: string) =>
    run(async () => {
      setOpen(null);
      try {
        const { effective } = await accountDetailApi.setRole(account.id, role, grant);
        setNotice({ severity: 'success', text: `已${label}：${account.name}（${effective}）` });
      } catch (cause) {
        setNotice({ severity: 'error', text: errorMessage(cause) });
      }
      reload();
    });
  const roleAction = open?.kind === 'role' ? ROLE_ACTIONS.find((r) => r.role === open.role && r.grant === open.grant) : undefined;

  return (
    <>
      <PageHeading
        title={`${ROUTES.consoleAccount.title}：${account.name}（${account.account}）`}
        actions={
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            {can('edit') && (
              <Button variant="outlined" onClick={() => setOpen({ kind: 'edit' })}>
                編輯
              </Button>
            )}
            {can('enable') && (
              <Button variant="contained" onClick={() => setOpen({ kind: 'enable' })}>
                啟用
              </Button>
            )}
            {can('resetActivation') && (
              <Button variant="outlined" onClick={() => setOpen({ kind: 'reset' })}>
                重設為待開通
              </Button>
            )}
            {can('disable') && (
              <Button variant="outlined" color="error" onClick={() => setOpen({ kind: 'disable' })}>
                停用
              </Button>
            )}
          </Stack>
        }
      />
      <Stack spacing={2}>
        <BlockNotice notice={notice} onClose={() => setNotice(null)} />
        {account.openRequest && (
          <Alert severity="info">
            進行中：{account.openRequest.label}（{account.openRequest.statusLabel}）{' '}
            <MuiLink component={Link} to={account.openRequest.url}>
              查看
            </MuiLink>
          </Alert>
        )}
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <Section title="基本資料">
              <Facts
                rows={[
                  ['帳號', account.account],
                  ['姓名', account.name],
                  ['職稱', account.title ?? '—'],
                  [
                    '公務電話',
                    [account.officePhone, account.officeExt && `分機 ${account.officeExt}`].filter(Boolean).join(' ') || '—',
                  ],
                  ['機關單位', account.organizationPath],
                  ['通知信箱', account.mailTo ?? '—'],
                  ['公務郵件', account.officialMail ? '已核發' : '未核發'],
                ]}
              />
            </Section>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Section title="帳號狀態">
              <Facts
                rows={[
                  [
                    '目前狀態',
                    <Chip
                      key="s"
                      size="small"
                      label={ACCOUNT_STATUS_LABELS[account.status]}
                      color={account.status === 'ACTIVE' ? 'success' : account.status === 'DISABLED' ? 'default' : 'warning'}
                    />,
                  ],
                  ['申請日期', formatDateTime(account.appliedAt)],
                  ['開通時間', formatDateTime(account.activatedAt) || '—'],
                  ['最後登入', formatDateTime(account.lastLoginAt) || '—'],
                  ['登入次數', `${account.loginCount} 次`],
                  [
                    '密碼變更',
                    account.passwordChangedAt
                      ? `${formatDateTime(account.passwordChangedAt)}（${account.passwordChangedBy ?? '—'}）`
                      : '—',
                  ],
                  ...(account.disabledAt
                    ? ([['停用', `${formatDateTime(account.disabledAt)}，${account.disabledReason ?? ''}`]] as const)
                    : []),
                  ...(account.lockedUntil ? ([['登入鎖定至', formatDateTime(account.lockedUntil)]] as const) : []),
                  [
                    '綁定',
                    [
                      account.bindings.mobile && '手機號碼',
                      account.bindings.citizenCert && '自然人憑證',
                      account.bindings.otp && 'OTP',
                    ]
                      .filter(Boolean)
                      .join('、') || '無',
                  ],
                ]}
              />
            </Section>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Section title="帳號權限">
              <Stack spacing={1.5}>
                <Facts
                  rows={
                    account.roles.length === 0
                      ? [['目前權限', '一般使用者']]
                      : account.roles.map(
                          (r) =>
                            [r.label, `${formatDateTime(r.grantedAt)} 設定${r.grantedBy ? `（${r.grantedBy}）` : ''}`] as const,
                        )
                  }
                />
                <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                  {ROLE_ACTIONS.filter((r) => can(r.action)).map((r) => (
                    <Button
                      key={r.action}
                      size="small"
                      variant="outlined"
                      color={r.grant ? 'primary' : 'error'}
                      disabled={pending}
                      onClick={() => setOpen({ kind: 'role', role: r.role, grant: r.grant })}
                    >
                      {r.label}
                    </Button>
                  ))}
                </Stack>
              </Stack>
            </Section>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Section title="AD 同步">
              <Facts
                rows={[
                  ['同步狀態', AD_STATUS_LABELS[account.ad.status]],
                  ['最後同步', formatDateTime(account.ad.syncedAt) || '—'],
                  ...(account.ad.lastError ? ([['最近錯誤', account.ad.lastError]] as const) : []),
                ]}
              />
            </Section>
          </Grid>
        </Grid>
        <Section title="申請與作業紀錄">
          {account.requests.length === 0 ? (
            <Typography variant="body2">尚無紀錄</Typography>
          ) : (
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label="申請與作業紀錄" sx={{ minWidth: 640 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>時間</TableCell>
                    <TableCell>類型</TableCell>
                    <TableCell>狀態</TableCell>
                    <TableCell align="right">流程</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {account.requests.map((r) => (
                    <TableRow key={r.id}>
                      <TableCell>{formatDateTime(r.createdAt)}</TableCell>
                      <TableCell>{REQUEST_TYPE_LABELS[r.type] ?? r.type}</TableCell>
                      <TableCell>{r.statusLabel}</TableCell>
                      <TableCell align="right">
                        <MuiLink href={r.temporalUrl} target="_blank" rel="noreferrer">
                          Temporal UI
                        </MuiLink>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
        </Section>
      </Stack>

      {open?.kind === 'edit' && (
        <EditAccountDialog
          account={account}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            setNotice({ severity: 'success', text: '帳號資料已儲存，AD 同步中' });
            reload();
          }}
        />
      )}
      {open?.kind === 'disable' && <DisableDialog target={account} onClose={() => setOpen(null)} onStarted={started} />}
      {open?.kind === 'enable' && (
        <ReasonDialog
          title="啟用帳號"
          description={`確定要啟用 ${account.name}（${account.account}）？啟用後可使用原密碼登入，AD 帳號同步啟用，並以電子郵件通知使用者。`}
          confirmLabel="確定啟用"
          submit={(reason) => accountDetailApi.enable(account.id, reason)}
          onStarted={started}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'reset' && (
        <ReasonDialog
          title="重設為待開通"
          description={`確定要將 ${account.name}（${account.account}）重設為待開通？原密碼立即失效並登出所有裝置，使用者須以「開通帳號」重新設定密碼後才能登入。`}
          confirmLabel="確定重設"
          submit={(reason) => accountDetailApi.resetActivation(account.id, reason)}
          onStarted={started}
          onClose={() => setOpen(null)}
        />
      )}
      {roleAction && (
        <Dialog open onClose={() => setOpen(null)} aria-labelledby="role-change-title">
          <DialogTitle id="role-change-title">{roleAction.label}</DialogTitle>
          <DialogContent>
            <DialogContentText>
              確定要{roleAction.grant ? '將' : '移除'} {account.name}（{account.account}）
              {roleAction.grant ? roleAction.label : `的${roleAction.label.slice(2)}權限`}？
              {roleAction.grant ? '設定於使用者下次登入時生效。' : '移除立即生效。'}此異動將記錄於日誌。
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(null)}>取消</Button>
            <Button
              variant="contained"
              color={roleAction.grant ? 'primary' : 'error'}
              onClick={() => void changeRole(roleAction.role, roleAction.grant, roleAction.label)}
            >
              確定
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {open?.kind === 'request' && (
        <DisableRequestDialog workflowId={open.workflowId} onSettled={reload} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
