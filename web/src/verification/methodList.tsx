import { EmailVerification } from './EmailVerification';
import type { VerificationMethod } from './methods';
import { MobileIdVerification } from './MobileIdVerification';

/**
 * 使用行動自然人憑證 where it ends in an identity proof (開通帳號, 忘記密碼). Pages whose next step
 * takes only a verification token (修改申請內容, 申請進度) still list MOBILE_ID_METHOD as 即將開放.
 */
export function mobileIdMethod(label: string, description: string): VerificationMethod {
  return { id: 'mobile-id', label, description, Component: MobileIdVerification };
}

/** 使用行動自然人憑證 for pages that cannot take an identity proof yet: listed as 即將開放. */
export const MOBILE_ID_METHOD: VerificationMethod = {
  id: 'mobile-id',
  label: '使用行動自然人憑證驗證',
  description: '輸入身分證字號後，於手機「行動自然人憑證」APP 接收推播或掃描 QRCode 完成驗證。',
  Component: null,
};

export function emailMethod(description: string): VerificationMethod {
  return { id: 'email', label: '使用備用信箱', description, Component: EmailVerification };
}
