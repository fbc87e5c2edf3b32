import { once } from "node:events";
import fs from "node:fs";
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";

/** Rows arrive in batches so that no whole table is ever held in memory. */
export type Batches = AsyncIterable<Record<string, unknown>[]>;

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) is kept as text with a
 * leading apostrophe: OWASP's CSV-injection advice. Every CSV the platform writes passes its cells through this.
 */
export const formulaSafe = <T>(v: T): T | string =>
  typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;

const cell = (v: unknown): string | number | boolean | null =>
  v === null || v === undefined
    ? null
    : Array.isArray(v)
      ? v.join("|")
      : typeof v === "object"
        ? JSON.stringify(v)
        : (v as string | number | boolean);

async function write(out: fs.WriteStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}

async function close(out: fs.WriteStream): Promise<void> {
  out.end();
  await once(out, "finish");
}

/**
 * CSV with a header row; lists are joined with "|". Returns the number of rows written. The file starts with a UTF-8
 * byte-order mark: without it Excel on Windows reads the file in the local code page and Hindi comes out garbled;
 * other tools skip it.
 */
export async function writeCsv(file: string, columns: string[], batches: Batches): Promise<number> {
  const out = fs.createWriteStream(file);
  const csv = stringify({ header: true, columns, bom: true, cast: { boolean: (b) => String(b) } });
  csv.pipe(out);
  let n = 0;
  for await (const batch of batches)
    for (const row of batch) {
      if (!csv.write(columns.map((c) => formulaSafe(cell(row[c]))))) await once(csv, "drain");
      n++;
    }
  csv.end();
  await once(out, "finish");
  return n;
}

/** JSON: `{ "meta": {...}, "rows": [...] }`, written row by row. */
export async function writeJson(file: string, meta: object, batches: Batches): Promise<number> {
  const out = fs.createWriteStream(file);
  await write(out, `{"meta":${JSON.stringify(meta)},"rows":[`);
  let n = 0;
  for await (const batch of batches)
    for (const row of batch) await write(out, `${n++ === 0 ? "\n" : ",\n"}${JSON.stringify(row)}`);
  await write(out, "\n]}\n");
  await close(out);
  return n;
}

/** XLSX through ExcelJS's streaming writer: a data sheet and a sheet that says what the data is. */
export async function writeXlsx(
  file: string,
  columns: string[],
  about: [string, string][],
  batches: Batches,
): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = book.addWorksheet("data");
  sheet.addRow(columns).commit();
  let n = 0;
  for await (const batch of batches)
    for (const row of batch) {
      sheet.addRow(columns.map((c) => cell(row[c]))).commit();
      n++;
    }
  sheet.commit();
  const info = book.addWorksheet("about");
  for (const pair of about) info.addRow(pair).commit();
  info.commit();
  await book.commit();
  return n;
}

/** GeoJSON FeatureCollection, one feature at a time. */
export async function writeGeoJson(
  file: string,
  meta: object,
  features: AsyncIterable<{ geometry: unknown; properties: Record<string, unknown> }[]>,
): Promise<number> {
  const out = fs.createWriteStream(file);
  await write(out, `{"type":"FeatureCollection","metadata":${JSON.stringify(meta)},"features":[`);
  let n = 0;
  for await (const batch of features)
    for (const f of batch)
      await write(
        out,
        `${n++ === 0 ? "\n" : ",\n"}${JSON.stringify({ type: "Feature", properties: f.properties, geometry: f.geometry })}`,
      );
  await write(out, "\n]}\n");
  await close(out);
  return n;
}

/** Batches from a page function (offset, limit) until a short page. */
export async function* pagesOf<T extends Record<string, unknown>>(
  page: (offset: number, limit: number) => Promise<T[]>,
  size = 5000,
): AsyncIterable<T[]> {
  for (let offset = 0; ; offset += size) {
    const rows = await page(offset, size);
    if (rows.length) yield rows;
    if (rows.length < size) return;
  }
}

/**
 * CSV of people's entries (names, reasons) as a response body, streamed row by row: constant memory, whatever the
 * number of rows, and no cell can become a formula.
 */
export function csvStream(columns: string[], rows: AsyncIterable<Record<string, unknown>>): ReadableStream {
  const csv = stringify({ header: true, columns, bom: true });
  (async () => {
    try {
      for await (const row of rows)
        if (!csv.write(columns.map((c) => formulaSafe(cell(row[c]))))) await once(csv, "drain");
      csv.end();
    } catch (err) {
      csv.destroy(err as Error);
    }
  })();
  return Readable.toWeb(csv) as ReadableStream;
}
