import type { DeliveryFailure } from './outbox';

interface NodemailerError {
  code?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

/**
 * Sorts nodemailer/SMTP errors into "retry later" and "retrying cannot help":
 *   - 5xx to RCPT (EENVELOPE) → the address does not exist or is refused: permanent;
 *   - EAUTH → the relay rejects our credentials: permanent until someone fixes the configuration
 *     (consistent with SMS; the workflow decides what to do, e.g. alert an operator);
 *   - 5xx to DATA (EMESSAGE) → the content was refused: permanent;
 *   - 4xx replies, refused connections, timeouts, TLS and DNS trouble → transient: retry.
 * Messages carry the server's reply, never the message content.
 */
export function classifySmtpError(error: unknown): DeliveryFailure {
  const e = (error ?? {}) as NodemailerError;
  const reply = (e.message ?? String(error)).slice(0, 500);
  const code = e.responseCode ?? 0;
  if (e.code === 'EENVELOPE') {
    if (code >= 500 || code === 0)
      return { retryable: false, type: 'MailRecipientRejected', message: `收件者地址遭郵件伺服器拒絕：${reply}` };
  }
  if (e.code === 'EAUTH') return { retryable: false, type: 'MailAuthFailed', message: `郵件伺服器驗證失敗：${reply}` };
  if (e.code === 'EMESSAGE' && code >= 500)
    return { retryable: false, type: 'MailRejected', message: `郵件伺服器拒收此信件：${reply}` };
  if (code >= 400 && code < 500)
    return { retryable: true, type: 'MailTemporaryFailure', message: `郵件伺服器暫時無法處理：${reply}` };
  return {
    retryable: true,
    type: 'MailServerUnavailable',
    message: `郵件伺服器無法連線或傳送失敗${e.code ? `（${e.code}）` : ''}：${reply}`,
  };
}
