import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { type CsvFile, csvFromBuffer, fromRows } from "./csv";
import { checkListUpload } from "./upload-check";

/** A cell as the text a person sees in it (dates as YYYY-MM-DD, formulas as their result, rich text as its words). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}

/**
 * A list as uploaded or named on the command line, CSV or XLSX (its first worksheet, first row the header), read
 * into the same records, so that one importer checks both. The file is checked first (size, content matching its
 * name, no ZIP bomb: `UploadRefused`); a file that still cannot be read throws with its name.
 */
export async function listFromBuffer(name: string, buf: Buffer): Promise<CsvFile> {
  if ((await checkListUpload(name, buf)) === "csv") return csvFromBuffer(name, buf);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw new Error(`${name} is not a readable XLSX file: ${(err as Error).message}`);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error(`${name} has no worksheet`);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    if (cells.some((v) => v !== "")) rows.push(cells);
  });
  return fromRows(name, buf, rows);
}

export async function readListFile(file: string): Promise<CsvFile> {
  return listFromBuffer(path.basename(file), fs.readFileSync(file));
}
