import type { CsvFile } from "../../platform/csv";
import type { Db } from "../../platform/db";
import { type ImportReport, newReport, throwIfRejected } from "../../platform/import-report";
import { slugify } from "../../platform/text";
import { insertRevision, rebuildSearchIndex, recordImportRun } from "./commands";
import { placeOdopRows } from "./odop-rows";
import { loadPlacingContext } from "./placing-context";
import { revisionById, revisionBySha } from "./queries";
import { type RevisionMeta, revisionMeta } from "./schemas";

/**
 * Imports a national ODOP list as a new revision, all rows or none. The same file twice changes nothing;
 * a file with any row that cannot be placed changes nothing and lists every such row.
 */
export async function importOdopList(db: Db, file: CsvFile, metaInput: RevisionMeta): Promise<ImportReport> {
  const report = newReport("odop-list");
  const started = new Date();
  report.files.push({ name: file.name, sha256: file.sha256, rows: file.records.length });
  report.rowsRead = file.records.length;
  const same = await revisionBySha(db, file.sha256);
  if (same) {
    report.outcome = "unchanged";
    report.notes.push(`this file was already imported as revision "${same.id}"; nothing changed`);
    return report;
  }
  const meta = revisionMeta.safeParse(metaInput);
  if (!meta.success) {
    for (const i of meta.error.issues)
      report.rejected.push({
        file: file.name,
        line: 0,
        field: i.path.join("."),
        reason: `${i.path.join(".")}: ${i.message}`,
      });
    report.outcome = "rejected";
    return report;
  }
  const id = meta.data.id ?? slugify(`${meta.data.titleEn} ${meta.data.publishedAt}`).slice(0, 60);
  const placed = placeOdopRows(file, await loadPlacingContext(db), report);
  if (await revisionById(db, id))
    report.rejected.push({
      file: file.name,
      line: 0,
      field: "id",
      reason: `id: a revision "${id}" already exists`,
    });
  if (report.rejected.length > 0) {
    report.outcome = "rejected";
    return report;
  }
  await db.transaction(async (tx) => {
    await insertRevision(
      tx,
      {
        id,
        titleEn: meta.data.titleEn,
        titleHi: meta.data.titleHi || meta.data.titleEn,
        source: meta.data.source,
        sourceFile: file.name,
        fileSha256: file.sha256,
        publishedAt: meta.data.publishedAt,
        effectiveAt: meta.data.effectiveAt ?? meta.data.publishedAt,
        notes: meta.data.notes,
        live: meta.data.live,
      },
      placed,
    );
    report.rowsPlaced = placed.length;
    if (meta.data.live) await rebuildSearchIndex(tx, id);
    throwIfRejected(report);
    await recordImportRun(tx, report, started);
  });
  report.notes.push(`imported as revision "${id}"${meta.data.live ? ", now live" : " (not live)"}`);
  return report;
}
