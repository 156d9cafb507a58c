import { useCallback } from 'react';
import { MobileCertVerification } from '../../verification/MobileCertVerification';
import { ssoApi } from '../api';
import type { LoginTabProps } from '../types';

/**
 * 行動自然人憑證 (manual §3.1.2): 身分證字號 → 登入 → push (重新發送推播) or QRCode 模式登入 → the APP
 * approves → the login method spends the approval (POST /api/sso/interaction/:uid/mobile-cert).
 */
export default function MobileCertTab({ uid, onResult }: LoginTabProps) {
  const onApproved = useCallback(
    async (transactionId: string) => onResult(await ssoApi.loginWith(uid, 'mobile-cert', { transactionId })),
    [uid, onResult],
  );
  return <MobileCertVerification purpose="LOGIN" submitLabel="登入" onApproved={onApproved} />;
}
