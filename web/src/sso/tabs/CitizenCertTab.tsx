import Typography from '@mui/material/Typography';
import { CitizenCertVerification } from '../../verification/CitizenCertVerification';
import { ssoApi } from '../api';
import type { LoginTabProps } from '../types';

/**
 * 實體自然人憑證 (manual 第二章 壹 二): PIN CODE → 登入, for users who bound their card in 個人帳號管理.
 * Needs the IC card, a reader and the latest HiCOS component on the PC.
 */
export default function CitizenCertTab({ uid, onResult }: LoginTabProps) {
  return (
    <CitizenCertVerification
      purpose="LOGIN"
      submitLabel="登入"
      pinLabel="PIN CODE"
      intro={
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          此方式提供已有個人公務帳號，且曾登入公務入口網完成自然人憑證綁定之使用者使用（如需使用此功能，請先以其他方式登入，
          於「個人帳號管理」完成自然人憑證綁定）。請將自然人憑證插入讀卡機，並安裝最新版本 HiCOS 元件，輸入 PIN CODE
          後點擊「登入」。
        </Typography>
      }
      onSigned={async (signed) => onResult(await ssoApi.loginWith(uid, 'citizen-cert', signed))}
    />
  );
}
