import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseRecords, readCsv } from "../../platform/csv";
import type { Db, DbOrTx } from "../../platform/db";
import {
  type ImportReport,
  newJoin,
  newReport,
  recordJoin,
  throwIfRejected,
} from "../../platform/import-report";
import { normalizeName } from "../../platform/text";
import * as geo from "../geo";
import {
  insertExports,
  insertGiRegistrations,
  insertHs,
  insertRevision,
  rebuildSearchIndex,
  recordImportRun,
  searchIndexVersion,
  upsertSectorTaxonomy,
} from "./commands";
import { placeOdopRows } from "./odop-rows";
import { loadPlacingContext } from "./placing-context";
import { lastImportRun, liveRevision } from "./queries";
import { exportRow, giRow, hsCodeRow, hsSectionRow, odopSeedRow } from "./schemas";
import { vocabularyFiles } from "./vocabulary";

export const seedFiles = {
  ...geo.geoSeedFiles,
  odop: "odop_dpiit_primary_products_by_district.csv",
  gi: "gi_registered_india_ipindia_2025.csv",
  hsSections: "hs_sections.csv",
  hsCodes: "hs_chapters_headings_2022.csv",
  exports: "district_sector_exports_fy2024-25_dgcis_derived.csv",
} as const;

export const seedRevision = {
  id: "dpiit-2026-04-primary",
  titleEn: "DPIIT / Invest India ODOP list, April 2026 copy — primary products",
  titleHi: "डीपीआईआईटी / इन्वेस्ट इंडिया ओडीओपी सूची, अप्रैल 2026 प्रति — प्राथमिक उत्पाद",
  source:
    "DPIIT / Invest India ODOP list (April 2026 copy), one product per district plus 14 second products",
  // The copy gives a month, not a day: the first of the month stands for it, and the notes say so.
  publishedAt: "2026-04-01",
  effectiveAt: "2026-04-01",
  notes:
    "Primary product of each district only; the official list has about 1,243 products in 775 districts. " +
    "Publication day not given in the source (month only). Sectors assigned by the keyword rule, not by the source.",
};

/**
 * Imports the whole seed folder in one transaction: everything or nothing. A second run over the same files
 * changes nothing; a run over different files is refused (reference data changes through new revisions).
 */
export async function importSeed(db: Db, dir: string): Promise<ImportReport> {
  const report = newReport("seed");
  const started = new Date();
  const previous = await lastImportRun(db, "seed");
  if (previous) {
    report.outcome = "unchanged";
    report.notes.push(
      `the seed was already imported on ${previous.finishedAt.toISOString()}; nothing changed`,
    );
    await refreshSearchVocabulary(db);
    return report;
  }
  await db.transaction(async (tx) => {
    await upsertSectorTaxonomy(tx);
    await geo.importLgdFiles(tx, dir, report);
    throwIfRejected(report);
    await importGi(tx, dir, report);
    await importOdopSeed(tx, dir, report);
    await geo.importBoundaries(tx, dir, report);
    await geo.importHindiNames(tx, report);
    await importHs(tx, dir, report);
    await importExports(tx, dir, report);
    throwIfRejected(report);
    // The place names and the index with the vocabulary, in the same transaction: one build of the index.
    const vocabulary = await applySearchVocabulary(tx, seedRevision.id, vocabularyDigest());
    report.notes.push(...vocabulary.notes.filter((n) => n.startsWith("search index")));
    await recordImportRun(tx, report, started);
  });
  return report;
}

/**
 * The files of the search vocabulary and the index's version, as one digest: what says whether the database's
 * search index was made from these.
 */
function vocabularyDigest(): string {
  const h = crypto.createHash("sha256").update(`search index ${searchIndexVersion}\n`);
  for (const f of [geo.placeNamesFile, ...vocabularyFiles]) h.update(fs.readFileSync(f));
  return h.digest("hex");
}

/**
 * Loads the reviewed place names and rebuilds the search index with the vocabulary (glossary, synonyms, product
 * words) when those files, or the way entries are made, differ from what the database last took — after a seed,
 * and on a start after an upgrade.
 * One transaction: a rejected row leaves the previous names in place and says which row.
 */
export async function refreshSearchVocabulary(db: Db): Promise<ImportReport | null> {
  const digest = vocabularyDigest();
  const last = await lastImportRun(db, "search-vocabulary");
  if ((last?.report as { notes?: string[] } | undefined)?.notes?.includes(`digest ${digest}`)) return null;
  return db.transaction(async (tx) =>
    applySearchVocabulary(tx, (await liveRevision(tx))?.id ?? null, digest),
  );
}

/** The place names, the search index of a revision rebuilt with the vocabulary, and the run that records them. */
async function applySearchVocabulary(
  tx: DbOrTx,
  revisionId: string | null,
  digest: string,
): Promise<ImportReport> {
  const report = newReport("search-vocabulary");
  const started = new Date();
  report.rowsRead = await geo.importPlaceNames(tx, report);
  throwIfRejected(report);
  if (revisionId) report.notes.push(`search index: ${await rebuildSearchIndex(tx, revisionId)} entries`);
  report.notes.push(`digest ${digest}`);
  await recordImportRun(tx, report, started);
  return report;
}

async function importGi(tx: DbOrTx, dir: string, report: ImportReport) {
  const file = readCsv(path.join(dir, seedFiles.gi));
  note(report, file);
  const rows = parseRecords(file, giRow, report.rejected);
  await insertGiRegistrations(
    tx,
    rows.map(({ line, row }) => ({
      listSerialNo: row.list_serial_no,
      name: row.gi_name,
      nameNorm: normalizeName(row.gi_name),
      goodsCategory: row.goods_category,
      goodsCategoryRaw: row.goods_category_raw,
      states: row.states.split("|").map((s) => s.trim()),
      origin: row.origin,
      duplicateOfSerial: row.duplicate_of_serial,
      sourceFile: file.name,
      sourceRow: line,
    })),
  );
  const serials = rows.map((r) => r.row.list_serial_no);
  const twice = [...new Set(serials.filter((s, i) => serials.indexOf(s) !== i))];
  if (twice.length)
    report.notes.push(
      `GI serial(s) ${twice.join(", ")} used by two registrations each: both kept, told apart by id`,
    );
  report.rowsPlaced += rows.length;
}

/** The seed's ODOP list: districts the current LGD lacks come in with their Dec-2022 codes, spellings as aliases. */
async function importOdopSeed(tx: DbOrTx, dir: string, report: ImportReport) {
  const file = readCsv(path.join(dir, seedFiles.odop));
  note(report, file);
  const rows = parseRecords(file, odopSeedRow, []);
  const stateCodes = new Set((await geo.listStates(tx)).map((s) => s.lgdCode));
  const former = rows.filter(
    (r) => r.row.district_match_method === "lgd_dec2022_only" && stateCodes.has(r.row.lgd_state_code),
  );
  for (const { line, row } of former)
    await geo.insertFormerDistrict(tx, {
      lgdCode: row.lgd_district_code,
      stateLgdCode: row.lgd_state_code,
      nameEn: row.lgd_district_name,
      sourceFile: file.name,
      sourceRow: line,
    });
  const known = new Set((await geo.listDistricts(tx)).map((d) => d.lgdCode));
  // Spellings become aliases only for districts that exist; a row naming an unknown code is rejected below.
  await geo.addAliases(
    tx,
    rows
      .filter(({ row }) => known.has(row.lgd_district_code))
      .map(({ line, row }) => ({
        districtLgdCode: row.lgd_district_code,
        alias: row.district,
        kind: "odop_sheet" as const,
        source: `${file.name} line ${line} (${row.district_match_method})`,
      })),
  );
  const placed = placeOdopRows(file, await loadPlacingContext(tx), report);
  throwIfRejected(report);
  await insertRevision(
    tx,
    { ...seedRevision, sourceFile: file.name, fileSha256: file.sha256, live: true },
    placed,
  );
  report.rowsPlaced += placed.length;
}

async function importHs(tx: DbOrTx, dir: string, report: ImportReport) {
  const sectionsFile = readCsv(path.join(dir, seedFiles.hsSections));
  const codesFile = readCsv(path.join(dir, seedFiles.hsCodes));
  note(report, sectionsFile);
  note(report, codesFile);
  const sections = parseRecords(sectionsFile, hsSectionRow, report.rejected);
  const codes = parseRecords(codesFile, hsCodeRow, report.rejected);
  await insertHs(
    tx,
    sections.map(({ row }) => ({ code: row.section, name: row.name })),
    codes.map(({ row }) => ({
      code: row.hscode,
      sectionCode: row.section === "TOTAL" ? null : row.section,
      description: row.description,
      parentCode: row.parent === "TOTAL" ? null : row.parent,
      level: row.level,
    })),
  );
  report.rowsPlaced += sections.length + codes.length;
}

/**
 * Export rows use Census-2011-era names in capitals. Each distinct district name is placed once through the
 * same alias index; rows that cannot be placed are kept (totals stay those of the source) and listed.
 */
async function importExports(tx: DbOrTx, dir: string, report: ImportReport) {
  const file = readCsv(path.join(dir, seedFiles.exports));
  note(report, file);
  const rows = parseRecords(file, exportRow, report.rejected);
  const places = await geo.loadPlaceIndex(tx);
  const join = newJoin("district exports FY 2024-25 ↔ LGD districts (distinct names)");
  const placeOf = new Map<string, { state: number | null; district: number | null; method: string }>();
  for (const { row } of rows) {
    const key = `${row.State}|${row.District}`;
    if (placeOf.has(key)) continue;
    const state = places.stateCode(row.State);
    const m = state === null ? null : places.matchDistrict(state, row.District);
    const hit = m?.status === "matched" ? m : null;
    recordJoin(join, hit?.method ?? null, `${row.District} (${row.State})`);
    placeOf.set(key, { state, district: hit?.lgdCode ?? null, method: hit?.method ?? "unmatched" });
  }
  report.joins.push(join);
  await insertExports(
    tx,
    rows.map(({ line, row }) => {
      const p = placeOf.get(`${row.State}|${row.District}`);
      return {
        fiscalYear: "2024-25",
        stateLgdCode: p?.state ?? null,
        districtLgdCode: p?.district ?? null,
        stateAsGiven: row.State,
        districtAsGiven: row.District,
        districtMatch: p?.method ?? "unmatched",
        sector: row.sector,
        exportUsd: row.export_usd,
        exportInr: row.export_inr,
        avgPci: row.avg_pci,
        eci: row.eci,
        sourceFile: file.name,
        sourceRow: line,
      };
    }),
  );
  report.rowsPlaced += rows.length;
}

function note(report: ImportReport, file: { name: string; sha256: string; records: unknown[] }) {
  report.files.push({ name: file.name, sha256: file.sha256, rows: file.records.length });
  report.rowsRead += file.records.length;
}
