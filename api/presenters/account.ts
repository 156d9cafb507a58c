import type { Actor } from '../policies';
import { allowedActions } from '../policies';

export interface AccountRow {
  account: string;
  name: string;
  status: 'PENDING_ACTIVATION' | 'ACTIVE' | 'DISABLED';
  createdAt: Date;
  loginCount: number;
  lastLoginAt: Date | null;
  backupEmail: string | null;
  mobile: string | null;
  mobileVerifiedAt: Date | null;
  otpEnabledAt: Date | null;
  citizenCertBoundAt: Date | null;
  citizenCertNotAfter: Date | null;
  passwordChangedAt: Date | null;
  passwordChangedBy: string | null;
  passwordChangeNote: string | null;
  accountApplication: { createdAt: Date } | null;
}

const STATUS_LABELS: Record<AccountRow['status'], string> = {
  PENDING_ACTIVATION: '待開通',
  ACTIVE: '啟用',
  DISABLED: '停用',
};

const BINDING_ACTIONS = ['binding.otp.manage', 'binding.mobile.manage', 'binding.email.manage'] as const;

/** 個人帳號管理: the user's own account, bindings as facts (never the OTP secret or ID number). */
export function presentAccount(row: AccountRow, actor: Actor) {
  return {
    account: row.account,
    name: row.name,
    status: {
      applicationDate: (row.accountApplication?.createdAt ?? row.createdAt).toISOString(),
      loginCount: row.loginCount,
      lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
      status: row.status,
      statusLabel: STATUS_LABELS[row.status],
    },
    password: {
      changedAt: row.passwordChangedAt?.toISOString() ?? null,
      changedBy: row.passwordChangedBy,
      note: row.passwordChangeNote,
    },
    backupEmail: row.backupEmail,
    mobile: row.mobile && row.mobileVerifiedAt ? { number: row.mobile, boundAt: row.mobileVerifiedAt.toISOString() } : null,
    otp: { enabled: row.otpEnabledAt !== null, enabledAt: row.otpEnabledAt?.toISOString() ?? null },
    citizenCert: {
      bound: row.citizenCertBoundAt !== null,
      boundAt: row.citizenCertBoundAt?.toISOString() ?? null,
      notAfter: row.citizenCertNotAfter?.toISOString() ?? null,
    },
    allowedActions: allowedActions(actor, BINDING_ACTIONS),
  };
}

export type AccountView = ReturnType<typeof presentAccount>;
