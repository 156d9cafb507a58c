import Alert from '@mui/material/Alert';
import { citizenCertApi } from './citizenCertApi';
import { CitizenCertVerification } from './CitizenCertVerification';
import type { VerificationMethod, VerificationMethodProps } from './methods';

/**
 * 忘記密碼 › 使用自然人憑證 (manual §3.1.8 一) as a pluggable identity verification: PIN CODE → 繼續
 * → an identity proof (X-Identity-Proof, RESET_PASSWORD) of the account the card is bound to.
 */
export function CitizenCertIdentityVerification({ purpose, submitLabel, onVerified }: VerificationMethodProps) {
  if ((purpose as string) !== 'RESET_PASSWORD') return <Alert severity="info">此功能目前無法使用自然人憑證驗證。</Alert>;
  return (
    <CitizenCertVerification
      purpose="RESET_PASSWORD"
      submitLabel={submitLabel}
      pinLabel="PIN CODE"
      onSigned={async (signed) => {
        const proof = await citizenCertApi.resetPasswordProof(signed);
        onVerified({
          method: 'citizen-cert',
          token: proof.token,
          expiresAt: proof.expiresAt,
          email: null,
          account: proof.account,
          proof: true,
        });
      }}
    />
  );
}

/** 使用自然人憑證, for the 忘記密碼 method list (only for users who bound their card). */
export const CITIZEN_CERT_METHOD: VerificationMethod = {
  id: 'citizen-cert',
  label: '使用自然人憑證',
  description: '限已於個人帳號管理完成自然人憑證綁定者使用：將自然人憑證插入讀卡機，輸入 PIN CODE 後點擊「繼續」。',
  Component: CitizenCertIdentityVerification,
};
