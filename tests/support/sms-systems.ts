import crypto from 'node:crypto';
import type { IntegrationSystemStatus, PrismaClient, User } from '@prisma/client';
import { encryptField } from '../../infra/db/pii';

/**
 * An 應用系統 of `owner`'s agency whose 簡訊發送 was approved: the SMS service ACTIVE and its client
 * (clientId + secret) as integrationReview issues it. `quota: null` = a client without the SMS API.
 */
export async function createSmsSystem(
  prisma: PrismaClient,
  dataKey: Buffer,
  owner: User,
  options: {
    name?: string;
    quota?: number | null;
    perMinute?: number;
    senderName?: string;
    status?: IntegrationSystemStatus;
    productionIps?: string[];
  } = {},
) {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: owner.organizationId } });
  const tag = crypto.randomBytes(4).toString('hex');
  const quota = options.quota === undefined ? 3 : options.quota;
  const app = await prisma.applicationSystem.create({
    data: {
      name: options.name ?? `簡訊測試系統 ${tag}`,
      agencyId: org.agencyId ?? org.id,
      contactName: owner.name,
      contactPhone: '2991111',
      contactEmail: 'sms-test@example.org',
      vendorName: '測試廠商',
      description: '簡訊發送 API 測試',
      url: 'https://sms-test.example.org',
      productionIps: options.productionIps ?? ['192.0.2.0/24'],
      createdById: owner.id,
    },
  });
  const service = await prisma.integrationService.create({
    data: { systemId: app.id, kind: 'SMS', status: 'ACTIVE', config: { monthlyQuota: quota } },
  });
  const clientId = `app-sms-${tag}`;
  const secret = crypto.randomBytes(32).toString('base64url');
  const client = await prisma.integrationSystem.create({
    data: {
      name: app.name,
      clientId,
      clientSecretCipher: encryptField(secret, dataKey, 'client-secret'),
      status: options.status ?? 'ACTIVE',
      scopes: [],
      allowedCidrs: app.productionIps,
      serviceId: service.id,
      smsMonthlyQuota: quota,
      smsPerMinute: options.perMinute ?? 30,
      smsSenderName: options.senderName ?? null,
    },
  });
  const auth = `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
  return { app, client, clientId, secret, auth };
}
