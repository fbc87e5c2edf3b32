import path from "node:path";
import { z } from "zod";
import { parseRecords, readCsv } from "../../platform/csv";
import type { DbOrTx } from "../../platform/db";
import type { ImportReport } from "../../platform/import-report";
import { replacePlaceNames } from "./commands";
import { listDistricts, listStates } from "./queries";

/**
 * The names India's places went by and people still use (Bombay, Benares, Orissa), each mapped to today's LGD
 * district or State — a city to the district that holds it — with the source of every row. Reviewed data: a row is
 * added with its source, never guessed.
 */
export const placeNamesFile = path.join(import.meta.dirname, "place-names.csv");

const placeNameRow = z.object({
  name: z.string().trim().min(2).max(100),
  level: z.enum(["district", "state"]),
  lgd_code: z.coerce.number().int().positive(),
  /** Today's LGD name, written beside the code so that a reviewer sees the mapping and a changed code is caught. */
  today: z.string().trim().min(2),
  kind: z.enum(["former", "colloquial"]),
  source: z.string().trim().min(8),
});

/**
 * Replaces the former and colloquial names of States and districts with those of the file. A row whose code is not
 * in the LGD list, or whose `today` is not that code's current name, is rejected and nothing is written.
 */
export async function importPlaceNames(
  tx: DbOrTx,
  report: ImportReport,
  from = placeNamesFile,
): Promise<number> {
  const file = readCsv(from);
  report.files.push({ name: file.name, sha256: file.sha256, rows: file.records.length });
  const rows = parseRecords(file, placeNameRow, report.rejected);
  const stateNames = new Map((await listStates(tx)).map((s) => [s.lgdCode, s.nameEn]));
  const districtNames = new Map((await listDistricts(tx)).map((d) => [d.lgdCode, d.nameEn]));
  for (const { line, row } of rows) {
    const current = (row.level === "state" ? stateNames : districtNames).get(row.lgd_code);
    if (current !== row.today)
      report.rejected.push({
        file: file.name,
        line,
        field: "today",
        reason: current
          ? `today: LGD ${row.level} ${row.lgd_code} is "${current}", not "${row.today}"`
          : `lgd_code: no current ${row.level} ${row.lgd_code}`,
      });
  }
  if (report.rejected.length > 0) return 0;
  const named = rows.map(({ row }) => ({
    code: row.lgd_code,
    alias: row.name,
    kind: row.kind,
    source: row.source,
  }));
  await replacePlaceNames(tx, {
    states: named.filter((_, i) => rows[i]?.row.level === "state"),
    districts: named.filter((_, i) => rows[i]?.row.level === "district"),
  });
  return rows.length;
}
