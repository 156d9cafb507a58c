import Alert from '@mui/material/Alert';
import { useCallback } from 'react';
import type { VerificationMethodProps } from './methods';
import { mobileCertApi, type MobileCertProofPurpose } from './mobileCertApi';
import { MobileCertVerification } from './MobileCertVerification';

/**
 * 使用行動自然人憑證 as a pluggable identity verification (IdentityVerification): the approval in the
 * APP is exchanged for an identity proof of the account with that ID number (X-Identity-Proof).
 */
export function MobileIdVerification({ purpose, submitLabel, onVerified }: VerificationMethodProps) {
  // 機關管理員查詢 and 個人帳號復用 take a VERIFY proof (其他身分驗證); 開通帳號 / 忘記密碼 their own.
  const proofPurpose: MobileCertProofPurpose | null =
    purpose === 'ACTIVATE' || (purpose as string) === 'RESET_PASSWORD'
      ? (purpose as 'ACTIVATE' | 'RESET_PASSWORD')
      : purpose === 'ADMIN_LOOKUP' || purpose === 'REACTIVATE'
        ? 'VERIFY'
        : null;
  const onApproved = useCallback(
    async (transactionId: string) => {
      if (!proofPurpose) return;
      const proof = await mobileCertApi.proof(transactionId, proofPurpose);
      onVerified({
        method: 'mobile-id',
        token: proof.token,
        expiresAt: proof.expiresAt,
        email: null,
        account: proof.account,
        proof: true,
      });
    },
    [proofPurpose, onVerified],
  );
  if (!proofPurpose) return <Alert severity="info">此功能目前請使用備用信箱驗證。</Alert>;
  return <MobileCertVerification purpose={proofPurpose} submitLabel={submitLabel} onApproved={onApproved} />;
}
