import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { accountApi } from '../account/api';
import { Facts } from '../account/BlockCard';
import { selfServiceApi } from '../account/selfServiceApi';
import { useSession } from '../auth/session';
import { LoadingScreen } from '../common/LoadingScreen';
import { PageHeading } from '../common/PageHeading';
import { ApiError, errorMessage } from '../lib/api';
import { useResource } from '../lib/data';
import { formatDateTime } from '../lib/datetime';
import { useSingleFlight } from '../lib/useSingleFlight';
import { ROUTES } from '../routes/paths';

const NOT_FILLED = '（未填寫，可於個人帳號管理修改）';

/**
 * 線上申請作業 › 機關管理者申請 (manual 第二章 捌 六): the applicant's data pre-filled, 申請原因 required,
 * 確定 / 取消申請、返回首頁. The same request as 個人帳號管理 › 權限異動申請; only 一般使用者 may apply.
 */
export default function AgencyAdminApplicationPage() {
  const { state } = useSession();
  const navigate = useNavigate();
  const { data, error: loadError } = useResource(async (signal) => {
    const [account, requests] = await Promise.all([accountApi.get(signal), selfServiceApi.adminRoleRequests(signal)]);
    return { account, requests };
  });
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const { run, pending } = useSingleFlight();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (!reason.trim()) {
        setReasonError('請輸入申請原因');
        return;
      }
      try {
        await selfServiceApi.requestAdminRole(reason);
        setSubmitted(true);
      } catch (error) {
        if (error instanceof ApiError && error.fields.reason) setReasonError(error.fields.reason);
        else setSubmitError(errorMessage(error));
      }
    });
  };

  const heading = <PageHeading title={ROUTES.agencyAdminApplication.title} />;
  if (loadError)
    return (
      <>
        {heading}
        <Alert severity="error" role="alert">
          {loadError}
        </Alert>
      </>
    );
  if (!data) return <LoadingScreen />;
  const { account, requests } = data;
  const open = requests.items.find((r) => ['PENDING', 'GRANTING'].includes(r.status));
  const organization = state.user?.organization;

  return (
    <>
      {heading}
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 760 }}>
        {submitted ? (
          <Stack spacing={2}>
            <Alert severity="success" role="status">
              機關管理者申請已送出，待本機關的機關管理者審核，核准後於下次登入生效；審核結果將以電子郵件通知您。
            </Alert>
            <Button component={Link} to={ROUTES.account.path} variant="outlined" sx={{ alignSelf: 'flex-start' }}>
              至個人帳號管理查看申請進度
            </Button>
          </Stack>
        ) : requests.isAdmin ? (
          <Alert severity="info">您已是管理者，機關管理者申請僅供一般使用者使用。</Alert>
        ) : open ? (
          <Alert severity="info">
            您已有一件審核中的機關管理者申請（{formatDateTime(open.submittedAt)} 送出，{open.statusLabel}
            ），審核完成前無法再次申請。 可至<Link to={ROUTES.account.path}>個人帳號管理</Link>查看申請進度。
          </Alert>
        ) : (
          <Stack component="form" spacing={2.5} onSubmit={submit} noValidate>
            {submitError && (
              <Alert severity="error" role="alert">
                {submitError}
              </Alert>
            )}
            <Facts
              rows={[
                ['申請目的', '新增機關管理者'],
                ['機關', organization?.pathLabel || organization?.name || ''],
                ['姓名', account.profile.name],
                ['職稱', account.profile.title || NOT_FILLED],
                [
                  '公務電話',
                  [account.profile.officePhone, account.profile.officeExt && `分機 ${account.profile.officeExt}`]
                    .filter(Boolean)
                    .join(' ') || NOT_FILLED,
                ],
                ['信箱', account.backupEmail || NOT_FILLED],
              ]}
            />
            <TextField
              required
              fullWidth
              multiline
              minRows={3}
              name="reason"
              label="申請原因"
              placeholder="例：原機關管理者退休，茲本人申請成為機關管理者"
              value={reason}
              error={Boolean(reasonError)}
              helperText={reasonError}
              onChange={(event) => {
                setReason(event.target.value);
                setReasonError(null);
              }}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
            <Stack direction="row" spacing={1.5}>
              <Button type="submit" variant="contained" loading={pending}>
                確定
              </Button>
              <Button variant="outlined" onClick={() => void navigate(ROUTES.home.path)}>
                取消申請、返回首頁
              </Button>
            </Stack>
          </Stack>
        )}
      </Paper>
    </>
  );
}
