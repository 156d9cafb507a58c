import type { PrismaClient } from '@prisma/client';
import type { z } from 'zod';
import {
  ACTION_LABELS,
  APPLICATION_STATUS_LABELS,
  canApply,
  SERVICE_LABELS,
  type ApplicationStatus,
  type IntegrationActionCode,
  type ServiceKind,
  type ServiceStatus,
} from '../../domain/integrations/services';
import { credentialChangeSchema, INTEGRATION_MESSAGES, serviceFormSchema } from '../../domain/schemas/integration';
import type { UsageAction } from '../../domain/usage-actions';
import { agencyOf } from '../../infra/db/accounts';
import { openClientSecret } from '../../infra/db/client-secret';
import { integrationReview } from '../../workflows/integration-review';
import {
  decideIntegrationUpdate,
  INTEGRATION_REQUEST_TYPE_LABEL,
  integrationReviewWorkflowId,
  resubmitIntegrationUpdate,
  type IntegrationDecideInput,
} from '../../workflows/integration-review.messages';
import { fail, zodFields } from '../errors';
import { authorize, can, type Actor } from '../policies';
import {
  integrationApplicationByKey,
  integrationScope,
  presentIntegrationApplication,
  type IntegrationApplicationRow,
} from '../queries/integration-applications';
import type { Temporal } from '../temporal';
import { withDailyKey } from './daily-key';
import { startRequestWorkflow } from './request-workflow';
import { updateRefusal } from './update-refusal';
import { recordUsage } from './usage';

export interface IntegrationDeps {
  prisma: PrismaClient;
  temporal: Temporal;
  dataKey: Buffer;
  /** Where the portal runs: redirect URIs must be https in production. */
  production: boolean;
}

const TARGET = INTEGRATION_REQUEST_TYPE_LABEL;

/** The form as the action takes it (the kind's 我要申請 form, or 更換金鑰 / 停用's reason): 400 in words. */
function parseForm(
  action: IntegrationActionCode,
  kind: ServiceKind,
  system: { url: string },
  production: boolean,
  input: unknown,
): Record<string, unknown> {
  const schema: z.ZodType =
    action === 'APPLY' ? serviceFormSchema(kind, { systemUrl: system.url, production }) : credentialChangeSchema;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fail('VALIDATION_FAILED', parsed.error.issues[0]?.message, zodFields(parsed.error));
  return parsed.data as Record<string, unknown>;
}

/** 轉登's 顯示此轉登入口的機關 must be agencies the portal knows. */
async function checkAgencies(prisma: PrismaClient, form: Record<string, unknown>) {
  const ids = form.agencyIds as string[] | undefined;
  if (!ids) return;
  const found = await prisma.organization.count({ where: { id: { in: ids } } });
  if (found !== ids.length)
    throw fail('VALIDATION_FAILED', INTEGRATION_MESSAGES.AGENCIES_REQUIRED, {
      agencyIds: INTEGRATION_MESSAGES.AGENCIES_REQUIRED,
    });
}

/** Why the service refuses this action now, in words, or null. */
function serviceRefusal(action: IntegrationActionCode, status: ServiceStatus | 'NONE', open: boolean): string | null {
  if (action === 'APPLY') {
    if (canApply(status)) return null;
    return status === 'ACTIVE' ? '此服務已啟用，如需變更請申請更換金鑰或停用' : '此服務已在審核中';
  }
  if (status !== 'ACTIVE') return `此服務未啟用，無法${ACTION_LABELS[action]}`;
  if (open) return '此服務已有審核中的申請，請待審核完成後再提出';
  return null;
}

/**
 * 我要申請 / 更換金鑰 / 停用 of one service of one 應用系統: the system's 管理機關's members and the system
 * admins; the form checked against the system (400, nothing written), the service's state checked (409),
 * then the service (審核中 for 申請), the application (申請單號 I<yyyymmdd>-<5 digits>) and its workflow.
 * If Temporal refuses, both go back to what they were.
 */
export async function submitIntegrationApplication(
  deps: IntegrationDeps,
  actor: Actor,
  input: { systemId: string; kind: ServiceKind; action: IntegrationActionCode; body: unknown },
  ip?: string,
) {
  const { prisma } = deps;
  const { systemId, kind, action } = input;
  const system = await prisma.applicationSystem.findUnique({ where: { id: systemId } });
  if (!system) throw fail('NOT_FOUND', '找不到此應用系統');
  authorize(actor, 'integration.request', { agencyId: system.agencyId });
  const form = parseForm(action, kind, system, deps.production, input.body);
  await checkAgencies(prisma, form);

  const created = await withDailyKey('I', (key) =>
    prisma.$transaction(async (tx) => {
      // One submission per system at a time: two tabs cannot both open the same service.
      await tx.$queryRaw`SELECT id FROM application_systems WHERE id = ${systemId}::uuid FOR UPDATE`;
      const service = await tx.integrationService.findUnique({ where: { systemId_kind: { systemId, kind } } });
      const open = service
        ? (await tx.integrationApplication.count({ where: { serviceId: service.id, status: { in: ['PENDING', 'RETURNED'] } } })) >
          0
        : false;
      const refusal = serviceRefusal(action, service?.status ?? 'NONE', open);
      if (refusal) throw fail('CONFLICT', refusal);
      const current = service
        ? action === 'APPLY'
          ? await tx.integrationService.update({ where: { id: service.id }, data: { status: 'PENDING' } })
          : service
        : await tx.integrationService.create({ data: { systemId, kind, status: 'PENDING' } });
      const application = await tx.integrationApplication.create({
        data: {
          key,
          workflowId: integrationReviewWorkflowId(key),
          systemId,
          serviceId: current.id,
          kind,
          action,
          status: 'PENDING',
          form: form as object,
          applicantId: actor.id,
        },
      });
      return { application, previous: service ? { id: service.id, status: service.status } : null, serviceId: current.id };
    }),
  );
  const { application, previous } = created;
  const agency = await agencyOf(prisma, system.agencyId);
  await startRequestWorkflow(
    deps,
    { id: application.id, workflowId: application.workflowId },
    integrationReview,
    {
      args: [
        {
          applicationId: application.id,
          key: application.key,
          systemId,
          serviceId: created.serviceId,
          kind,
          action,
          applicantUserId: actor.id,
        },
      ],
    },
    { requestType: 'INTEGRATION_APPLICATION', agencyCode: agency.agencyCode, applicantAccount: actor.account, status: 'PENDING' },
    () =>
      prisma.$transaction(async (tx) => {
        await tx.integrationApplication.delete({ where: { id: application.id } });
        if (!previous) await tx.integrationService.delete({ where: { id: created.serviceId } });
        else await tx.integrationService.update({ where: { id: previous.id }, data: { status: previous.status } });
      }),
  );
  await recordUsage(prisma, {
    userId: actor.id,
    action: 'application.submit' satisfies UsageAction,
    target: `${TARGET}（${application.key}）`,
    detail: { key: application.key, system: system.name, service: SERVICE_LABELS[kind], action: ACTION_LABELS[action] },
    ip: ip ?? null,
  });
  return { key: application.key };
}

/** An application the actor may read (404 otherwise: another agency's records are not confirmed to exist). */
export async function readableIntegrationApplication(prisma: PrismaClient, actor: Actor, key: string) {
  const row = await integrationApplicationByKey(prisma, key);
  if (!row || !can(actor, 'integration.read', integrationScope(row))) throw fail('NOT_FOUND', '找不到此申請');
  return row;
}

const statusLabel = (row: IntegrationApplicationRow) => APPLICATION_STATUS_LABELS[row.status as ApplicationStatus] ?? row.status;

/**
 * 補正 (the applicant, while 退回補正): the corrected form is checked as when sent (400, nothing
 * written), saved as the next revision, and the workflow's `resubmit` puts it back 待審核.
 */
export async function resubmitIntegrationApplication(
  deps: IntegrationDeps,
  actor: Actor,
  key: string,
  body: unknown,
  ip?: string,
) {
  const { prisma } = deps;
  const row = await readableIntegrationApplication(prisma, actor, key);
  if (row.applicantId !== actor.id) throw fail('FORBIDDEN', '僅申請人可補正此申請');
  if (row.status !== 'RETURNED') throw fail('CONFLICT', `此申請目前狀態為「${statusLabel(row)}」，無法補正`);
  const form = parseForm(row.action, row.kind as ServiceKind, row.system, deps.production, body);
  await checkAgencies(prisma, form);
  const revision = row.revision + 1;
  const { count } = await prisma.integrationApplication.updateMany({
    where: { id: row.id, status: 'RETURNED', revision: row.revision },
    data: { form: form as object, revision },
  });
  if (count === 0) throw fail('CONFLICT', '此申請已補正送出，請重新整理後再試');
  await deps.temporal.client.workflow
    .getHandle(row.workflowId)
    .executeUpdate(resubmitIntegrationUpdate, { args: [{ userId: actor.id, name: actor.name, revision }] })
    .catch(updateRefusal());
  await recordUsage(prisma, {
    userId: actor.id,
    action: 'application.amend' satisfies UsageAction,
    target: `${TARGET}（${row.key}）`,
    detail: { key: row.key, revision },
    ip: ip ?? null,
  });
  const fresh = await readableIntegrationApplication(prisma, actor, key);
  return presentIntegrationApplication(prisma, fresh, { userId: actor.id });
}

const taipeiTime = (at: Date) =>
  new Intl.DateTimeFormat('zh-TW', {
    timeZone: 'Asia/Taipei',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);

/**
 * 顯示金鑰 (the applicant, once): the cipher is read and erased, and revealedAt set, in one conditional
 * statement — of two clicks exactly one gets the secret; afterwards 410. The secret goes to the answer
 * only: never to a log, a record or the workflow.
 */
export async function revealIntegrationSecret(deps: IntegrationDeps, actor: Actor, key: string, ip?: string) {
  const { prisma } = deps;
  const row = await readableIntegrationApplication(prisma, actor, key);
  if (row.applicantId !== actor.id) throw fail('FORBIDDEN', '僅申請人可顯示金鑰');
  const reveal = await prisma.credentialReveal.findUnique({
    where: { applicationId: row.id },
    select: { id: true, revealedAt: true, expiresAt: true, integrationSystem: { select: { clientId: true } } },
  });
  if (!reveal) throw fail('NOT_FOUND', '此申請沒有待顯示的金鑰');
  const taken = await prisma.$queryRaw<{ secret_cipher: Uint8Array }[]>`
    WITH old AS (
      SELECT id, secret_cipher FROM credential_reveals
      WHERE id = ${reveal.id}::uuid AND secret_cipher IS NOT NULL AND expires_at > now()
      FOR UPDATE
    )
    UPDATE credential_reveals r SET secret_cipher = NULL, revealed_at = now()
    FROM old WHERE r.id = old.id
    RETURNING old.secret_cipher`;
  const cipher = taken[0]?.secret_cipher;
  if (!cipher) {
    const shown = await prisma.credentialReveal.findUnique({ where: { id: reveal.id }, select: { revealedAt: true } });
    throw fail(
      'SECRET_ALREADY_SHOWN',
      shown?.revealedAt
        ? `金鑰僅顯示一次，已於 ${taipeiTime(shown.revealedAt)} 顯示；如遺失請申請更換金鑰`
        : '金鑰已逾顯示期限未顯示，已銷毀；請申請更換金鑰',
    );
  }
  await recordUsage(prisma, {
    userId: actor.id,
    action: 'integration.secretReveal' satisfies UsageAction,
    target: `${TARGET}（${row.key}）`,
    detail: { key: row.key, clientId: reveal.integrationSystem.clientId },
    ip: ip ?? null,
  });
  return { clientId: reveal.integrationSystem.clientId, clientSecret: openClientSecret(cipher, deps.dataKey) };
}

/** The system admin's decision (核准 / 駁回 / 退回補正), taken by the workflow. */
export function decideIntegration(deps: Pick<IntegrationDeps, 'temporal'>, workflowId: string, input: IntegrationDecideInput) {
  return deps.temporal.client.workflow
    .getHandle(workflowId)
    .executeUpdate(decideIntegrationUpdate, { args: [input] })
    .catch(updateRefusal());
}
