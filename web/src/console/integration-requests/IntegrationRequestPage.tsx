import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { applicationFormRows } from '../../applications/integrations/applicationForm';
import { integrationsApi } from '../../applications/integrations/api';
import { systemRows } from '../../applications/integrations/systemRows';
import { FieldList } from '../../common/FieldList';
import { useResource } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { RequestDetailPage, type RequestDetailConfig } from '../request-inbox/RequestDetailPage';
import { INTEGRATION_REQUESTS_API, type IntegrationRequestDetail } from './api';

/** The form as last sent, in the manual's words (所需拋回的資料, 驗證處理常式, 顯示此轉登入口的機關 …). */
function FormSection({ detail }: { detail: IntegrationRequestDetail }) {
  // 顯示此轉登入口的機關 names agencies by id: their names come from the registry's list.
  const agencies = useResource((signal: AbortSignal) => integrationsApi.agencies(signal), []);
  const rows = applicationFormRows(detail.kind, detail.action, detail.form, agencies.data?.items ?? []);
  return (
    <Paper component="section" aria-labelledby="integration-form" sx={{ p: { xs: 2, sm: 3 }, mb: 3 }}>
      <Typography id="integration-form" variant="h2" sx={{ mb: 2 }}>
        申請內容{detail.revision > 1 ? `（第 ${detail.revision} 版）` : ''}
      </Typography>
      <FieldList rows={rows} />
    </Paper>
  );
}

function SystemSection({ detail }: { detail: IntegrationRequestDetail }) {
  return (
    <Paper component="section" aria-labelledby="integration-system" sx={{ p: { xs: 2, sm: 3 }, mb: 3 }}>
      <Typography id="integration-system" variant="h2" sx={{ mb: 2 }}>
        應用系統資料
      </Typography>
      <FieldList rows={systemRows(detail.system)} />
    </Paper>
  );
}

const config: RequestDetailConfig<IntegrationRequestDetail> = {
  title: ROUTES.consoleIntegration.title,
  list: { path: ROUTES.consoleIntegrations.path, title: ROUTES.consoleIntegrations.title },
  api: INTEGRATION_REQUESTS_API,
  param: 'key',
  heading: (d) => `${d.system.name}：${d.kindLabel}${d.actionLabel}（${d.key}）`,
  // Right after a decision the page follows the request until the workflow has recorded it.
  inTransition: (d, decided) => decided && d.status === 'PENDING',
  fields: (d) => [
    ['申請單號', d.key],
    ['應用系統名稱', d.system.name],
    ['服務', d.kindLabel],
    ['申請類別', d.actionLabel],
    ['申請人', `${d.applicant.name}（${d.applicant.account}）${d.applicant.unitName}`],
    ['申請時間', formatDateTime(d.submittedAt)],
    ['審核時間', d.decidedAt ? formatDateTime(d.decidedAt) : ''],
    ['審核意見', d.reviewComment ?? ''],
  ],
  sections: (d) => (
    <>
      <FormSection detail={d} />
      <SystemSection detail={d} />
    </>
  ),
  timeline: { title: '審核歷程' },
  decision: {
    noun: '服務介接申請',
    decisions: ['APPROVE', 'RETURN', 'REJECT'],
    description: (decision, d) => {
      const what = `「${d.system.name}」的${d.kindLabel}${d.action === 'APPLY' ? '' : d.actionLabel}申請（${d.key}）`;
      if (decision === 'RETURN') return `將${what}退回申請人補正，請說明需補正的內容。`;
      if (decision === 'REJECT') return `將駁回${what}。`;
      return d.action === 'APPLY'
        ? `將核准${what}，並核發 client_id 與金鑰（金鑰僅由申請人於審核紀錄顯示一次）。`
        : d.action === 'ROTATE'
          ? `將核准${what}，核發新金鑰；舊金鑰於寬限期內仍可使用。`
          : `將核准${what}，服務隨即停用，已核發的權杖一併失效。`;
    },
    done: (decision, d) =>
      decision === 'RETURN'
        ? `已將申請 ${d.key} 退回補正，已通知申請人。`
        : `已${decision === 'APPROVE' ? '核准' : '駁回'}申請 ${d.key}。`,
  },
};

/** 服務介接申請審核: the application, the form as sent, the system, 審核意見, the timeline and the Temporal link; 核准 / 退回補正 / 駁回. */
export default function IntegrationRequestPage() {
  return <RequestDetailPage config={config} />;
}
