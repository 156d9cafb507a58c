import type { IntegrationSystem, PrismaClient, SmsMessage } from '@prisma/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { z } from 'zod';
import {
  IDEMPOTENCY_KEY_PATTERN,
  quotaExhaustedMessage,
  SMS_MAX_CHARS,
  SMS_RECIPIENT_PURPOSE,
  SMS_STATUS_LABELS,
  taipeiMonth,
  withSender,
} from '../../domain/integrations/sms';
import { maskMobile, mobileError, normalizeMobile, PHONE_MESSAGES } from '../../domain/phone';
import { decryptField, encryptField } from '../../infra/db/pii';
import { smsApiDelivery, smsApiDeliveryWorkflowId } from '../../workflows/sms-delivery';
import { fail, invalidField } from '../errors';
import type { Temporal } from '../temporal';

const TO_REQUIRED = '請提供 to（收訊手機號碼）';
const MESSAGE_REQUIRED = '請提供 message（簡訊內容）';
const tooLong = (limit: number) => `簡訊內容最多 ${limit} 字（含發送者名稱）`;

/** POST /sms/messages: `{ to, message }`. */
export const smsMessageSchema = z.object({
  to: z
    .string({ error: TO_REQUIRED })
    .max(32, PHONE_MESSAGES.MOBILE_FORMAT)
    .transform(normalizeMobile)
    .superRefine((value, ctx) => {
      const message = mobileError(value);
      if (message) ctx.addIssue({ code: 'custom', message: value === '' ? TO_REQUIRED : message });
    }),
  message: z
    .string({ error: MESSAGE_REQUIRED })
    .transform((value) => value.trim())
    .refine((value) => value.length > 0, MESSAGE_REQUIRED)
    .refine((value) => [...value].length <= SMS_MAX_CHARS, tooLong(SMS_MAX_CHARS)),
});
export type SmsMessageInput = z.output<typeof smsMessageSchema>;

/** The Idempotency-Key header, checked: 400 with a zh-TW reason when absent or malformed. */
export function idempotencyKey(header: string | undefined): string {
  const key = header?.trim() ?? '';
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    const message = key
      ? 'Idempotency-Key 須為 1–100 個英數字或符號（不含空白與中文）'
      : '請提供 Idempotency-Key 標頭（每則簡訊一個唯一值，1–100 個字元）';
    throw fail('VALIDATION_FAILED', message, { 'Idempotency-Key': message });
  }
  return key;
}

/** One message as the calling system reads it (the number masked; it sent the number itself). */
export function smsMessageView(row: SmsMessage) {
  return {
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    to: row.recipientMasked,
    status: row.status,
    statusLabel: SMS_STATUS_LABELS[row.status],
    providerMessageId: row.providerMessageId,
    /** Mitake's statuscode (0–9, or a letter when it refused the message). */
    providerStatus: row.providerStatus,
    reason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Messages counted against the monthly quota: this calendar month's (Asia/Taipei), except those Mitake refused. */
export function countedThisMonth(prisma: Pick<PrismaClient, 'smsMessage'>, systemId: string, now = new Date()) {
  const { start, end } = taipeiMonth(now);
  return prisma.smsMessage.count({
    where: { integrationSystemId: systemId, createdAt: { gte: start, lt: end }, status: { not: 'REJECTED' } },
  });
}

export async function smsUsage(prisma: Pick<PrismaClient, 'smsMessage'>, system: IntegrationSystem, now = new Date()) {
  const { month, end } = taipeiMonth(now);
  const used = await countedThisMonth(prisma, system.id, now);
  const quota = system.smsMonthlyQuota ?? 0;
  return { month, used, quota, remaining: Math.max(0, quota - used), resetAt: end.toISOString() };
}

interface SmsDeps {
  prisma: PrismaClient;
  temporal: Temporal;
  dataKey: Buffer;
}

/** Starts (or finds) the message's delivery workflow: a repeated start is harmless, a failed one may run again. */
async function startDelivery(temporal: Temporal, messageId: string) {
  try {
    await temporal.client.workflow.start(smsApiDelivery, {
      taskQueue: temporal.settings.taskQueue,
      workflowId: smsApiDeliveryWorkflowId(messageId),
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      args: [{ messageId }],
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw fail(
      'DEPENDENCY_UNAVAILABLE',
      '簡訊已受理，但暫時無法排入發送；請稍後以相同的 Idempotency-Key 再呼叫一次，簡訊不會重複發送',
    );
  }
}

/**
 * Accepts one message: under a per-system lock, the same Idempotency-Key answers the message it
 * made (a different body → 409), the monthly quota is checked, and the row is written (number
 * encrypted, masked copy for lists); then its delivery workflow starts with the message id only.
 */
export async function submitSmsMessage(deps: SmsDeps, system: IntegrationSystem, key: string, input: SmsMessageInput) {
  const body = withSender(input.message, system.smsSenderName);
  if ([...body].length > SMS_MAX_CHARS) throw invalidField('message', tooLong(SMS_MAX_CHARS));
  const quota = system.smsMonthlyQuota ?? 0;

  const outcome = await deps.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sms-api:${system.id}`}))`;
    const existing = await tx.smsMessage.findUnique({
      where: { integrationSystemId_idempotencyKey: { integrationSystemId: system.id, idempotencyKey: key } },
    });
    if (existing) {
      const sameRecipient = decryptField(existing.recipientCipher, deps.dataKey, SMS_RECIPIENT_PURPOSE) === input.to;
      if (!sameRecipient || existing.body !== body) throw fail('IDEMPOTENCY_KEY_REUSED');
      return { created: false, row: existing };
    }
    if ((await countedThisMonth(tx, system.id)) >= quota) {
      const exhausted = quotaExhaustedMessage(quota);
      throw fail('SMS_QUOTA_EXCEEDED', exhausted.message, undefined, {
        retryAfterSeconds: exhausted.retryAfterSeconds,
        resetAt: exhausted.resetAt.toISOString(),
      });
    }
    const row = await tx.smsMessage.create({
      data: {
        integrationSystemId: system.id,
        idempotencyKey: key,
        recipientCipher: encryptField(input.to, deps.dataKey, SMS_RECIPIENT_PURPOSE),
        recipientMasked: maskMobile(input.to),
        body,
      },
    });
    return { created: true, row };
  });
  // Also on a repeat: the first call may have written the row and lost Temporal before starting it.
  if (outcome.row.status === 'QUEUED') await startDelivery(deps.temporal, outcome.row.id);
  return outcome;
}

/** One of the calling system's own messages (another system's id is 404, as an unknown one). */
export async function findSmsMessage(prisma: PrismaClient, system: IntegrationSystem, id: string) {
  const row = z.uuid().safeParse(id).success
    ? await prisma.smsMessage.findFirst({ where: { id, integrationSystemId: system.id } })
    : null;
  if (!row) throw fail('NOT_FOUND', '找不到此簡訊');
  return row;
}
