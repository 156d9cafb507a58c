import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { LoadingScreen } from '../../common/LoadingScreen';
import { RouterLink } from '../../common/RouterLink';
import { errorMessage } from '../../lib/api';
import { useResource } from '../../lib/data';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { IdentityVerification } from '../../verification/IdentityVerification';
import { emailMethod, mobileIdMethod } from '../../verification/methodList';
import type { VerificationMethod, VerifiedIdentity } from '../../verification/methods';
import { isVerificationExpired } from '../form/validation';
import { PublicPanel } from '../PublicPanel';
import { StatusTimeline } from '../status/StatusTimeline';
import { reactivationApi, type ReactivationRequest } from './api';
import { ReactivationForm } from './ReactivationForm';

/** The manual's two ways in (§3.2.5, 圖 25). */
const METHODS: readonly VerificationMethod[] = [
  mobileIdMethod(
    '使用行動自然人憑證驗證',
    '輸入公務帳號註冊時填寫的身分證字號，點擊「繼續」後，於行動自然人憑證 APP 接收推播或掃描 QRCode 完成身分驗證。',
  ),
  emailMethod('請先確認該備用信箱已綁定您的臺南市政府公務帳號。輸入備用信箱及圖形驗證碼，點擊確定後輸入寄至信箱的驗證碼。'),
];

const AFTER_APPROVAL = '待機關管理者審核通過後，需使用「開通帳號」功能設定新密碼進行開通，開通後方可使用公務入口網。';

/**
 * 個人帳號復用 (manual 第二章第二節 伍, 圖 25; not logged in): a disabled account's owner verifies
 * (行動自然人憑證 or its bound 備用信箱), edits 單位 / 職稱 in 帳號復用申請表單 and submits for the
 * agency admin's review; afterwards 開通帳號. An open request is shown instead of a second form.
 */
export default function AccountReactivationPage() {
  const [identity, setIdentity] = useState<VerifiedIdentity | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);

  const restart = useCallback((message: string | null) => {
    setIdentity(null);
    setSubmitted(false);
    setNotice(message);
  }, []);

  // Another verification is another person's account: nothing of the previous one stays on screen.
  const loaded = useResource(identity && ((signal) => reactivationApi.view(identity, signal)), [identity], {
    keepPrevious: false,
    onError: (cause) => {
      if (isVerificationExpired(cause)) restart(errorMessage(cause));
    },
  });
  const view = loaded.data;
  const error = loaded.cause !== undefined && !isVerificationExpired(loaded.cause) ? loaded.error : null;

  return (
    <PublicPanel
      title={ROUTES.accountReactivation.title}
      footer={
        <>
          <RouterLink to={ROUTES.activateAccount.path}>{ROUTES.activateAccount.title}</RouterLink>
          <RouterLink to={ROUTES.agencyAdminLookup.path}>{ROUTES.agencyAdminLookup.title}</RouterLink>
          <RouterLink to={ROUTES.landing.path}>回公務入口網首頁</RouterLink>
        </>
      }
    >
      {!identity ? (
        <Box sx={{ maxWidth: 620, mx: 'auto' }}>
          <Typography sx={{ mb: 2 }}>
            此功能提供帳號已停用之使用者申請復用個人公務帳號，須完成身分驗證後方可使用，請選擇身分驗證方式。
          </Typography>
          {notice && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {notice}
            </Alert>
          )}
          <IdentityVerification methods={METHODS} purpose="REACTIVATE" submitLabel="確定" onVerified={setIdentity} />
        </Box>
      ) : error ? (
        <Alert
          severity="error"
          role="alert"
          action={
            <Button color="inherit" size="small" onClick={() => restart(null)}>
              重新驗證
            </Button>
          }
        >
          {error}
        </Alert>
      ) : !view ? (
        <LoadingScreen label="載入帳號資料中…" />
      ) : submitted && view.request ? (
        <Submitted request={view.request} />
      ) : view.request?.open ? (
        <OpenRequest request={view.request} />
      ) : (
        <>
          {view.request && (
            <Alert severity="info" sx={{ mb: 3 }}>
              您上次的復用申請（{formatDateTime(view.request.submittedAt)}）狀態為「{view.request.statusLabel}」，可重新提出申請。
            </Alert>
          )}
          <ReactivationForm
            view={view}
            onSubmit={async (body) => {
              await reactivationApi.submit(identity, body);
              setSubmitted(true);
              await loaded.reload();
            }}
            onCancel={() => restart(null)}
            onVerificationExpired={() => restart('身分驗證已逾時，請重新驗證。')}
          />
        </>
      )}
    </PublicPanel>
  );
}

function Submitted({ request }: { request: ReactivationRequest }) {
  return (
    <Stack spacing={3}>
      <Alert severity="success" role="status">
        <AlertTitle>已送出，待機關管理者審核</AlertTitle>
        {AFTER_APPROVAL}審核結果將寄至您的備用信箱。
      </Alert>
      <RequestStatus request={request} />
    </Stack>
  );
}

function OpenRequest({ request }: { request: ReactivationRequest }) {
  const awaitingActivation = request.status === 'MOVING_AD' || request.status === 'AWAITING_ACTIVATION';
  return (
    <Stack spacing={3}>
      <Alert severity={awaitingActivation ? 'success' : 'info'} role="status">
        <AlertTitle>{awaitingActivation ? '復用申請已核准，請開通帳號' : '您已有審核中的復用申請'}</AlertTitle>
        {awaitingActivation ? (
          <>
            請使用「<RouterLink to={ROUTES.activateAccount.path}>開通帳號</RouterLink>」功能設定新密碼，開通後方可使用公務入口網。
          </>
        ) : (
          `請待審核完成後再提出新的申請。${AFTER_APPROVAL}`
        )}
      </Alert>
      <RequestStatus request={request} />
    </Stack>
  );
}

function RequestStatus({ request }: { request: ReactivationRequest }) {
  return (
    <section aria-label="復用申請進度">
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        申請進度：{request.statusLabel}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        送出時間：{formatDateTime(request.submittedAt)}
      </Typography>
      <StatusTimeline events={request.events} label="申請歷程" />
    </section>
  );
}
