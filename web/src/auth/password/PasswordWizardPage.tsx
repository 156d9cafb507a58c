import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { PublicPanel } from '../../apply/PublicPanel';
import { RouterLink } from '../../common/RouterLink';
import type { VerificationPurpose } from '../../lib/api';
import { ROUTES } from '../../routes/paths';
import { IdentityVerification } from '../../verification/IdentityVerification';
import type { VerificationMethod, VerifiedIdentity } from '../../verification/methods';
import { PasswordChangeDone, PasswordWizardHeader, REDIRECT_SECONDS } from './PasswordWizard';
import { SetPasswordForm } from './SetPasswordForm';

export interface PasswordWizardPageProps {
  title: string;
  /** What the page is for, above the verification methods. */
  intro: ReactNode;
  methods: readonly VerificationMethod[];
  purpose: VerificationPurpose;
  /** 使用…, for the 「使用…/重設密碼」 line once verified. */
  methodLabel: (identity: VerifiedIdentity) => string;
  passwordIntro: (identity: VerifiedIdentity) => ReactNode;
  submit: (identity: VerifiedIdentity, body: { password: string; confirmPassword: string }) => Promise<{ account: string }>;
  doneMessage: (account: string) => ReactNode;
}

type Stage =
  | { step: 'verify'; expired?: boolean }
  | { step: 'password'; identity: VerifiedIdentity }
  | { step: 'done'; account: string; redirectAt: number };

/**
 * 身分驗證 → 輸入新密碼 → 變更完成 → back to 個人帳號登入 (manual §3.1.7 圖 19, §3.1.8 圖 20): the page of
 * 開通帳號 and of 忘記密碼, which differ only in their methods, texts and where the password goes.
 */
export function PasswordWizardPage(props: PasswordWizardPageProps) {
  const [stage, setStage] = useState<Stage>({ step: 'verify' });

  return (
    <PublicPanel
      title={props.title}
      maxWidth={760}
      footer={<RouterLink to={ROUTES.landing.path}>進入臺南市政府公務入口網</RouterLink>}
    >
      <PasswordWizardHeader
        step={stage.step}
        methodLabel={stage.step === 'password' ? props.methodLabel(stage.identity) : null}
      />

      {stage.step === 'verify' && (
        <Box sx={{ maxWidth: 620, mx: 'auto' }}>
          <Typography sx={{ color: 'text.secondary', mb: 2.5 }}>{props.intro}</Typography>
          {stage.expired && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              身分驗證已逾時或已使用過，請重新驗證。
            </Alert>
          )}
          <IdentityVerification
            methods={props.methods}
            purpose={props.purpose}
            submitLabel="繼續"
            onVerified={(identity) => setStage({ step: 'password', identity })}
          />
        </Box>
      )}

      {stage.step === 'password' && (
        <SetPasswordForm
          account={stage.identity.account}
          intro={props.passwordIntro(stage.identity)}
          submit={(body) => props.submit(stage.identity, body)}
          onExpired={() => setStage({ step: 'verify', expired: true })}
          onDone={(account) => setStage({ step: 'done', account, redirectAt: Date.now() + REDIRECT_SECONDS * 1000 })}
        />
      )}

      {stage.step === 'done' && <PasswordChangeDone redirectAt={stage.redirectAt} message={props.doneMessage(stage.account)} />}
    </PublicPanel>
  );
}
