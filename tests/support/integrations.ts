import crypto from 'node:crypto';
import type { IntegrationAction, PrismaClient } from '@prisma/client';
import { dailyKey } from '../../api/commands/daily-key';
import type { ServiceKind } from '../../domain/integrations/services';
import { agencyOf } from '../../infra/db/accounts';
import { sealClientSecret } from '../../infra/db/client-secret';
import { integrationReviewWorkflowId, type IntegrationReviewInput } from '../../workflows/integration-review.messages';

/** An 應用系統 of the user's agency, on its own host (https://<name>.example.test). */
export async function createApplicationSystem(prisma: PrismaClient, owner: { id: string; organizationId: string }) {
  const { agencyId } = await agencyOf(prisma, owner.organizationId);
  const host = `sys-${crypto.randomBytes(4).toString('hex')}.example.test`;
  return prisma.applicationSystem.create({
    data: {
      name: `測試系統${host.slice(4, 12)}`,
      shortName: '測試',
      agencyId,
      contactName: '林聯絡',
      contactPhone: '06-2991111',
      contactEmail: `contact-${host.slice(4, 12)}@example.test`,
      vendorName: '測試廠商',
      description: '測試用應用系統',
      url: `https://${host}/`,
      productionIps: ['203.0.113.10'],
      createdById: owner.id,
    },
  });
}

/**
 * An application row (and its service, 審核中 unless it is already 已啟用) as the API writes them before
 * starting integrationReview: what the workflow tests start it with.
 */
export async function createIntegrationApplicationRow(
  prisma: PrismaClient,
  system: { id: string },
  applicant: { id: string },
  kind: ServiceKind,
  action: IntegrationAction,
  form: object,
) {
  const existing = await prisma.integrationService.findUnique({ where: { systemId_kind: { systemId: system.id, kind } } });
  const service =
    existing ?? (await prisma.integrationService.create({ data: { systemId: system.id, kind, status: 'PENDING' } }));
  if (existing && action === 'APPLY')
    await prisma.integrationService.update({ where: { id: existing.id }, data: { status: 'PENDING' } });
  const key = dailyKey('I', new Date());
  const row = await prisma.integrationApplication.create({
    data: {
      key,
      workflowId: integrationReviewWorkflowId(key),
      systemId: system.id,
      serviceId: service.id,
      kind,
      action,
      status: 'PENDING',
      form,
      applicantId: applicant.id,
    },
  });
  const input: IntegrationReviewInput = {
    applicationId: row.id,
    key,
    systemId: system.id,
    serviceId: service.id,
    kind,
    action,
    applicantUserId: applicant.id,
  };
  return { row, input, workflowId: row.workflowId };
}

/** An issued client of an 已啟用 service, with a known secret (更換金鑰 / 停用 start from it). */
export async function createActiveClient(prisma: PrismaClient, system: { id: string }, kind: ServiceKind, dataKey: Buffer) {
  const secret = crypto.randomBytes(32).toString('base64url');
  const service = await prisma.integrationService.create({
    data: { systemId: system.id, kind, status: 'ACTIVE', config: {} },
  });
  const client = await prisma.integrationSystem.create({
    data: {
      name: '測試用戶端',
      clientId: `app-t${crypto.randomBytes(5).toString('hex')}`,
      clientSecretCipher: sealClientSecret(secret, dataKey),
      redirectUris: [],
      postLogoutRedirectUris: [],
      scopes: ['openid', 'profile'],
      allowedCidrs: [],
      serviceId: service.id,
    },
  });
  return { service, client, secret };
}
