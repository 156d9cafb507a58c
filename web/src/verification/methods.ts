// Identity verification as plug-ins: each method is one component that ends in a verification
// token for X-Verification-Token. 使用備用信箱 works now; 使用行動自然人憑證 arrives with the SSO.
import type { ComponentType, ReactNode } from 'react';
import type { VerificationPurpose } from '../lib/api';

export type VerificationMethodId = 'email' | 'mobile-id' | 'citizen-cert' | 'sms';

/** The outcome of any method: the token the application endpoints take. */
export interface VerifiedIdentity {
  method: VerificationMethodId;
  token: string;
  expiresAt: string;
  /** The verified backup e-mail (使用備用信箱); null for methods that verify something else. */
  email: string | null;
  /** The account the identity belongs to, when the method tells it (開通帳號). */
  account?: string | null;
  /**
   * True when `token` is an identity proof (api/identity/proof.ts, header X-Identity-Proof), as
   * 行動自然人憑證 gives; absent for a verification token (X-Verification-Token, 使用備用信箱).
   */
  proof?: boolean;
}

/** A method's own steps, for a page stepper that shows them (e.g. 備用信箱驗證 → 輸入驗證碼). */
export type VerificationStep = 'start' | 'code';

export interface VerificationMethodProps {
  purpose: VerificationPurpose;
  /** The manual's button text of the page: 確定 (申請/修改) or 繼續 (開通帳號). */
  submitLabel: string;
  onVerified: (identity: VerifiedIdentity) => void;
  onStepChange?: (step: VerificationStep) => void;
}

export interface VerificationMethod {
  id: VerificationMethodId;
  label: string;
  description: ReactNode;
  /** Null while the method is not offered yet: shown disabled with 「即將開放」. */
  Component: ComponentType<VerificationMethodProps> | null;
}
