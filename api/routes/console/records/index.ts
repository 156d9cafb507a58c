import type { PrismaClient } from '@prisma/client';
import ExcelJS from 'exceljs';
import { Router, type Response } from 'express';
import {
  consoleLoginRecordQuerySchema,
  consoleUsageRecordQuerySchema,
  loginActionLabel,
  loginMethodLabel,
  loginReasonLabel,
  loginResultLabel,
  parseReason,
  type ConsoleLoginRecordQuery,
  type ConsoleUsageRecordQuery,
} from '../../../../domain/login-records';
import { usageActionLabel } from '../../../../domain/usage-actions';
import { parseUserAgent } from '../../../../domain/user-agent';
import { getParameterDefinition } from '../../../../domain/system-parameters';
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

/** The most rows one 匯出 Excel writes; a larger result asks for narrower conditions. */
export const RECORD_EXPORT_MAX_ROWS = 10_000;

type WithUser = {
  user: { account: string; name: string; organization: { name: string; agency: { name: string } | null } } | null;
};

const who = (row: WithUser, fallbackAccount = '') => ({
  account: row.user?.account ?? fallbackAccount,
  name: row.user?.name ?? '',
  agency: row.user ? (row.user.organization.agency?.name ?? row.user.organization.name) : '',
});

/** 對象 in words where the code has a name: a system parameter's label, which records were exported. */
function usageTargetLabel(action: string, target: string | null): string {
  if (!target) return '';
  if (action === 'parameter.update') return getParameterDefinition(target)?.label ?? target;
  if (action === 'records.export') return target === 'login' ? '帳號登入紀錄' : target === 'usage' ? '帳號使用紀錄' : target;
  return target;
}

/** YYYY-MM-DD HH:mm:ss in Taiwan (UTC+8). */
const taipeiDateTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

async function sendWorkbook(
  res: Response,
  fileBase: string,
  columns: { header: string; key: string; width: number }[],
  rows: object[],
) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '臺南市政府公務入口網';
  const sheet = workbook.addWorksheet(fileBase);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.addRows(rows);
  const buffer = await workbook.xlsx.writeBuffer();
  const stamp = taipeiDateTime(new Date()).replace(/[-: ]/g, '').slice(0, 12);
  const name = `${fileBase}_${stamp}.xlsx`;
  res
    .status(200)
    .set('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .set('content-disposition', `attachment; filename="records_${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .set('cache-control', 'no-store')
    .send(Buffer.from(buffer));
}

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
        reasonText: row.result === 'FAILURE' ? loginReasonLabel(parseReason(row.reason).code) || '登入失敗' : '',
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
    await sendWorkbook(
      res,
      '帳號登入紀錄',
      [
        { header: '操作時間', key: 'at', width: 20 },
        { header: '帳號', key: 'account', width: 16 },
        { header: '姓名', key: 'name', width: 12 },
        { header: '機關', key: 'agency', width: 20 },
        { header: '登入方式', key: 'method', width: 16 },
        { header: 'IP', key: 'ip', width: 16 },
        { header: '瀏覽器', key: 'browser', width: 22 },
        { header: '動作', key: 'action', width: 10 },
        { header: '操作結果', key: 'result', width: 10 },
        { header: '失敗原因', key: 'reason', width: 28 },
      ],
      rows.map((row) => ({
        at: taipeiDateTime(row.at),
        ...who(row, row.account),
        method: loginMethodLabel(row.method),
        ip: row.ip ?? '',
        browser: parseUserAgent(row.userAgent).label,
        action: loginActionLabel(row.action),
        result: loginResultLabel(row.result),
        reason: row.result === 'FAILURE' ? loginReasonLabel(parseReason(row.reason).code) || '登入失敗' : '',
      })),
    );
  });

  router.get('/usage/export', async (req, res) => {
    authorize(req.actor, 'records.export');
    const query = consoleUsageRecordQuerySchema(now).parse(req.query);
    const { total, rows } = await usageRecordsToExport(prisma, query, RECORD_EXPORT_MAX_ROWS);
    assertExportable(total);
    await record(req.actor, 'usage', query, rows.length, req.ip);
    await sendWorkbook(
      res,
      '帳號使用紀錄',
      [
        { header: '操作時間', key: 'at', width: 20 },
        { header: '帳號', key: 'account', width: 16 },
        { header: '姓名', key: 'name', width: 12 },
        { header: '機關', key: 'agency', width: 20 },
        { header: '動作', key: 'action', width: 26 },
        { header: '對象', key: 'target', width: 20 },
        { header: 'IP', key: 'ip', width: 16 },
      ],
      rows.map((row) => ({
        at: taipeiDateTime(row.at),
        ...who(row),
        action: usageActionLabel(row.action),
        target: usageTargetLabel(row.action, row.target),
        ip: row.ip ?? '',
      })),
    );
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
