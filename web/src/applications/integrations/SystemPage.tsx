import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { SERVICE_DESCRIPTIONS, type ServiceStatus } from '../../../../domain/integrations/services';
import { FieldList } from '../../common/FieldList';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { RouterLink as TextLink } from '../../common/RouterLink';
import { useResource } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import {
  integrationApplyPath,
  integrationRecordPath,
  integrationsApi,
  type ServiceState,
  type SystemDetail,
  type SystemFields,
} from './api';
import { SmsUsageCard } from './SmsUsageCard';
import { SystemForm } from './SystemForm';
import { systemRows } from './systemRows';
import { useAgencyChoices } from './useAgencyChoices';

const STATUS_COLORS: Record<ServiceStatus | 'NONE', 'default' | 'warning' | 'info' | 'success' | 'error'> = {
  NONE: 'default',
  PENDING: 'warning',
  RETURNED: 'info',
  ACTIVE: 'success',
  REJECTED: 'error',
  REVOKED: 'default',
};

/** 詳細: 應用系統資料 (編輯) and 介接服務狀態 (我要申請, 審核紀錄, 更換金鑰, 停用), then the system's 審核紀錄. */
export default function SystemPage() {
  const { id = '' } = useParams();
  const detail = useResource((signal: AbortSignal) => integrationsApi.system(id, signal), [id], { keepPrevious: false });
  const d = detail.data;
  return (
    <>
      <PageHeading
        title={ROUTES.integrationSystem.title}
        actions={
          <Button variant="outlined" component={RouterLink} to={ROUTES.integrationApplication.path}>
            返回
          </Button>
        }
      />
      {detail.error && <Alert severity="error">{detail.error}</Alert>}
      {!d && !detail.error && <LoadingScreen label="讀取應用系統中…" />}
      {d && (
        <Stack spacing={3}>
          <SystemSection detail={d} onSaved={(next) => detail.set(next)} />
          <ServicesSection systemId={d.system.id} services={d.services} />
          {d.services.some((s) => s.kind === 'SMS' && s.status === 'ACTIVE') && <SmsUsageCard systemId={d.system.id} />}
          <ApplicationsSection detail={d} />
        </Stack>
      )}
    </>
  );
}

function SystemSection({ detail, onSaved }: { detail: SystemDetail; onSaved: (d: SystemDetail) => void }) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const s = detail.system;
  const agencies = useAgencyChoices(s.agency);
  return (
    <Paper component="section" aria-labelledby="system-data" sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
        <Typography id="system-data" variant="h2">
          應用系統資料
        </Typography>
        {detail.canEdit && !editing && (
          <Button variant="outlined" onClick={() => (setEditing(true), setNotice(null))}>
            編輯
          </Button>
        )}
      </Stack>
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {editing && agencies ? (
        <SystemForm
          label="編輯應用系統"
          agencies={agencies}
          initial={formValues(s)}
          onSubmit={async (input) => {
            const next = await integrationsApi.update(s.id, input);
            onSaved(next);
            setEditing(false);
            setNotice('已儲存應用系統資料。');
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <FieldList rows={systemRows({ ...s, agencyName: s.agency.name })} />
      )}
    </Paper>
  );
}

const formValues = (s: SystemFields) => ({
  name: s.name,
  shortName: s.shortName ?? '',
  agencyId: s.agency.id,
  contactName: s.contactName,
  contactPhone: s.contactPhone,
  contactEmail: s.contactEmail,
  vendorName: s.vendorName,
  description: s.description,
  url: s.url,
  productionIps: s.productionIps.length ? s.productionIps : [''],
});

/** 介接服務狀態's actions of one service: 我要申請, 審核紀錄 (while one is open), 更換金鑰, 停用. */
function ServiceAction({ systemId, service }: { systemId: string; service: ServiceState }) {
  const actions: { word: string; to: string; variant: 'contained' | 'outlined' | 'text'; color?: 'error' }[] = [
    ...(service.canApply
      ? [{ word: '我要申請', to: integrationApplyPath(systemId, service.kind), variant: 'contained' as const }]
      : []),
    ...(service.openApplicationKey
      ? [{ word: '審核紀錄', to: integrationRecordPath(service.openApplicationKey), variant: 'text' as const }]
      : []),
    ...(service.canRotate
      ? [{ word: '更換金鑰', to: integrationApplyPath(systemId, service.kind, 'ROTATE'), variant: 'outlined' as const }]
      : []),
    ...(service.canRevoke
      ? [
          {
            word: '停用',
            to: integrationApplyPath(systemId, service.kind, 'REVOKE'),
            variant: 'outlined' as const,
            color: 'error' as const,
          },
        ]
      : []),
  ];
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
      {actions.map((a) => (
        <Button
          key={a.word}
          size="small"
          variant={a.variant}
          color={a.color}
          component={RouterLink}
          to={a.to}
          aria-label={`${a.word}：${service.label}`}
        >
          {a.word}
        </Button>
      ))}
    </Stack>
  );
}

/** 說明 is left out on phones, where the four rows would otherwise be a column of single characters. */
const WIDE_ONLY = { display: { xs: 'none', sm: 'table-cell' } } as const;

function ServicesSection({ systemId, services }: { systemId: string; services: ServiceState[] }) {
  return (
    <Paper component="section" aria-labelledby="service-status" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="service-status" variant="h2" sx={{ mb: 2 }}>
        介接服務狀態
      </Typography>
      <TableContainer>
        <Table aria-labelledby="service-status">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: { sm: 110 } }}>服務</TableCell>
              <TableCell sx={WIDE_ONLY}>說明</TableCell>
              <TableCell sx={{ width: { sm: 120 } }}>狀態</TableCell>
              <TableCell sx={{ width: { sm: 220 } }}>操作</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {services.map((s) => (
              <TableRow key={s.kind}>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                  {s.label}
                </TableCell>
                <TableCell sx={{ ...WIDE_ONLY, color: 'text.secondary' }}>
                  {SERVICE_DESCRIPTIONS[s.kind]}
                  {s.clientId && (
                    <Typography variant="body2" sx={{ mt: 0.5, color: 'text.primary' }}>
                      用戶端識別碼（client_id）：<code>{s.clientId}</code>
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <Chip size="small" color={STATUS_COLORS[s.status]} label={s.statusLabel} />
                </TableCell>
                <TableCell>
                  <ServiceAction systemId={systemId} service={s} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}

function ApplicationsSection({ detail }: { detail: SystemDetail }) {
  return (
    <Paper component="section" aria-labelledby="system-applications" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="system-applications" variant="h2" sx={{ mb: 2 }}>
        申請紀錄
      </Typography>
      {detail.applications.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>尚無申請紀錄</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-labelledby="system-applications">
            <TableHead>
              <TableRow>
                <TableCell>申請單號</TableCell>
                <TableCell>服務</TableCell>
                <TableCell>申請類別</TableCell>
                <TableCell>狀態</TableCell>
                <TableCell>申請時間</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {detail.applications.map((a) => (
                <TableRow key={a.key}>
                  <TableCell>
                    <TextLink to={integrationRecordPath(a.key)}>{a.key}</TextLink>
                  </TableCell>
                  <TableCell>{a.kindLabel}</TableCell>
                  <TableCell>{a.actionLabel}</TableCell>
                  <TableCell>{a.statusLabel}</TableCell>
                  <TableCell>{formatDateTime(a.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Paper>
  );
}
