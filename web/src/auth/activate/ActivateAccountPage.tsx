import { ROUTES } from '../../routes/paths';
import { emailMethod, mobileIdMethod } from '../../verification/methodList';
import type { VerificationMethod } from '../../verification/methods';
import { PasswordWizardPage } from '../password/PasswordWizardPage';
import { activateAccount } from './api';

const METHODS: readonly VerificationMethod[] = [
  mobileIdMethod('使用行動自然人憑證', '輸入身分證字號後，以手機「行動自然人憑證」APP 接收推播或掃描 QRCode 完成驗證。'),
  emailMethod('輸入個人公務帳號註冊時綁定的備用信箱及圖形驗證碼，再輸入寄至信箱的驗證碼。'),
];

/** 開通帳號 (manual §3.1.7, 圖 19): 身分驗證 → 輸入新密碼 → 變更完成, then back to 個人帳號登入. */
export default function ActivateAccountPage() {
  return (
    <PasswordWizardPage
      title={ROUTES.activateAccount.title}
      intro="此功能提供「啟用個人公務帳號首次登入、復用個人公務帳號首次登入」之使用者設定登入密碼。請選擇身分驗證方式，驗證通過後即可設定密碼。"
      methods={METHODS}
      purpose="ACTIVATE"
      methodLabel={(identity) => (identity.method === 'email' ? '使用備用信箱' : '使用行動自然人憑證')}
      passwordIntro={(identity) => (identity.email ? `已通過備用信箱 ${identity.email} 驗證，請設定登入密碼。` : null)}
      submit={(identity, { password, confirmPassword }) => activateAccount(identity, { newPassword: password, confirmPassword })}
      doneMessage={(account) =>
        account ? (
          <>
            帳號 <strong>{account}</strong> 已開通，請使用新密碼登入。
          </>
        ) : (
          '帳號已開通，請使用新密碼登入。'
        )
      }
    />
  );
}
