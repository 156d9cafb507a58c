import type { ApplicationEvent } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { RequestDetailPage, type RequestDetailConfig } from '../request-inbox/RequestDetailPage';
import { REACTIVATION_API, type ReactivationItem } from './api';

interface ReactivationDetail extends ReactivationItem {
  events: ApplicationEvent[];
  allowedActions: string[];
  temporalUrl: string;
}

const config: RequestDetailConfig<ReactivationDetail> = {
  title: ROUTES.consoleReactivationRequest.title,
  list: { path: ROUTES.consoleReactivationRequests.path, title: ROUTES.consoleReactivationRequests.title },
  api: REACTIVATION_API,
  // While AD is being changed (…中) the page follows the request; so it does right after a decision,
  // until the read model leaves 待審核.
  inTransition: (d, decided) => d.status === 'MOVING_AD' || d.status === 'ENABLING_AD' || (decided && d.status === 'PENDING'),
  fields: (d) => [
    ['申請時間', formatDateTime(d.submittedAt)],
    ['停用前單位', d.fromOrganizationPath],
    ['復用單位', d.organizationPath],
    ['職稱', d.title],
  ],
  timeline: { title: '處理歷程' },
  decision: {
    noun: '帳號復用申請',
    description: (_decision, d) => `${d.name}（${d.account}）申請復用帳號於「${d.organizationPath}」。`,
    doneNote: { APPROVE: '，申請人開通帳號後即可使用' },
  },
};

/** 復用申請明細: who, from which unit to which, the timeline, the Temporal UI link, 核准 / 駁回. */
export default function ReactivationRequestPage() {
  return <RequestDetailPage config={config} />;
}
