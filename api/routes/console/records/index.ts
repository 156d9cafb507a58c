import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import {
  consoleLoginRecordQuerySchema,
  consoleUsageRecordQuerySchema,
  type ConsoleLoginRecordQuery,
  type ConsoleUsageRecordQuery,
} from '../../../../domain/login-records';
import { fail } from '../../../errors';
import { authorize, type Actor } from '../../../policies';
import {
  loginRecordPage,
  loginRecordsToExport,
  presentLoginRecord,
  presentUsageRecord,
  usageRecordPage,
  usageRecordsToExport,
} from '../../../queries/records';
import { recordUsage } from '../../../commands/usage';
import {
  LOGIN_RECORDS_SHEET,
  loginFailureText,
  sendRecordWorkbook,
  USAGE_RECORDS_SHEET,
  usageTargetLabel,
  who,
} from '../../../presenters/record-sheets';

/** The most rows one 匯出 Excel writes; a larger result asks for narrower conditions. */
export const RECORD_EXPORT_MAX_ROWS = 10_000;

function assertExportable(total: number) {
  if (total > RECORD_EXPORT_MAX_ROWS) {
    throw fail(
      'EXPORT_TOO_LARGE',
      `符合條件的紀錄共 ${total.toLocaleString('en-US')} 筆，超過匯出上限 ${RECORD_EXPORT_MAX_ROWS.toLocaleString('en-US')} 筆，請縮小起迄日期或加上查詢條件後再匯出`,
    );
  }
}

/**
 * 管理主控台 › 日誌紀錄管理 (system admins only, 表 2): 帳號登入紀錄 and 帳號使用紀錄 of every user,
 * attempts on unknown accounts included, with the filters of the personal pages plus 帳號/姓名, and
 * 匯出 Excel of the same conditions.
 */
export function consoleRecordRoutes(deps: { prisma: PrismaClient; now?: () => Date }) {
  const { prisma } = deps;
  const now = deps.now ?? (() => new Date());
  const router = Router();

  router.get('/login', async (req, res) => {
    authorize(req.actor, 'records.search');
    const query = consoleLoginRecordQuerySchema(now).parse(req.query);
    const { total, rows } = await loginRecordPage(prisma, query);
    res.json({
      from: query.from,
      to: query.to,
      total,
      items: rows.map((row) => ({
        ...presentLoginRecord(row),
        ...who(row, row.account),
        reasonText: loginFailureText(row),
      })),
    });
  });

  router.get('/usage', async (req, res) => {
    authorize(req.actor, 'records.search');
    const query = consoleUsageRecordQuerySchema(now).parse(req.query);
    const { total, rows } = await usageRecordPage(prisma, query);
    res.json({
      from: query.from,
      to: query.to,
      total,
      items: rows.map((row) => ({
        ...presentUsageRecord(row),
        targetLabel: usageTargetLabel(row.action, row.target),
        ...who(row),
      })),
    });
  });

  router.get('/login/export', async (req, res) => {
    authorize(req.actor, 'records.export');
    const query = consoleLoginRecordQuerySchema(now).parse(req.query);
    const { total, rows } = await loginRecordsToExport(prisma, query, RECORD_EXPORT_MAX_ROWS);
    assertExportable(total);
    await record(req.actor, 'login', query, rows.length, req.ip);
    await sendRecordWorkbook(res, LOGIN_RECORDS_SHEET, rows);
  });

  router.get('/usage/export', async (req, res) => {
    authorize(req.actor, 'records.export');
    const query = consoleUsageRecordQuerySchema(now).parse(req.query);
    const { total, rows } = await usageRecordsToExport(prisma, query, RECORD_EXPORT_MAX_ROWS);
    assertExportable(total);
    await record(req.actor, 'usage', query, rows.length, req.ip);
    await sendRecordWorkbook(res, USAGE_RECORDS_SHEET, rows);
  });

  /** 匯出 is itself recorded in the admin's 帳號使用紀錄 (which records, under which conditions). */
  async function record(
    actor: Actor,
    kind: 'login' | 'usage',
    query: ConsoleLoginRecordQuery | ConsoleUsageRecordQuery,
    rows: number,
    ip?: string,
  ) {
    const { since: _s, until: _u, page: _p, pageSize: _ps, ...conditions } = query;
    await recordUsage(prisma, {
      userId: actor.id,
      action: 'records.export',
      target: kind,
      detail: { ...conditions, rows },
      ip: ip ?? null,
    });
  }

  return router;
}
