import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { SERVICE_DESCRIPTIONS, SERVICE_LABELS } from '../../../../domain/integrations/services';
import { FieldList } from '../../common/FieldList';
import { LoadingScreen } from '../../common/LoadingScreen';
import { PORTAL_HOME } from '../../common/homeLink';
import { NotFoundPage } from '../../common/NotFoundPage';
import { PageHeading } from '../../common/PageHeading';
import { useResource } from '../../lib/data';
import { integrationRecordPath, integrationsApi, integrationSystemPath, kindOfSegment, type CredentialChange } from './api';
import { ServiceForm } from './ServiceForm';

const CHANGE_WORDS: Record<CredentialChange, string> = { ROTATE: '更換金鑰', REVOKE: '停用' };
const CHANGE_NOTES: Record<CredentialChange, string> = {
  ROTATE: '核准後將核發新的金鑰（client_secret），舊金鑰於寬限期內仍可使用；新金鑰僅顯示一次。',
  REVOKE: '核准後此服務立即停用，已核發的金鑰及存取權杖全部失效。',
};

/** 服務申請: 我要申請's form of one service, or (?action=ROTATE|REVOKE) 更換金鑰 / 停用 with 申請原因. */
export default function ServiceApplyPage() {
  const { id = '', kind: segment = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const kind = kindOfSegment(segment);
  const action = params.get('action');
  const change: CredentialChange | null = action === 'ROTATE' || action === 'REVOKE' ? action : null;
  const detail = useResource((signal: AbortSignal) => integrationsApi.system(id, signal), [id]);
  if (!kind) return <NotFoundPage home={PORTAL_HOME} />;
  const label = SERVICE_LABELS[kind];
  const title = change ? `${label}${CHANGE_WORDS[change]}申請` : `${label}服務申請`;
  const d = detail.data;
  const back = () => void navigate(integrationSystemPath(id));
  return (
    <>
      <PageHeading title={title} />
      {detail.error && <Alert severity="error">{detail.error}</Alert>}
      {!d && !detail.error && <LoadingScreen label="讀取應用系統中…" />}
      {d && (
        <Paper sx={{ p: { xs: 2, sm: 3 }, maxWidth: 820 }}>
          <FieldList
            compact
            rows={[
              ['應用系統', d.system.name],
              ['應用系統網址', d.system.url],
              ['服務', label],
              ['申請類別', change ? CHANGE_WORDS[change] : '申請'],
            ]}
          />
          <Typography variant="body2" sx={{ color: 'text.secondary', my: 2 }}>
            {change ? CHANGE_NOTES[change] : SERVICE_DESCRIPTIONS[kind]}
          </Typography>
          <ServiceForm
            kind={kind}
            change={change}
            systemUrl={d.system.url}
            label={title}
            onBack={back}
            onSubmit={async (body) => {
              const created = change
                ? await integrationsApi.change(id, kind, change, (body as { reason: string }).reason)
                : await integrationsApi.apply(id, kind, body);
              void navigate(integrationRecordPath(created.key), {
                state: { notice: '申請單已送出，將交由系統管理者進行審核。' },
              });
            }}
          />
        </Paper>
      )}
    </>
  );
}
