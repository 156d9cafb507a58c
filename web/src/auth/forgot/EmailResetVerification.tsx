import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { errorMessage } from '../../lib/api';
import { EmailVerification } from '../../verification/EmailVerification';
import type { VerificationMethodProps } from '../../verification/methods';
import { passwordApi } from './api';

/**
 * 忘記密碼 › 使用備用信箱 (manual §3.1.8 三): the shared 備用信箱 steps (信箱 + 圖形驗證碼 → 驗證碼), whose
 * verification token is then spent for an identity proof, like every other method ends in.
 */
export function EmailResetVerification({ submitLabel, onVerified, onStepChange }: VerificationMethodProps) {
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack spacing={2}>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <EmailVerification
        key={attempt}
        purpose="RESET_PASSWORD"
        submitLabel={submitLabel}
        onStepChange={onStepChange}
        onVerified={(identity) => {
          setError(null);
          passwordApi.proofFromEmail(identity.token).then(
            (proof) =>
              onVerified({
                method: 'email',
                token: proof.token,
                expiresAt: proof.expiresAt,
                email: identity.email,
                account: proof.account,
                proof: true,
              }),
            (failure: unknown) => {
              setError(`${errorMessage(failure)}，請重新驗證。`);
              setAttempt((n) => n + 1);
            },
          );
        }}
      />
    </Stack>
  );
}
