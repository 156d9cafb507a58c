// 停用 / 閒置停用 / 機關(單位)異動 pre-checks (手冊 圖 10, 圖 11): what must be handed over, to whom,
// before an account may leave its agency or be disabled. Pure; the database look-ups are in
// infra/db/account-prechecks.ts. Safe in workflows and in the browser.

export type PrecheckCode = 'SOLE_AGENCY_ADMIN' | 'MAIL_ACCOUNT_CUSTODIAN';

export interface PrecheckProblem {
  code: PrecheckCode;
  /** zh-TW: what to hand over and to whom, in the manual's wording. */
  message: string;
}

export interface PrecheckResult {
  ok: boolean;
  problems: PrecheckProblem[];
}

export const precheckResult = (problems: PrecheckProblem[]): PrecheckResult => ({ ok: problems.length === 0, problems });

/** 唯一機關管理者: someone else in the same agency must be made agency admin first. */
export function soleAgencyAdminProblem(user: { name: string; account: string }, agencyName: string): PrecheckProblem {
  return {
    code: 'SOLE_AGENCY_ADMIN',
    message:
      `${user.name}（${user.account}）是${agencyName}唯一的機關管理者，請先指定其他機關管理者：` +
      `由${agencyName}的其他同仁提出機關管理者申請並核准（或由系統管理者指定）後，再辦理此作業。`,
  };
}

/** 機關或資訊系統郵件帳號保管人: custody goes to someone else in the same agency first. */
export function mailAccountCustodianProblem(
  user: { name: string; account: string },
  agencyName: string,
  mailAccounts: string[],
): PrecheckProblem {
  return {
    code: 'MAIL_ACCOUNT_CUSTODIAN',
    message:
      `${user.name}（${user.account}）是機關或資訊系統郵件帳號 ${mailAccounts.join('、')} 的保管人，` +
      `請先於「我的機關及系統郵件帳號管理 > 編輯 > 保管人異動」將保管人移交給${agencyName}的其他同仁。`,
  };
}

/** All problems as one sentence block (API messages, mails, timelines). */
export const precheckMessage = (result: PrecheckResult) => result.problems.map((p) => p.message).join('\n');
