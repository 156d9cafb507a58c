// 帳號申請審核's API (api/routes/console/account-applications): a request inbox, addressed by application id.
export const APPLICATIONS_API = '/api/console/account-applications';

/**
 * Whether the page must keep reading: 帳號建立中 moves on by itself (AD may even be down a while), and
 * right after a decision the read model (written by the workflow a moment after it answers) may still
 * say 待審核.
 */
export function reviewInTransition(detail: { status: string }, decided: boolean): boolean {
  return detail.status === 'PROVISIONING' || (decided && detail.status === 'PENDING');
}
