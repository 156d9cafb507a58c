import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { ApplicationStatus } from '../../../../domain/integrations/services';
import { StatusTimeline } from '../../apply/status/StatusTimeline';
import { FieldList } from '../../common/FieldList';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PageHeading } from '../../common/PageHeading';
import { TemporalLink } from '../../console/ad-sync/TemporalLink';
import { useMutation, useResource } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { integrationsApi, integrationSystemPath, type ApplicationView } from './api';
import { applicationFormRows } from './applicationForm';
import { PrintSheet } from './PrintSheet';
import { ServiceForm, valuesFromSent } from './ServiceForm';
import { useIsSystemAdmin } from './useAgencyChoices';

const STATUS_COLORS: Record<ApplicationStatus, 'warning' | 'info' | 'success' | 'error' | 'default'> = {
  PENDING: 'warning',
  RETURNED: 'info',
  APPROVED: 'success',
  REJECTED: 'error',
  EXPIRED: 'default',
};

/**
 * 審核紀錄: the application (申請單號, 應用系統, 服務, 申請類別, 狀態), the form as sent, 審核意見 and the
 * timeline; 列印 (the signable 申請單), 返回 (應用系統詳細頁), 補正 when returned to its applicant, and
 * 顯示金鑰 once when a new secret waits.
 */
export default function RecordPage() {
  const { key = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [amending, setAmending] = useState(false);
  const view = useResource((signal: AbortSignal) => integrationsApi.application(key, signal), [key], { keepPrevious: false });
  const agencies = useResource((signal: AbortSignal) => integrationsApi.agencies(signal), []);
  const operator = useIsSystemAdmin();
  const v = view.data;
  const agencyList = agencies.data?.items ?? [];
  const formRows = v ? applicationFormRows(v.kind, v.action, v.form, agencyList) : [];

  return (
    <>
      <PageHeading
        title={ROUTES.integrationRecord.title}
        actions={
          <Stack direction="row" spacing={1.5}>
            <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()} disabled={!v}>
              列印
            </Button>
            <Button
              variant="outlined"
              onClick={() => void navigate(v ? integrationSystemPath(v.system.id) : ROUTES.integrationApplication.path)}
            >
              返回
            </Button>
          </Stack>
        }
      />
      {view.error && <Alert severity="error">{view.error}</Alert>}
      {!v && !view.error && <LoadingScreen label="讀取審核紀錄中…" />}
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {v && (
        <Stack spacing={3}>
          <Paper component="section" aria-labelledby="application-data" sx={{ p: { xs: 2, sm: 3 } }}>
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
              <Typography id="application-data" variant="h2">
                申請資料
              </Typography>
              <Chip color={STATUS_COLORS[v.status]} label={`狀態：${v.statusLabel}`} />
            </Stack>
            <FieldList
              rows={[
                ['申請單號', v.key],
                ['應用系統', v.system.name],
                ['服務', v.kindLabel],
                ['申請類別', v.actionLabel],
                ['狀態', v.statusLabel],
                ['申請人', `${v.applicant.name}（${v.applicant.account}）${v.applicant.unitName}`],
                ['申請時間', formatDateTime(v.createdAt)],
                ['審核時間', v.decidedAt ? formatDateTime(v.decidedAt) : ''],
                ['審核意見', v.reviewComment ?? ''],
              ]}
            />
          </Paper>
          <Paper component="section" aria-labelledby="application-form" sx={{ p: { xs: 2, sm: 3 } }}>
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
              <Typography id="application-form" variant="h2">
                申請內容{v.revision > 1 ? `（第 ${v.revision} 版）` : ''}
              </Typography>
              {v.status === 'RETURNED' && v.canResubmit && !amending && (
                <Button variant="contained" onClick={() => (setAmending(true), setNotice(null))}>
                  補正
                </Button>
              )}
            </Stack>
            {amending && agencies.data ? (
              <ServiceForm
                kind={v.kind}
                change={v.action === 'APPLY' ? null : v.action}
                systemUrl={v.system.url}
                initial={valuesFromSent(v.form, agencyList)}
                label="補正"
                onBack={() => setAmending(false)}
                onSubmit={async (body) => {
                  const next = await integrationsApi.resubmit(v.key, body);
                  view.set(next);
                  setAmending(false);
                  setNotice('已送出補正，將交由系統管理者重新審核。');
                }}
              />
            ) : (
              <FieldList rows={formRows} />
            )}
          </Paper>
          {v.credential && <CredentialSection view={v} onRevealed={() => void view.reload()} />}
          <Paper component="section" aria-labelledby="application-timeline" sx={{ p: { xs: 2, sm: 3 } }}>
            <Stack
              direction="row"
              sx={{ justifyContent: 'space-between', alignItems: 'baseline', mb: 2, flexWrap: 'wrap', gap: 1 }}
            >
              <Typography id="application-timeline" variant="h2">
                審核歷程
              </Typography>
              {operator && v.temporalUrl && <TemporalLink href={v.temporalUrl} />}
            </Stack>
            <StatusTimeline events={v.events} label="審核歷程" />
          </Paper>
          <PrintSheet view={v} formRows={formRows} />
        </Stack>
      )}
    </>
  );
}

/** 金鑰: the issued client_id, and 顯示金鑰 once while the new secret waits (then never again). */
function CredentialSection({ view, onRevealed }: { view: ApplicationView; onRevealed: () => void }) {
  const credential = view.credential!;
  const [secret, setSecret] = useState<{ clientId: string; clientSecret: string } | null>(null);
  const reveal = useMutation(() => integrationsApi.revealSecret(view.key), {
    onSuccess: (answer) => setSecret(answer),
  });
  return (
    <Paper component="section" aria-labelledby="application-credential" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="application-credential" variant="h2" sx={{ mb: 2 }}>
        金鑰
      </Typography>
      {secret ? (
        <Stack spacing={2}>
          <Alert severity="warning">金鑰僅顯示一次，請妥善保存</Alert>
          <FieldList
            rows={[
              ['client_id', <code key="id">{secret.clientId}</code>],
              ['client_secret', <code key="secret">{secret.clientSecret}</code>],
            ]}
          />
        </Stack>
      ) : (
        <Stack spacing={2}>
          <FieldList
            rows={[
              ['client_id', <code key="id">{credential.clientId}</code>],
              ['金鑰顯示時間', credential.revealedAt ? formatDateTime(credential.revealedAt) : ''],
            ]}
          />
          {reveal.error && <Alert severity="error">{reveal.error}</Alert>}
          {credential.secretRevealable && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button
                variant="contained"
                onClick={() => void reveal.run().then((a) => a ?? onRevealed())}
                loading={reveal.pending}
              >
                顯示金鑰
              </Button>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                金鑰僅顯示一次，請妥善保存
              </Typography>
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
