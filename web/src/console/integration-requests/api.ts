// 應用系統服務介接管理 (the console's inbox): api/routes/console/integration-requests.
import type { ApplicationView } from '../../applications/integrations/api';
import { ROUTES } from '../../routes/paths';
import { inboxApi } from '../request-inbox/api';
import type { RequestDetail } from '../request-inbox/RequestDetailView';

export const INTEGRATION_REQUESTS_API = '/api/console/integration-requests';

/** A row of the inbox: the request's applicant and 申請時間, and the application's own summary. */
export interface IntegrationRequestItem {
  /** The 申請單號 (the inbox addresses requests by it). */
  id: string;
  key: string;
  account: string;
  name: string;
  systemName: string;
  kind: string;
  kindLabel: string;
  action: string;
  actionLabel: string;
  submittedAt: string;
  status: string;
  statusLabel: string;
}

/** The detail: the inbox's common fields and the 審核紀錄 (the form as last sent, the system, the applicant). */
export type IntegrationRequestDetail = RequestDetail &
  Omit<ApplicationView, 'events' | 'status' | 'statusLabel' | 'temporalUrl'> & { submittedAt: string };

export const integrationInboxApi = inboxApi<IntegrationRequestItem>(INTEGRATION_REQUESTS_API);

export const integrationRequestPath = (key: string) => ROUTES.consoleIntegration.path.replace(':key', encodeURIComponent(key));
