import { EmailVerification } from './EmailVerification';
import type { VerificationMethod } from './methods';

/** 使用行動自然人憑證: arrives with the SSO (its component then replaces null). */
export const MOBILE_ID_METHOD: VerificationMethod = {
  id: 'mobile-id',
  label: '使用行動自然人憑證驗證',
  description: '輸入身分證字號後，於手機「行動自然人憑證」APP 接收推播或掃描 QRCode 完成驗證。',
  Component: null,
};

export function emailMethod(description: string): VerificationMethod {
  return { id: 'email', label: '使用備用信箱', description, Component: EmailVerification };
}
