// Wire types of the MOI 行動自然人憑證 (TW FidO) SP API, snake_case as on the wire.
// See scripts/services/moi-fido-sim.mjs for what is known (and assumed) about the protocol.

export type MoiOpCode = 'ATH' | 'SIGN';
/** I-SCAN: the SP shows a QR code the APP scans; PUSH is what requestAthOrSignPush records. */
export type MoiOpMode = 'I-SCAN' | 'APP2APP' | 'MWEB2APP' | 'PUSH';

export interface MoiEnvelope<T> {
  /** "0", or `<介面編號>-<系統錯誤代碼>` (e.g. SP-API-ATH-02-SPTKT_OVD), or a bare numeric code. */
  error_code: string;
  error_message: string;
  result?: T | null;
}

export interface MoiTicketResult {
  sp_ticket: string;
  idp_checksum: string;
}

export interface MoiAthResult {
  hashed_id_num: string;
  signed_response?: string;
  cert?: string;
  idp_checksum: string;
}

/** The decoded first segment of an sp_ticket. */
export interface MoiSpTicket {
  transaction_id: string;
  op_code: string;
  op_mode: string;
  sp_service_id: string;
  sp_ticket_id: string;
  sp_name?: string;
  hint?: string;
  expiration_time?: string;
  hashed_id_num?: string;
  version?: string;
}

/** A request MOI accepted: what the SP keeps to poll it (never the ID number). */
export interface MoiTicket {
  transactionId: string;
  spTicketId: string;
  /** The whole sp_ticket: the content of the QR code in I-SCAN mode. */
  spTicket: string;
  /** SHA-256 of the ID number as MOI states it in the ticket, to match the result against. */
  hashedIdNum: string | null;
  expiresAt: Date;
}

export type MoiResult =
  | { status: 'PENDING' }
  | { status: 'APPROVED'; hashedIdNum: string; signedResponse: string | null; cert: string | null }
  | { status: 'DENIED' | 'EXPIRED' | 'REDEEMED' | 'NOT_FOUND'; code: string; message: string };
