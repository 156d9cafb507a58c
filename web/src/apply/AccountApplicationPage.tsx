import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterDomLink } from 'react-router';
import { RouterLink } from '../common/RouterLink';
import type { ApplicationBody, SubmittedApplication } from '../lib/api';
import { ROUTES } from '../routes/paths';
import { EmailVerification } from '../verification/EmailVerification';
import type { VerifiedIdentity } from '../verification/methods';
import { submitApplication } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { ApplicationForm } from './form/ApplicationForm';
import { EMPTY_VALUES } from './form/validation';
import { PublicPanel } from './PublicPanel';
import { inAppPath, statusPath } from './status/links';
import { describeStatus } from './status/statusText';

export const APPLY_STEPS = ['備用信箱驗證', '輸入驗證碼', '帳號申請表單'] as const;

type Stage =
  | { step: 'email' | 'code'; expired?: boolean }
  | { step: 'form'; identity: VerifiedIdentity }
  | { step: 'done'; submitted: SubmittedApplication };

/** 個人帳號申請 (manual §3.2.3): 備用信箱驗證 → 輸入驗證碼 → 帳號申請表單 → 已送出申請. */
export default function AccountApplicationPage() {
  const [stage, setStage] = useState<Stage>({ step: 'email' });
  const [confirmCancel, setConfirmCancel] = useState(false);
  const active = stage.step === 'email' ? 0 : stage.step === 'code' ? 1 : stage.step === 'form' ? 2 : 3;

  const restart = (expired = false) => {
    setConfirmCancel(false);
    setStage({ step: 'email', expired });
    window.scrollTo({ top: 0 });
  };

  const submit = async (identity: VerifiedIdentity, body: ApplicationBody) => {
    const submitted = await submitApplication(identity.token, body);
    setStage({ step: 'done', submitted });
    window.scrollTo({ top: 0 });
  };

  return (
    <PublicPanel
      title={ROUTES.accountApplication.title}
      footer={
        <>
          <RouterLink to={ROUTES.accountApplicationStatusLookup.path}>已送出申請？查詢申請進度</RouterLink>
          <RouterLink to={ROUTES.accountApplicationEdit.path}>{ROUTES.accountApplicationEdit.title}</RouterLink>
          <RouterLink to={ROUTES.landing.path}>回公務入口網首頁</RouterLink>
        </>
      }
    >
      <Stepper activeStep={active} alternativeLabel sx={{ mb: 4 }}>
        {APPLY_STEPS.map((label) => (
          <Step key={label}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>

      {(stage.step === 'email' || stage.step === 'code') && (
        <Box sx={{ maxWidth: 620, mx: 'auto' }}>
          <Typography variant="h2" sx={{ mb: 1.5 }}>
            {stage.step === 'email' ? APPLY_STEPS[0] : APPLY_STEPS[1]}
          </Typography>
          {stage.expired && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              身分驗證已逾時，請重新驗證備用信箱後再送出申請。
            </Alert>
          )}
          {stage.step === 'email' && (
            <Alert severity="info" sx={{ mb: 3 }}>
              使用備用信箱完成身分驗證後方可填寫申請資訊。請注意：<strong>此備用信箱必須從未綁定過臺南市政府公務帳號。</strong>
            </Alert>
          )}
          <EmailVerification
            purpose="APPLY"
            submitLabel="確定"
            onStepChange={(step) => setStage({ step: step === 'code' ? 'code' : 'email' })}
            onVerified={(identity) => {
              setStage({ step: 'form', identity });
              window.scrollTo({ top: 0 });
            }}
          />
        </Box>
      )}

      {stage.step === 'form' && (
        <>
          <Typography variant="h2" sx={{ mb: 2.5 }}>
            帳號申請表單
          </Typography>
          <ApplicationForm
            mode="apply"
            initial={EMPTY_VALUES}
            backupEmail={stage.identity.email ?? ''}
            backupEmailHint="已驗證的備用信箱。如需更換備用信箱，請按「取消」重新驗證。"
            onSubmit={(body) => submit(stage.identity, body)}
            onCancel={() => setConfirmCancel(true)}
            onVerificationExpired={() => restart(true)}
          />
          <ConfirmDialog
            open={confirmCancel}
            title="取消本次申請"
            onConfirm={() => restart()}
            onClose={() => setConfirmCancel(false)}
          >
            確定要取消本次申請嗎？已填寫的資料將不會保留，您可以使用其他備用信箱重新驗證。
          </ConfirmDialog>
        </>
      )}

      {stage.step === 'done' && <Submitted submitted={stage.submitted} />}
    </PublicPanel>
  );
}

function Submitted({ submitted }: { submitted: SubmittedApplication }) {
  const status = describeStatus(submitted);
  const path = inAppPath(submitted.statusUrl, window.location.origin) ?? (submitted.statusUrl ? null : statusPath(submitted.id));
  return (
    <Stack spacing={2} sx={{ alignItems: 'center', textAlign: 'center', py: 2 }} role="status" aria-live="polite">
      <TaskAltOutlined sx={{ fontSize: 64, color: 'success.main' }} aria-hidden />
      <Typography variant="h2">已送出申請</Typography>
      <Typography sx={{ maxWidth: 560 }}>
        送出申請後，將由機關管理者進行審核，審核通過即可使用『開通帳號』功能開通帳號。
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography component="span" sx={{ color: 'text.secondary' }}>
          目前狀態：
        </Typography>
        <Chip color={status.tone} label={status.label} />
      </Box>
      <Typography variant="body2" sx={{ color: 'text.secondary', maxWidth: 560 }}>
        申請進度查詢連結已寄送至您的備用信箱，請妥善保存；您也可以隨時於「申請進度查詢」以備用信箱驗證後查詢。
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ pt: 1 }}>
        {path ? (
          <Button variant="contained" component={RouterDomLink} to={path}>
            查看申請進度
          </Button>
        ) : (
          <Button variant="contained" component={Link} href={submitted.statusUrl}>
            查看申請進度
          </Button>
        )}
        <Button variant="outlined" component={RouterDomLink} to={ROUTES.landing.path}>
          回公務入口網首頁
        </Button>
      </Stack>
    </Stack>
  );
}
