import Alert from '@mui/material/Alert';
import { describeStatus } from '../../apply/status/statusText';
import type { ReviewDetail } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { RequestDetailPage, type RequestDetailConfig } from '../request-inbox/RequestDetailPage';
import { DECISION_LABELS } from './reviewQuery';
import { ESCALATED_HINT, ReviewStatusChip } from './ReviewStatusChip';
import { APPLICATIONS_API, reviewInTransition } from './useReviewApplications';

const config: RequestDetailConfig<ReviewDetail> = {
  title: ROUTES.consoleAccountApplication.title,
  list: { path: ROUTES.consoleAccountApplications.path, title: ROUTES.consoleAccountApplications.title },
  api: APPLICATIONS_API,
  inTransition: reviewInTransition,
  status: (detail) => <ReviewStatusChip status={detail.status} statusLabel={detail.statusLabel} escalated={detail.escalated} />,
  warning: (detail) =>
    detail.escalated && (
      <Alert severity="warning" sx={{ mb: 2 }}>
        {ESCALATED_HINT}
      </Alert>
    ),
  fields: (detail) => {
    const phone = detail.officeExt ? `${detail.officePhone} 分機 ${detail.officeExt}` : detail.officePhone;
    const mail =
      detail.officialMailGranted === true
        ? '需要公務郵件（已核發）'
        : detail.officialMailGranted === false && detail.needOfficialMail
          ? '需要公務郵件（未核發）'
          : detail.needOfficialMail
            ? '需要公務郵件'
            : '不需要公務郵件';
    const rows: [string, string][] = [
      ['身分證號', detail.nationalId],
      ['登入帳號', detail.account],
      ['是否需要公務郵件', mail],
      ['備用信箱', detail.backupEmail ?? ''],
      ['姓名', detail.name],
      ['機關', detail.agency?.name ?? ''],
      ['機關單位', detail.organization.pathLabel],
      ['職稱', detail.title],
      ['公務電話', phone],
      ['備註', detail.remark ?? ''],
      ['申請時間', formatDateTime(detail.submittedAt)],
    ];
    // What the applicant left empty is left out; 備註 shows 「—」.
    return rows.filter(([label, value]) => value !== '' || label === '備註');
  },
  timeline: { current: describeStatus },
  decision: {
    noun: '帳號申請',
    description: (decision, detail) =>
      decision === 'APPROVE' ? (
        <>
          核准後系統將建立帳號「<strong>{detail.account}</strong>」，並通知申請人使用「開通帳號」設定密碼。
        </>
      ) : (
        <>駁回後將以備用信箱通知申請人駁回原因，申請人須重新提出申請。</>
      ),
    // 核准 of one application decides 是否核發公務郵件; it starts at what the applicant asked for.
    choice: (decision, detail) =>
      decision === 'APPROVE'
        ? {
            field: 'grantOfficialMail',
            label: `是否核發公務郵件（申請人${detail.needOfficialMail ? '需要' : '不需要'}公務郵件）`,
            initial: detail.needOfficialMail,
          }
        : undefined,
    done: (decision) => `已${DECISION_LABELS[decision]}此申請。`,
  },
};

/** 帳號申請明細: every field, the timeline, the Temporal workflow, and 核准 / 駁回 (with 是否核發公務郵件). */
export default function ReviewDetailPage() {
  return <RequestDetailPage config={config} />;
}
