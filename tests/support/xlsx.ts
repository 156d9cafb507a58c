import ExcelJS from 'exceljs';

/**
 * A 匯出 read back: GETs the path in the session, checks it is a workbook named after the sheet
 * (「<sheet>_…」 in content-disposition) and returns that sheet, read with exceljs.
 */
export async function downloadSheet(session: { download: (path: string) => Promise<Response> }, path: string, name: string) {
  const file = await session.download(path);
  if (file.status !== 200) throw new Error(`${path} answered ${file.status}`);
  const disposition = decodeURIComponent(file.headers.get('content-disposition') ?? '');
  if (!disposition.includes(`${name}_`)) throw new Error(`${path} is not named ${name}_…: ${disposition}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name} in the workbook`);
  return sheet;
}
