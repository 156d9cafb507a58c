import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { SMS_STATUS_LABELS, taipeiMonth } from '../../domain/integrations/sms';
import { fail } from '../errors';
import { smsUsage } from '../integrations/sms-api';
import { authorize } from '../policies';

/** How many of the latest messages the system's page lists. */
export const RECENT_SMS = 20;

/**
 * 應用系統詳細 › 簡訊發送: this month's messages against the quota and the latest ones (numbers masked),
 * policy `applicationSystem.smsUsage` (the managing agency's members and the system admins).
 *   GET /api/application-systems/:id/sms-usage
 *     → { enabled, month, used, quota, remaining, resetAt, recent: [{ id, to, status, statusLabel, reason, createdAt }] }
 * `enabled` is false while no SMS client was ever issued for the system (簡訊發送 never approved).
 */
export function smsUsageRoutes({ prisma }: { prisma: PrismaClient }) {
  const router = Router();

  router.get('/:id/sms-usage', async (req, res) => {
    if (!req.actor) throw fail('UNAUTHENTICATED');
    const id = String(req.params.id);
    const system = /^[0-9a-f-]{36}$/i.test(id)
      ? await prisma.applicationSystem.findUnique({
          where: { id },
          select: { agencyId: true, services: { where: { kind: 'SMS' }, select: { client: true } } },
        })
      : null;
    if (!system) throw fail('NOT_FOUND', '找不到此應用系統');
    authorize(req.actor, 'applicationSystem.smsUsage', { agencyId: system.agencyId });

    res.set('cache-control', 'no-store');
    const client = system.services[0]?.client;
    if (!client) {
      const { month, end } = taipeiMonth();
      return void res.json({ enabled: false, month, used: 0, quota: 0, remaining: 0, resetAt: end.toISOString(), recent: [] });
    }
    const recent = await prisma.smsMessage.findMany({
      where: { integrationSystemId: client.id },
      orderBy: { createdAt: 'desc' },
      take: RECENT_SMS,
    });
    res.json({
      enabled: true,
      ...(await smsUsage(prisma, client)),
      recent: recent.map((m) => ({
        id: m.id,
        to: m.recipientMasked,
        status: m.status,
        statusLabel: SMS_STATUS_LABELS[m.status],
        reason: m.failureReason,
        createdAt: m.createdAt.toISOString(),
      })),
    });
  });

  return router;
}
