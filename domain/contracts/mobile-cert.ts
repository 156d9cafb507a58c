/**
 * 行動自然人憑證 verification as the API answers it and the web reads it (api/routes/identity/mobile-cert.ts):
 * one declaration, so a field renamed on one side fails the typecheck on the other.
 */
export type MobileCertPurpose = 'LOGIN' | 'ACTIVATE' | 'RESET_PASSWORD' | 'VERIFY';
/** Purposes that end in an identity proof (X-Identity-Proof). */
export type MobileCertProofPurpose = Exclude<MobileCertPurpose, 'LOGIN'>;
export type MobileCertStatus = 'PENDING' | 'APPROVED' | 'DENIED' | 'EXPIRED' | 'FAILED';

export interface MobileCertView {
  id: string;
  purpose: MobileCertPurpose;
  status: MobileCertStatus;
  mode: 'PUSH' | 'QR';
  expiresAt: string;
  /** zh-TW, to show as is. */
  message: string;
  /** Milliseconds until the next poll is worth making. */
  pollAfterMs: number;
  /** When 重新發送推播 / QRCode 模式 open (ISO). */
  resendAfter: string;
  /** QR mode: the content of the QR code to show (the MOI sp_ticket). Only in the answer that made it. */
  qrCode?: string;
}

/** The identity proof a verified transaction is exchanged for. */
export interface MobileCertProof {
  token: string;
  expiresAt: string;
  account: string;
  purpose: MobileCertProofPurpose;
}
