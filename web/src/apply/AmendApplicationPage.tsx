import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadingScreen } from '../common/LoadingScreen';
import { RouterLink } from '../common/RouterLink';
import { ApiError } from '../lib/api';
import type { AmendmentBody, ApplicationStatusView, MyApplication } from '../lib/api';
import { formatDateTime } from '../lib/datetime';
import { ROUTES } from '../routes/paths';
import { IdentityVerification } from '../verification/IdentityVerification';
import { emailMethod, MOBILE_ID_METHOD } from '../verification/methodList';
import type { VerificationMethod, VerifiedIdentity } from '../verification/methods';
import { amendApplication } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { ApplicationForm } from './form/ApplicationForm';
import { isVerificationExpired, valuesFromApplication } from './form/validation';
import { PublicPanel } from './PublicPanel';
import { describeStatus } from './status/statusText';
import { StatusSummary } from './status/StatusSummary';
import { useMyApplications } from './status/useApplicationStatus';
import { RetryAlert } from '../common/RetryAlert';

export const DECIDED_MESSAGE = '此申請已審核，無法修改';

/** The manual's two ways in: 使用行動自然人憑證驗證 (with the SSO, 即將開放) and 使用備用信箱. */
const METHODS: readonly VerificationMethod[] = [
  MOBILE_ID_METHOD,
  emailMethod('輸入申請時填寫的備用信箱（非 @mail.tainan.gov.tw 結尾之信箱）及圖形驗證碼，再輸入寄至信箱的驗證碼。'),
];

type Outcome = { kind: 'amended'; view: ApplicationStatusView } | { kind: 'decided'; message: string };

/** 修改個人帳號申請內容 (manual §3.2.4): 身分驗證, then 帳號申請表單修改 of an application not yet reviewed. */
export default function AmendApplicationPage() {
  const [identity, setIdentity] = useState<VerifiedIdentity | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const navigate = useNavigate();
  const { items, error, loading, retry } = useMyApplications(identity?.token ?? null);
  const expired = identity !== null && isVerificationExpired(error);

  const reverify = () => {
    setIdentity(null);
    setChosenId(null);
    setOutcome(null);
  };

  const amendable = items?.filter((item) => item.canAmend) ?? [];
  const chosen = amendable.find((item) => item.id === chosenId) ?? (amendable.length === 1 ? amendable[0] : undefined);

  const submit = async (application: MyApplication, body: AmendmentBody) => {
    if (!identity) return;
    try {
      const view = await amendApplication(application.id, identity.token, body);
      setOutcome({ kind: 'amended', view });
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'APPLICATION_DECIDED') {
        setOutcome({ kind: 'decided', message: cause.message || DECIDED_MESSAGE });
        return;
      }
      throw cause;
    }
    window.scrollTo({ top: 0 });
  };

  let content;
  if (!identity || expired) {
    content = (
      <Box sx={{ maxWidth: 640, mx: 'auto' }}>
        <Typography variant="h2" sx={{ mb: 1 }}>
          身分驗證
        </Typography>
        <Typography sx={{ color: 'text.secondary', mb: 2.5 }}>
          此功能提供已申請個人公務帳號、尚未審核通過之使用者修改申請資訊。請選擇驗證方式，完成身分驗證後方可修改申請資訊。
        </Typography>
        {expired && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            身分驗證已逾時，請重新驗證。
          </Alert>
        )}
        <IdentityVerification methods={METHODS} purpose="AMEND" submitLabel="確定" onVerified={setIdentity} />
      </Box>
    );
  } else if (loading) {
    content = <LoadingScreen label="讀取申請資料中…" />;
  } else if (error) {
    content = <RetryAlert onRetry={retry}>{error.message}</RetryAlert>;
  } else if (outcome?.kind === 'amended') {
    content = (
      <Stack spacing={3}>
        <Alert severity="success" role="status">
          <AlertTitle sx={{ fontWeight: 700 }}>修改完成</AlertTitle>
          您的申請資料已更新，將由機關管理者依修改後的內容進行審核。
        </Alert>
        <StatusSummary view={outcome.view} />
      </Stack>
    );
  } else if (outcome?.kind === 'decided') {
    content = <DecidedNotice message={outcome.message} />;
  } else if (items && items.length === 0) {
    content = (
      <Alert severity="info">
        查無以 {identity.email} 提出的個人帳號申請。如尚未申請，請使用
        <RouterLink to={ROUTES.accountApplication.path}>「個人帳號申請」</RouterLink>。
      </Alert>
    );
  } else if (items && amendable.length === 0) {
    content = <DecidedNotice message={DECIDED_MESSAGE} application={items[0]} />;
  } else if (chosen) {
    content = (
      <>
        <Typography variant="h2" sx={{ mb: 1 }}>
          帳號申請表單修改
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2.5 }}>
          申請時間：{formatDateTime(chosen.submittedAt)}。請注意：此處身分證號及備用信箱不提供編輯。
        </Typography>
        <ApplicationForm
          key={chosen.id}
          mode="amend"
          originalAccount={chosen.account}
          initial={valuesFromApplication(chosen)}
          backupEmail={identity.email ?? chosen.backupEmail ?? ''}
          backupEmailHint="備用信箱不提供修改。"
          onSubmit={(body) => submit(chosen, body)}
          onCancel={() => setConfirmCancel(true)}
          onVerificationExpired={reverify}
        />
        <ConfirmDialog
          open={confirmCancel}
          title="放棄修改"
          onConfirm={() => void navigate(ROUTES.landing.path)}
          onClose={() => setConfirmCancel(false)}
        >
          確定要放棄本次修改嗎？已修改的內容將不會儲存。
        </ConfirmDialog>
      </>
    );
  } else {
    content = <ChooseApplication items={amendable} onChoose={setChosenId} />;
  }

  return (
    <PublicPanel
      title={ROUTES.accountApplicationEdit.title}
      footer={
        <>
          <RouterLink to={ROUTES.accountApplicationStatusLookup.path}>{ROUTES.accountApplicationStatusLookup.title}</RouterLink>
          <RouterLink to={ROUTES.landing.path}>回公務入口網首頁</RouterLink>
        </>
      }
    >
      {content}
    </PublicPanel>
  );
}

function DecidedNotice({ message, application }: { message: string; application?: MyApplication }) {
  return (
    <Stack spacing={3}>
      <Alert severity="warning" role="alert">
        <AlertTitle sx={{ fontWeight: 700 }}>{message}</AlertTitle>
        修改個人帳號申請內容僅限尚未審核之申請。審核結果請見申請進度；如需變更資料，請洽所屬機關的機關管理者。
      </Alert>
      {application ? (
        <StatusSummary view={application} />
      ) : (
        <Box>
          <Button variant="outlined" component={Link} to={ROUTES.accountApplicationStatusLookup.path}>
            查詢申請進度
          </Button>
        </Box>
      )}
    </Stack>
  );
}

function ChooseApplication({ items, onChoose }: { items: readonly MyApplication[]; onChoose: (id: string) => void }) {
  return (
    <Stack spacing={2}>
      <Typography>以此備用信箱提出、尚未審核的申請有 {items.length} 件，請選擇要修改的申請：</Typography>
      {items.map((item) => {
        const status = describeStatus(item);
        return (
          <Paper key={item.id} sx={{ p: 2, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
            <Box sx={{ flex: 1, minWidth: 200 }}>
              <Typography sx={{ fontWeight: 700 }}>
                {item.account}・{item.name}
              </Typography>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {item.organization.pathLabel}・申請時間 {formatDateTime(item.submittedAt)}
              </Typography>
            </Box>
            <Chip color={status.tone} label={status.label} size="small" />
            <Button variant="contained" onClick={() => onChoose(item.id)}>
              修改
            </Button>
          </Paper>
        );
      })}
    </Stack>
  );
}
