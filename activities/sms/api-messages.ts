import type { PrismaClient } from '@prisma/client';
import { decryptField } from '../../infra/db/pii';
import { deliveryFailure } from '../../infra/mail/outbox';
import { MITAKE_STATUS_TEXT, MitakeError, type MitakeClient } from '../../infra/sms/mitake';
import { SMS_RECIPIENT_PURPOSE, type SmsMessageStatus } from '../../domain/integrations/sms';
import { classifyMitakeError, clientIdFor } from './index';

/**
 * Why Mitake would not send a message, in words the calling system's people act on: a fault of the
 * message itself in Mitake's words, a fault of the portal's own Mitake account with whom to call.
 */
export function rejectionReason(error: MitakeError): string {
  const text = (error.statuscode && MITAKE_STATUS_TEXT[error.statuscode]) || error.message;
  if (error.kind === 'auth') return `入口網的簡訊服務帳號無法使用（${text}），請聯絡入口網系統管理者`;
  if (error.kind === 'account') return `入口網的簡訊點數不足或帳務處理失敗（${text}），請聯絡入口網系統管理者`;
  if (error.kind === 'protocol') return `三竹簡訊無法處理此請求（${error.message}）`;
  return text;
}

/** Delivery states of SmQuery: 0–3 still on the way, 4 on the handset, 5–9 will never arrive. */
export function deliveryState(statuscode: string): { status: SmsMessageStatus; reason?: string } | null {
  if (statuscode === '4') return { status: 'DELIVERED' };
  if (/^[5-9]$/.test(statuscode)) return { status: 'FAILED', reason: MITAKE_STATUS_TEXT[statuscode] };
  return null;
}

export interface SmsApiMessageResult {
  status: SmsMessageStatus;
}

/**
 * The SMS API's messages (sms_messages), sent by the workflow smsApiDelivery: it carries the message
 * id only; the recipient is read and decrypted here, so no number enters a workflow history.
 */
export function createSmsApiActivities({
  prisma,
  mitake,
  dataKey,
}: {
  prisma: PrismaClient;
  mitake: MitakeClient;
  dataKey: Buffer;
}) {
  async function load(messageId: string) {
    const row = await prisma.smsMessage.findUnique({ where: { id: messageId } });
    if (!row) throw deliveryFailure('SmsMessageMissing', `No SMS API message ${messageId}`, false);
    return row;
  }

  return {
    /**
     * Sends the message through Mitake once: Mitake's clientid is the message id, so a retry after a
     * lost answer is answered with the first msgid (Duplicate=Y) instead of a second SMS. A Mitake
     * outage throws (retried); a refusal records REJECTED with Mitake's code and our reason.
     */
    async deliverSmsApiMessage({ messageId }: { messageId: string }): Promise<SmsApiMessageResult> {
      const row = await load(messageId);
      if (row.status !== 'QUEUED') return { status: row.status };
      const to = decryptField(row.recipientCipher, dataKey, SMS_RECIPIENT_PURPOSE);
      try {
        const sent = await mitake.send({ to, body: row.body, clientId: clientIdFor(row.id) });
        await prisma.smsMessage.updateMany({
          where: { id: row.id, status: 'QUEUED' },
          data: { status: 'SENT', providerMessageId: sent.msgid, providerStatus: sent.statuscode, sentAt: new Date() },
        });
        return { status: 'SENT' };
      } catch (error) {
        const failure = classifyMitakeError(error);
        if (failure.retryable || !(error instanceof MitakeError)) throw deliveryFailure(failure.type, failure.message, true);
        await prisma.smsMessage.updateMany({
          where: { id: row.id, status: 'QUEUED' },
          data: {
            status: 'REJECTED',
            providerStatus: error.statuscode ?? (error.httpStatus ? `HTTP${error.httpStatus}` : null),
            failureReason: rejectionReason(error).slice(0, 200),
            finishedAt: new Date(),
          },
        });
        return { status: 'REJECTED' };
      }
    },

    /**
     * Asks Mitake (SmQuery by msgid) how far a SENT message got and records DELIVERED or FAILED once
     * it is final. Returns the message's state afterwards.
     */
    async checkSmsApiDelivery({ messageId }: { messageId: string }): Promise<SmsApiMessageResult> {
      const row = await load(messageId);
      if (row.status !== 'SENT' || !row.providerMessageId) return { status: row.status };
      const [state] = await mitake.status([row.providerMessageId]);
      const outcome = state && deliveryState(state.statuscode);
      if (!state || !outcome) {
        if (state && state.statuscode !== row.providerStatus)
          await prisma.smsMessage.updateMany({
            where: { id: row.id, status: 'SENT' },
            data: { providerStatus: state.statuscode },
          });
        return { status: 'SENT' };
      }
      await prisma.smsMessage.updateMany({
        where: { id: row.id, status: 'SENT' },
        data: {
          status: outcome.status,
          providerStatus: state.statuscode,
          failureReason: outcome.reason ?? null,
          finishedAt: state.statusTime ?? new Date(),
        },
      });
      return { status: outcome.status };
    },

    /** Mitake stayed unreachable for as long as the workflow retries: a message not yet sent is given up as FAILED. */
    async abandonSmsApiMessage({ messageId }: { messageId: string }): Promise<SmsApiMessageResult> {
      const row = await load(messageId);
      if (row.status !== 'QUEUED') return { status: row.status };
      await prisma.smsMessage.updateMany({
        where: { id: row.id, status: 'QUEUED' },
        data: { status: 'FAILED', failureReason: '三竹簡訊服務持續無法連線，已停止重試', finishedAt: new Date() },
      });
      return { status: 'FAILED' };
    },
  };
}
