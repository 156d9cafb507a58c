// 帳號使用紀錄 (個人帳號使用紀錄): what a user did, as action codes written to usage_records.action
// and their zh-TW labels. Every writer uses a code from USAGE_ACTIONS; the page shows the label, and
// a code this registry does not know (an older or newer writer) is still shown, as itself.
// Pure; safe in the browser.

export const USAGE_ACTIONS = {
  // 開通帳號 / 密碼
  'account.activate': '開通帳號',
  'password.change': '密碼修改',
  'password.reset': '重設密碼（忘記密碼）',
  'password.forcedChange': '密碼到期變更',
  // 個人帳號管理
  'profile.update': '公務資料、個人資料修改',
  'avatar.update': '個人圖像修改',
  'binding.otp.enable': '啟用 OTP 驗證',
  'binding.otp.disable': '關閉 OTP 驗證',
  'binding.mobile.bind': '手機號碼綁定',
  'binding.mobile.unbind': '手機號碼解除綁定',
  'binding.email.rebind': '備用電子郵件重新綁定',
  'binding.citizenCert.bind': '自然人憑證綁定',
  'binding.citizenCert.unbind': '自然人憑證解除綁定',
  'organization.change': '機關(單位)異動申請',
  'permission.change': '帳號權限異動申請',
  'delegation.set': '代理人設定',
  'delegation.cancel': '取消代理人設定',
  'calendar.feedCreate': '新增行事曆訂閱',
  'calendar.feedRevoke': '停止行事曆訂閱',
  // 申請與審核
  'application.submit': '送出申請',
  'application.amend': '修改申請內容',
  'application.decide': '審核申請',
  'application.cancel': '取消申請',
  // 線上報修 and 報修處理狀況回報 (新增報修 is application.submit)
  'repair.reply': '回報報修處理狀況',
  'repair.rate': '評分報修案件',
  'repair.return': '退回報修案件',
  // 管理主控台 › 帳號管理
  'account.disable': '停用帳號',
  'console.account.update': '編輯帳號資料',
  'console.account.enable': '啟用帳號',
  'console.account.reset': '重設帳號為待開通',
  'console.role.grant': '設定管理者權限',
  'console.role.revoke': '移除管理者權限',
  // 介接
  'integration.redirectLogin': '轉登應用系統',
  'integration.system.create': '新增應用系統',
  'integration.system.update': '編輯應用系統',
  'integration.secretReveal': '顯示應用系統金鑰',
  'sso.consent': '授權應用系統使用帳號資料',
  // 個人化設定
  'personalization.update': '個人化設定修改',
  // 管理主控台
  'parameter.update': '系統參數修改',
  'organization.treeChange': '組織管理異動',
  'records.export': '匯出日誌紀錄',
  // 管理主控台 › 物品管理
  'item.create': '新增物品（場地、公務車、派遣司機）',
  'item.update': '編輯物品資訊',
  'item.delete': '刪除物品',
  'item.custodian': '保管人異動',
  // 管理主控台 › 物品管理 › 報修類型管理
  'repair.type.create': '新增報修類型',
  'repair.type.update': '編輯報修類型',
  'repair.type.delete': '刪除報修類型',
} as const satisfies Record<string, string>;

export type UsageAction = keyof typeof USAGE_ACTIONS;

export function isUsageAction(code: string): code is UsageAction {
  return Object.hasOwn(USAGE_ACTIONS, code);
}

/** The zh-TW label of an action code; an unknown code is shown as it is (never hidden, never blank). */
export function usageActionLabel(code: string): string {
  if (isUsageAction(code)) return USAGE_ACTIONS[code];
  return code.trim() ? code : '（未知的操作）';
}

/** For the 動作 filter of the page: every known code with its label, in registry order. */
export const USAGE_ACTION_OPTIONS: readonly { value: UsageAction; label: string }[] = Object.entries(USAGE_ACTIONS).map(
  ([value, label]) => ({ value: value as UsageAction, label }),
);
