import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { REPAIR_STATUS_LABELS } from '../../domain/repairs/labels';
import type { ExportTicket } from '../queries/repair-stats';

// 處理狀況 › 匯出: the manual's 報表匯出範例, its 11 columns in its order, one row per ticket, written
// to the response as it is read (exceljs' streaming writer: a row is zipped and sent once committed).

const TAIPEI_OFFSET_MS = 8 * 3_600_000;
const taipei = (at: Date) => new Date(at.getTime() + TAIPEI_OFFSET_MS).toISOString();
/** 報修日期: 2024/07/12 06:29 (Taiwan). */
export const reportedAt = (at: Date) => taipei(at).slice(0, 16).replace('T', ' ').replace(/-/g, '/');
/** 處理時間: 2024-07-16 16:56 (Taiwan). */
export const handledAtText = (at: Date | null) => (at ? taipei(at).slice(0, 16).replace('T', ' ') : '');

/** 處理狀況詳細: each 處理狀況回報 as four lines, in order, a blank line between two. */
export const replyDetail = (replies: ExportTicket['replies']) =>
  replies
    .map((r) =>
      [
        `處理人員：${r.handlerName ?? ''}`,
        `處理時間：${handledAtText(r.handledAt)}`,
        `處理結果：${r.result ?? ''}`,
        `分類：${r.categoryName ?? ''}`,
      ].join('\n'),
    )
    .join('\n\n');

type Column = readonly [header: string, width: number, cell: (t: ExportTicket, typeName: string) => string | number];

export const REPAIR_EXPORT_COLUMNS: readonly Column[] = [
  ['報修類型', 18, (_t, typeName) => typeName],
  ['報修單位', 16, (t) => t.unit],
  ['報修人員', 12, (t) => t.reporterName],
  ['報修人員公務電話', 16, (t) => t.officePhone ?? ''],
  ['所在地點', 20, (t) => t.location],
  ['所在樓層', 10, (t) => t.floor],
  ['報修日期', 18, (t) => reportedAt(t.createdAt)],
  ['故障原因', 36, (t) => t.fault],
  ['處理狀況', 10, (t) => REPAIR_STATUS_LABELS[t.status]],
  ['退回次數', 10, (t) => t.returnCount],
  ['處理狀況詳細', 48, (t) => replyDetail(t.replies)],
];

const safeName = (name: string) => name.replace(/[\\/:*?"<>|]|\p{Cc}/gu, '_').slice(0, 60);

/** Streams the workbook of `pages` (each a batch of tickets) as the download. */
export async function sendRepairExport(
  res: Response,
  meta: { typeName: string; from: string; to: string },
  pages: AsyncIterable<ExportTicket[]>,
) {
  const stamp = `${meta.from.replace(/-/g, '')}-${meta.to.replace(/-/g, '')}`;
  const fileName = `${safeName(meta.typeName)}_處理狀況_${stamp}.xlsx`;
  res
    .status(200)
    .set('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .set(
      'content-disposition',
      `attachment; filename="repair-stats_${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .set('cache-control', 'no-store');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  workbook.creator = '臺南市政府公務入口網';
  const ws = workbook.addWorksheet('處理狀況', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = REPAIR_EXPORT_COLUMNS.map(([, width], i) => ({ key: `c${i}`, width }));
  const header = ws.addRow(REPAIR_EXPORT_COLUMNS.map(([name]) => name));
  header.font = { bold: true };
  header.commit();
  for await (const page of pages) {
    for (const ticket of page) {
      const row = ws.addRow(REPAIR_EXPORT_COLUMNS.map(([, , cell]) => cell(ticket, meta.typeName)));
      row.alignment = { vertical: 'top', wrapText: true };
      row.commit();
    }
  }
  ws.commit();
  await workbook.commit();
}
