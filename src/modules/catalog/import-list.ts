import type { CsvFile } from "../../platform/csv";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { type ImportReport, newReport } from "../../platform/import-report";
import { slugify } from "../../platform/text";
import { type Actor, requireActor } from "../accounts";
import { publishDraft, publisherGrant, saveUploadedDraft } from "./commands";
import { placeOdopRows } from "./odop-rows";
import { loadPlacingContext } from "./placing-context";
import { revisionBySha } from "./queries";
import { anyRevisionById, draftRevision } from "./queries/revisions";
import { type RevisionMeta, revisionMeta } from "./schemas";

/**
 * Reads a whole national ODOP list (the DPIIT list, as CSV or XLSX) into the draft revision, all rows or none: every
 * row is placed on an LGD district, and a file with any row that cannot be placed changes nothing and lists every such
 * row. The same file twice changes nothing; while another draft is open, nothing is read. The administrator then
 * looks at the draft's diff and publishes it (or the CLI does, unless told --draft). Audited, with the actor.
 */
export async function uploadList(
  db: Db,
  actor: Actor | null,
  file: CsvFile,
  metaInput: RevisionMeta,
): Promise<{ report: ImportReport; draftId: string | null }> {
  publisherGrant(requireActor(actor));
  const report = newReport("odop-list");
  const started = new Date();
  report.files.push({ name: file.name, sha256: file.sha256, rows: file.records.length });
  report.rowsRead = file.records.length;
  const reject = (field: string, reason: string) =>
    report.rejected.push({ file: file.name, line: 0, field, reason: `${field}: ${reason}` });
  const same = await revisionBySha(db, file.sha256);
  if (same) {
    report.outcome = "unchanged";
    report.notes.push(`this file was already imported as revision "${same.id}"; nothing changed`);
    return { report, draftId: null };
  }
  const meta = revisionMeta.safeParse(metaInput);
  if (!meta.success) {
    for (const i of meta.error.issues) reject(i.path.join("."), i.message);
    report.outcome = "rejected";
    return { report, draftId: null };
  }
  const open = await draftRevision(db);
  if (open) reject("draft", `the draft "${open.id}" is open: publish or discard it first`);
  const id = meta.data.id ?? slugify(`${meta.data.titleEn} ${meta.data.publishedAt}`).slice(0, 60);
  if (await anyRevisionById(db, id)) reject("id", `a revision "${id}" already exists`);
  const placed = placeOdopRows(file, await loadPlacingContext(db), report);
  if (report.rejected.length > 0) {
    report.outcome = "rejected";
    return { report, draftId: null };
  }
  report.rowsPlaced = placed.length;
  await saveUploadedDraft(db, actor, report, started, {
    id,
    titleEn: meta.data.titleEn,
    titleHi: meta.data.titleHi || meta.data.titleEn,
    source: meta.data.source,
    sourceFile: file.name,
    fileSha256: file.sha256,
    publishedAt: meta.data.publishedAt,
    effectiveAt: meta.data.effectiveAt ?? meta.data.publishedAt,
    notes: meta.data.notes,
    placed,
  });
  report.notes.push(`read into the draft revision "${id}"`);
  return { report, draftId: id };
}

/**
 * `npm run import`: the same upload, then (unless `live: false`) the same publish as the administrator's page, both
 * audited as the named administrator.
 */
export async function importOdopList(
  db: Db,
  actor: Actor | null,
  file: CsvFile,
  metaInput: RevisionMeta,
): Promise<ImportReport> {
  const { report, draftId } = await uploadList(db, actor, file, metaInput);
  if (!draftId || metaInput.live === false) return report;
  const draft = await draftRevision(db);
  if (!draft) throw new AppError("conflict", "The draft went away before it could be published");
  await publishDraft(db, actor, {
    version: draft.version,
    titleEn: draft.titleEn,
    titleHi: draft.titleHi,
    effectiveAt: draft.effectiveAt,
    notes: draft.notes,
  });
  report.notes.push(`published: revision "${draftId}" is now live`);
  return report;
}
