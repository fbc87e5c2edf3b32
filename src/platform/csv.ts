import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import type { RejectedRow } from "./import-report";

export type CsvFile = {
  name: string;
  sha256: string;
  header: string[];
  /** Each record with its line number in the file (the header is line 1). */
  records: { line: number; values: Record<string, string> }[];
};

/** Reads a whole UTF-8 CSV with a header row; a file that is not such a CSV throws with its name. */
export function readCsv(file: string): CsvFile {
  return csvFromBuffer(path.basename(file), fs.readFileSync(file));
}

/** A CSV file's bytes (from disk or an upload) as records; a file that is not such a CSV throws with its name. */
export function csvFromBuffer(name: string, buf: Buffer): CsvFile {
  const text = buf.toString("utf8").replace(/^\uFEFF/, "");
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true });
  } catch (err) {
    throw new Error(`${name} is not a readable CSV file: ${(err as Error).message}`);
  }
  return fromRows(name, buf, rows);
}

/** A table's rows (the first is the header) as a file of records, with the file's hash. */
export function fromRows(name: string, buf: Buffer, rows: string[][]): CsvFile {
  const [header = [], ...body] = rows;
  const names = header.map((h) => h.trim());
  return {
    name,
    sha256: crypto.createHash("sha256").update(buf).digest("hex"),
    header: names,
    records: body.map((cells, i) => ({
      line: i + 2,
      values: Object.fromEntries(names.map((h, j) => [h, (cells[j] ?? "").trim()])),
    })),
  };
}

/** Checks that a file has the columns an importer needs before any row is read. */
export function missingColumns(file: CsvFile, required: readonly string[]): string[] {
  return required.filter((c) => !file.header.includes(c));
}

/** Parses each record with its zod schema; a record that fails becomes a rejected row naming the field. */
export function parseRecords<S extends z.ZodType>(
  file: CsvFile,
  schema: S,
  rejected: RejectedRow[],
): { line: number; row: z.infer<S> }[] {
  const out: { line: number; row: z.infer<S> }[] = [];
  for (const rec of file.records) {
    const parsed = schema.safeParse(rec.values);
    if (parsed.success) out.push({ line: rec.line, row: parsed.data });
    else
      for (const issue of parsed.error.issues)
        rejected.push({
          file: file.name,
          line: rec.line,
          field: issue.path.join("."),
          reason: `${issue.path.join(".") || "row"}: ${issue.message}`,
        });
  }
  return out;
}
