import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import { loginReasonLabel, loginRecordQuerySchema, parseReason, usageRecordQuerySchema } from '../../../domain/login-records';
import { parseUserAgent } from '../../../domain/user-agent';
import { fail } from '../../errors';
import {
  integrationSystemByClientId,
  ownLoginRecord,
  ownLoginRecordPage,
  ownUsageRecordPage,
  presentLoginRecord,
  presentUsageRecord,
} from '../../queries/records';
import { authorize } from '../../policies';

const idParams = z.object({ id: z.uuid('紀錄編號格式錯誤') });

/**
 * 個人帳號登入紀錄 and 個人帳號使用紀錄: the logged-in user's own rows only. Another user's record
 * answers 404, as if it did not exist.
 */
export function accountRecordRoutes(deps: { prisma: PrismaClient; now?: () => Date }) {
  const { prisma } = deps;
  const now = deps.now ?? (() => new Date());
  const router = Router();

  router.get('/login-records', async (req, res) => {
    authorize(req.actor, 'ownRecords.read');
    const query = loginRecordQuerySchema(now).parse(req.query);
    const { total, rows } = await ownLoginRecordPage(prisma, req.actor.id, query);
    res.json({ from: query.from, to: query.to, total, items: rows.map(presentLoginRecord) });
  });

  router.get('/login-records/:id', async (req, res) => {
    authorize(req.actor, 'ownRecords.read');
    const { id } = idParams.parse(req.params);
    const row = await ownLoginRecord(prisma, req.actor.id, id);
    if (!row) throw fail('NOT_FOUND', '找不到此筆登入紀錄');
    const { code, viaClientId } = parseReason(row.reason);
    const via = viaClientId ? await integrationSystemByClientId(prisma, viaClientId) : null;
    const ua = parseUserAgent(row.userAgent);
    res.json({
      ...presentLoginRecord(row),
      account: row.account,
      userAgent: row.userAgent ?? '',
      browserName: ua.browser,
      browserVersion: ua.version,
      os: ua.os,
      reason: code,
      reasonText: row.result === 'FAILURE' ? loginReasonLabel(code) || '登入失敗' : '',
      // The 帳號驗證 API call came through this registered system (its name, or the client_id if removed).
      via: viaClientId ? { clientId: viaClientId, name: via?.name ?? viaClientId } : null,
    });
  });

  router.get('/usage-records', async (req, res) => {
    authorize(req.actor, 'ownRecords.read');
    const query = usageRecordQuerySchema(now).parse(req.query);
    const { total, rows } = await ownUsageRecordPage(prisma, req.actor.id, query);
    res.json({ from: query.from, to: query.to, total, items: rows.map(presentUsageRecord) });
  });

  return router;
}
