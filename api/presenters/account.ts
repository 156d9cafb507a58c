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
  title: string | null;
  officePhone: string | null;
  officeExt: string | null;
  birthday: Date | null;
  residenceAddress: string | null;
  workAddress: string | null;
  avatar?: { updatedAt: Date } | null;
}

const STATUS_LABELS: Record<AccountRow['status'], string> = {
  PENDING_ACTIVATION: '待開通',
  ACTIVE: '啟用',
  DISABLED: '停用',
};

const BINDING_ACTIONS = [
  'binding.otp.manage',
  'binding.mobile.manage',
  'binding.email.manage',
  'password.change',
  'profile.update',
  'avatar.manage',
  'adminRole.request',
] as const;

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
    profile: {
      title: row.title,
      officePhone: row.officePhone,
      officeExt: row.officeExt,
      name: row.name,
      birthday: row.birthday?.toISOString().slice(0, 10) ?? null,
      residenceAddress: row.residenceAddress,
      workAddress: row.workAddress,
    },
    /** 個人圖像: the version (for the image URL) when one is set. */
    avatar: row.avatar ? { updatedAt: row.avatar.updatedAt.toISOString() } : null,
    /** 帳號權限: 一般使用者, 機關管理者, 系統管理者 as of this session. */
    roleLabels: actor.roles.length
      ? actor.roles.map((r) => (r === 'SYSTEM_ADMIN' ? '系統管理者' : '機關管理者'))
      : ['一般使用者'],
    allowedActions: allowedActions(actor, BINDING_ACTIONS),
  };
}

export type AccountView = ReturnType<typeof presentAccount>;
