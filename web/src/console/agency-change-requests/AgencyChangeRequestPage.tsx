import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { RequestDetailPage, type RequestDetailConfig } from '../request-inbox/RequestDetailPage';
import { AGENCY_CHANGE_API, type AgencyChangeDetail } from './api';

const config: RequestDetailConfig<AgencyChangeDetail> = {
  title: ROUTES.consoleAgencyChangeRequest.title,
  list: { path: ROUTES.consoleAgencyChangeRequests.path, title: ROUTES.consoleAgencyChangeRequests.title },
  api: AGENCY_CHANGE_API,
  // The workflow moves on by itself (AD 移轉中 …), and right after a decision the read model may still say 待審核.
  inTransition: (d, decided) => ['CHECKING', 'MOVING', 'RESTORING'].includes(d.status) || (decided && d.status === 'PENDING'),
  fields: (d) => [
    ['申請人', `${d.name}（${d.account}）`],
    ['申請時間', formatDateTime(d.submittedAt)],
    ['原機關/單位', d.fromOrganizationPath],
    ['調入機關/單位', d.toOrganizationPath],
    ['說明', d.reason],
  ],
  timeline: { title: '處理歷程' },
  decision: {
    noun: '機關(單位)異動申請',
    description: (decision, d) =>
      decision === 'APPROVE'
        ? `核准後，${d.name}（${d.account}）將異動至「${d.toOrganizationPath}」並恢復啟用。`
        : `駁回後，${d.name}（${d.account}）維持原單位「${d.fromOrganizationPath}」並恢復啟用。`,
  },
};

/** 機關異動審核 › 明細: 原單位 → 調入單位, the timeline, the Temporal UI link, and 核准 / 駁回. */
export default function AgencyChangeRequestPage() {
  return <RequestDetailPage config={config} />;
}
