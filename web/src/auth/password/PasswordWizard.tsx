import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useEffect, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { RouterLink } from '../../common/RouterLink';
import { ROUTES } from '../../routes/paths';
import { useCountdown } from '../../verification/useCountdown';

/** The wizard of 開通帳號 and 忘記密碼 (manual §3.1.7 圖 19, §3.1.8 圖 20). */
export const PASSWORD_WIZARD_STEPS = ['身分驗證', '輸入新密碼', '變更完成'] as const;
/** 變更完成 goes back to the login page by itself after this long. */
export const REDIRECT_SECONDS = 5;

export type WizardStep = 'verify' | 'password' | 'done';

/**
 * 單一帳號認證平台 (・使用…/重設密碼 once verified), 返回登入頁, and the stepper
 * 身分驗證 | 輸入新密碼 | 變更完成.
 */
export function PasswordWizardHeader({ step, methodLabel }: { step: WizardStep; methodLabel?: string | null }) {
  const active = step === 'verify' ? 0 : step === 'password' ? 1 : PASSWORD_WIZARD_STEPS.length;
  return (
    <>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', mb: 2, gap: 2 }}>
        <Typography variant="overline" component="p" sx={{ color: 'text.secondary', letterSpacing: '0.12em', lineHeight: 1.6 }}>
          單一帳號認證平台
          {step === 'password' && methodLabel && <>・{methodLabel}/重設密碼</>}
        </Typography>
        <RouterLink to={ROUTES.login.path}>返回登入頁</RouterLink>
      </Stack>
      <Stepper activeStep={active} alternativeLabel sx={{ mb: 4 }}>
        {PASSWORD_WIZARD_STEPS.map((label) => (
          <Step key={label}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
    </>
  );
}

/** 變更完成: what happened, a countdown, then 個人帳號登入 by itself (or at once with 返回登入頁). */
export function PasswordChangeDone({ message, redirectAt }: { message: ReactNode; redirectAt: number }) {
  const navigate = useNavigate();
  const secondsLeft = useCountdown(redirectAt);

  useEffect(() => {
    const timer = setTimeout(() => void navigate(ROUTES.login.path, { replace: true }), Math.max(0, redirectAt - Date.now()));
    return () => clearTimeout(timer);
  }, [navigate, redirectAt]);

  return (
    <Stack spacing={2} sx={{ alignItems: 'center', textAlign: 'center', py: 2 }} role="status" aria-live="polite">
      <TaskAltOutlined sx={{ fontSize: 64, color: 'success.main' }} aria-hidden />
      <Typography variant="h2">變更完成</Typography>
      <Typography>{message}</Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        系統將於 {secondsLeft} 秒後自動跳轉回登入頁；如未自動跳轉，請點擊「返回登入頁」。
      </Typography>
      <Button variant="contained" component={Link} to={ROUTES.login.path} replace>
        返回登入頁
      </Button>
    </Stack>
  );
}
