import { ROUTES } from '../../routes/paths';
import { CITIZEN_CERT_METHOD } from '../../verification/CitizenCertIdentityVerification';
import { mobileIdMethod } from '../../verification/methodList';
import type { VerificationMethod, VerificationMethodId } from '../../verification/methods';
import { PasswordWizardPage } from '../password/PasswordWizardPage';
import { passwordApi } from './api';
import { EmailResetVerification } from './EmailResetVerification';
import { SmsResetVerification } from './SmsResetVerification';

/** The manual's four methods (§3.1.8), in its order; each ends in an identity proof (X-Identity-Proof). */
const METHODS: readonly VerificationMethod[] = [
  CITIZEN_CERT_METHOD,
  mobileIdMethod(
    '使用行動自然人憑證',
    '即將導向內政部行動自然人憑證驗證：輸入身分證字號後，以手機 APP 接收推播或掃描 QRCode 完成驗證。',
  ),
  {
    id: 'email',
    label: '使用備用信箱',
    description: '輸入個人公務帳號綁定的備用信箱及圖形驗證碼，再輸入寄至信箱的驗證碼。',
    Component: EmailResetVerification,
  },
  {
    id: 'sms',
    label: '使用手機簡訊',
    description: '限已於個人帳號管理完成手機號碼綁定者使用：輸入手機號碼及圖形驗證碼，再輸入簡訊驗證碼。',
    Component: SmsResetVerification,
  },
];

const LABELS: Record<VerificationMethodId, string> = {
  'citizen-cert': '使用自然人憑證',
  'mobile-id': '使用行動自然人憑證',
  email: '使用備用信箱',
  sms: '使用手機簡訊',
};

/** 忘記密碼 (manual §3.1.8, 圖 20): 身分驗證 by one of four methods → 輸入新密碼 → 變更完成 → 個人帳號登入. */
export default function ForgotPasswordPage() {
  return (
    <PasswordWizardPage
      title={ROUTES.forgotPassword.title}
      intro="忘記密碼時，請選擇身分驗證方式，驗證通過後即可設定新密碼，並請以新密碼重新登入。"
      methods={METHODS}
      purpose="RESET_PASSWORD"
      methodLabel={(identity) => LABELS[identity.method]}
      passwordIntro={(identity) =>
        identity.account ? (
          <>
            已通過身分驗證，請為帳號 <strong>{identity.account}</strong> 設定新密碼。
          </>
        ) : (
          '已通過身分驗證，請設定新密碼。'
        )
      }
      submit={(identity, body) => passwordApi.reset(identity.token, body)}
      doneMessage={(account) => (
        <>
          帳號 <strong>{account}</strong> 的密碼已重設，請使用新密碼重新登入。
        </>
      )}
    />
  );
}
