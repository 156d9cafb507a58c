import { GeneralLoginForm } from '../GeneralLoginForm';
import { ssoApi } from '../api';
import type { LoginTabProps } from '../types';

/** 一般登入 tab (帳號 + 密碼 + 圖形驗證碼). */
export default function PasswordTab({ uid, onResult }: LoginTabProps) {
  return <GeneralLoginForm onSubmit={async (input) => onResult(await ssoApi.loginWith(uid, 'password', input))} />;
}
