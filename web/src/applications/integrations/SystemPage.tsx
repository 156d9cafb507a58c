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
import { useState, type ReactNode } from 'react';
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
import { SystemForm } from './SystemForm';
import { useAgencyChoices } from './useAgencyChoices';

const STATUS_COLORS: Record<ServiceStatus | 'NONE', 'default' | 'warning' | 'info' | 'success' | 'error'> = {
  NONE: 'default',
  PENDING: 'warning',
  RETURNED: 'info',
  ACTIVE: 'success',
  REJECTED: 'error',
  REVOKED: 'default',
};

/** 應用系統資料's rows, in 新增應用系統's order and words. */
export const systemRows = (s: {
  name: string;
  shortName: string | null;
  agencyName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  vendorName: string;
  description?: string;
  url: string;
  productionIps: string[];
}): [string, ReactNode][] => [
  ['應用系統名稱', s.name],
  ['簡稱', s.shortName],
  ['管理機關', s.agencyName],
  ['聯絡人', s.contactName],
  ['聯絡電話', s.contactPhone],
  ['聯絡人信箱', s.contactEmail],
  ['開發廠商名稱', s.vendorName],
  ['應用系統說明', s.description],
  ['應用系統網址', s.url],
  ['正式IP', s.productionIps.join('\n')],
];

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

function ServiceAction({ systemId, service }: { systemId: string; service: ServiceState }) {
  const named = (word: string) => `${word}：${service.label}`;
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
      {service.canApply && (
        <Button
          size="small"
          variant="contained"
          component={RouterLink}
          to={integrationApplyPath(systemId, service.kind)}
          aria-label={named('我要申請')}
        >
          我要申請
        </Button>
      )}
      {service.openApplicationKey && (
        <Button
          size="small"
          component={RouterLink}
          to={integrationRecordPath(service.openApplicationKey)}
          aria-label={named('審核紀錄')}
        >
          審核紀錄
        </Button>
      )}
      {service.canRotate && (
        <Button
          size="small"
          variant="outlined"
          component={RouterLink}
          to={integrationApplyPath(systemId, service.kind, 'ROTATE')}
          aria-label={named('更換金鑰')}
        >
          更換金鑰
        </Button>
      )}
      {service.canRevoke && (
        <Button
          size="small"
          variant="outlined"
          color="error"
          component={RouterLink}
          to={integrationApplyPath(systemId, service.kind, 'REVOKE')}
          aria-label={named('停用')}
        >
          停用
        </Button>
      )}
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
