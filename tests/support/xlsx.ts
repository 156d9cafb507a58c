import ExcelJS from 'exceljs';

/** The named sheet of a downloaded workbook (匯出), read back with exceljs. */
export async function downloadedSheet(file: Response, name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name} in the workbook`);
  return sheet;
}
