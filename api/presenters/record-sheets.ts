import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { loginActionLabel, loginMethodLabel, loginReasonLabel, loginResultLabel, parseReason } from '../../domain/login-records';
import { getParameterDefinition } from '../../domain/system-parameters';
import { usageActionLabel } from '../../domain/usage-actions';
import { parseUserAgent } from '../../domain/user-agent';
import type { loginRecordsToExport, usageRecordsToExport } from '../queries/records';

// 日誌紀錄管理's records as the console shows them and as 匯出 Excel writes them: one definition per
// sheet (its columns, in the page's order, with each cell's words), one workbook writer.

type WithUser = {
  user: { account: string; name: string; organization: { name: string; agency: { name: string } | null } } | null;
};

/** 帳號, 姓名, 機關 of a record (an attempt on an unknown account keeps the account typed). */
export const who = (row: WithUser, fallbackAccount = '') => ({
  account: row.user?.account ?? fallbackAccount,
  name: row.user?.name ?? '',
  agency: row.user ? (row.user.organization.agency?.name ?? row.user.organization.name) : '',
});

/** 對象 in words where the code has a name: a system parameter's label, which records were exported. */
export function usageTargetLabel(action: string, target: string | null): string {
  if (!target) return '';
  if (action === 'parameter.update') return getParameterDefinition(target)?.label ?? target;
  if (action === 'records.export') return target === 'login' ? '帳號登入紀錄' : target === 'usage' ? '帳號使用紀錄' : target;
  return target;
}

/** 失敗原因 of a login record in words (blank for a success). */
export const loginFailureText = (row: { result: string; reason: string | null }) =>
  row.result === 'FAILURE' ? loginReasonLabel(parseReason(row.reason).code) || '登入失敗' : '';

/** YYYY-MM-DD HH:mm:ss in Taiwan (UTC+8). */
export const taipeiDateTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

type Column<R> = readonly [header: string, width: number, cell: (row: R) => string];
export interface RecordSheet<R> {
  name: string;
  columns: readonly Column<R>[];
}

type LoginRow = Awaited<ReturnType<typeof loginRecordsToExport>>['rows'][number];
type UsageRow = Awaited<ReturnType<typeof usageRecordsToExport>>['rows'][number];

export const LOGIN_RECORDS_SHEET: RecordSheet<LoginRow> = {
  name: '帳號登入紀錄',
  columns: [
    ['操作時間', 20, (r) => taipeiDateTime(r.at)],
    ['帳號', 16, (r) => who(r, r.account).account],
    ['姓名', 12, (r) => who(r).name],
    ['機關', 20, (r) => who(r).agency],
    ['登入方式', 16, (r) => loginMethodLabel(r.method)],
    ['IP', 16, (r) => r.ip ?? ''],
    ['瀏覽器', 22, (r) => parseUserAgent(r.userAgent).label],
    ['動作', 10, (r) => loginActionLabel(r.action)],
    ['操作結果', 10, (r) => loginResultLabel(r.result)],
    ['失敗原因', 28, loginFailureText],
  ],
};

export const USAGE_RECORDS_SHEET: RecordSheet<UsageRow> = {
  name: '帳號使用紀錄',
  columns: [
    ['操作時間', 20, (r) => taipeiDateTime(r.at)],
    ['帳號', 16, (r) => who(r).account],
    ['姓名', 12, (r) => who(r).name],
    ['機關', 20, (r) => who(r).agency],
    ['動作', 26, (r) => usageActionLabel(r.action)],
    ['對象', 20, (r) => usageTargetLabel(r.action, r.target)],
    ['IP', 16, (r) => r.ip ?? ''],
  ],
};

/** The sheet as an .xlsx (header row bold and frozen) and the file's name, 帳號登入紀錄_202612071930.xlsx. */
export async function recordWorkbook<R>(sheet: RecordSheet<R>, rows: readonly R[], now = new Date()) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '臺南市政府公務入口網';
  const ws = workbook.addWorksheet(sheet.name);
  ws.columns = sheet.columns.map(([header, width], i) => ({ header, key: `c${i}`, width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.addRows(rows.map((row) => Object.fromEntries(sheet.columns.map(([, , cell], i) => [`c${i}`, cell(row)]))));
  const stamp = taipeiDateTime(now).replace(/[-: ]/g, '').slice(0, 12);
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), stamp, fileName: `${sheet.name}_${stamp}.xlsx` };
}

/** 匯出 Excel: the workbook as a download. */
export async function sendRecordWorkbook<R>(res: Response, sheet: RecordSheet<R>, rows: readonly R[]) {
  const { buffer, stamp, fileName } = await recordWorkbook(sheet, rows);
  res
    .status(200)
    .set('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .set('content-disposition', `attachment; filename="records_${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .set('cache-control', 'no-store')
    .send(buffer);
}
