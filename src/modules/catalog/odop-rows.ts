import { type CsvFile, missingColumns, parseRecords } from "../../platform/csv";
import type { ImportReport } from "../../platform/import-report";
import { newJoin, recordJoin } from "../../platform/import-report";
import { normalizeName } from "../../platform/text";
import type { PlaceIndex } from "../geo";
import type { GiIndex } from "./gi-match";
import { odopOfficialRow, odopSeedRow } from "./schemas";
import { type SectorCode, sectorByKeyword, sectorByName } from "./sectors";

export type OdopFormat = "seed" | "official";

export type PlacedProduct = {
  line: number;
  stateLgdCode: number;
  districtLgdCode: number;
  name: string;
  rank: "Primary" | "Secondary" | "Tertiary" | "Others";
  sectorCode: SectorCode | null;
  sectorSetBy: "source" | "keyword_rule" | "unassigned";
  sectorRule: string | null;
  description: string | null;
  giStatusAsPublished: string | null;
  photoUrl: string | null;
  stateAsPublished: string;
  districtAsPublished: string;
  districtMatch: string;
  gi: { giId: number; status: "suggested" | "hint"; basis: string }[];
};

const officialColumns = ["State", "District", "Product", "Category"] as const;

export function detectOdopFormat(file: CsvFile): OdopFormat | null {
  if (missingColumns(file, Object.keys(odopSeedRow.shape)).length === 0) return "seed";
  if (missingColumns(file, officialColumns).length === 0) return "official";
  return null;
}

export type PlacingContext = { places: PlaceIndex; gi: GiIndex; districtState: Map<number, number> };

/**
 * Places every row of an ODOP list on an LGD district. Rows that cannot be placed (unknown or ambiguous
 * district, missing field, duplicate product in a district) are added to the report's rejections.
 */
export function placeOdopRows(file: CsvFile, ctx: PlacingContext, report: ImportReport): PlacedProduct[] {
  const format = detectOdopFormat(file);
  if (format === null) {
    report.rejected.push({
      file: file.name,
      line: 1,
      reason: `not an ODOP list: expected the columns ${officialColumns.join(", ")} (and optionally Sector, Description, GI Status)`,
    });
    return [];
  }
  const join = newJoin(`ODOP list (${file.name}) ↔ LGD districts`);
  const placed =
    format === "seed" ? placeSeedRows(file, ctx, report, join) : placeOfficialRows(file, ctx, report, join);
  report.joins.push(join);
  rejectDuplicates(file.name, placed, report);
  return placed;
}

function placeSeedRows(
  file: CsvFile,
  ctx: PlacingContext,
  report: ImportReport,
  join: ReturnType<typeof newJoin>,
): PlacedProduct[] {
  const out: PlacedProduct[] = [];
  for (const { line, row } of parseRecords(file, odopSeedRow, report.rejected)) {
    const state = ctx.districtState.get(row.lgd_district_code);
    if (state === undefined || state !== row.lgd_state_code) {
      recordJoin(join, null, `${row.district} (${row.state})`);
      report.rejected.push({
        file: file.name,
        line,
        field: "lgd_district_code",
        reason: `lgd_district_code: no district ${row.lgd_district_code} in State ${row.lgd_state_code}`,
      });
      continue;
    }
    recordJoin(join, row.district_match_method, row.district);
    const gi: PlacedProduct["gi"] = [];
    const suggested = row.gi_registry_match ? ctx.gi.byName(row.gi_registry_match, row.lgd_state_name) : null;
    if (suggested) gi.push({ giId: suggested.id, status: "suggested", basis: "gi_registry_match (name)" });
    const hint = row.gi_possible_match_unverified ? ctx.gi.byName(row.gi_possible_match_unverified) : null;
    if (hint && hint.id !== suggested?.id)
      gi.push({ giId: hint.id, status: "hint", basis: "gi_possible_match_unverified" });
    out.push({
      line,
      stateLgdCode: state,
      districtLgdCode: row.lgd_district_code,
      name: row.product,
      rank: row.category,
      ...sectorFrom(null, row.product),
      description: null,
      giStatusAsPublished: null,
      photoUrl: row.photo_url,
      stateAsPublished: row.state,
      districtAsPublished: row.district,
      districtMatch: row.district_match_method,
      gi,
    });
  }
  return out;
}

function placeOfficialRows(
  file: CsvFile,
  ctx: PlacingContext,
  report: ImportReport,
  join: ReturnType<typeof newJoin>,
): PlacedProduct[] {
  const out: PlacedProduct[] = [];
  for (const { line, row } of parseRecords(file, odopOfficialRow, report.rejected)) {
    const reject = (field: string, reason: string) =>
      report.rejected.push({ file: file.name, line, field, reason });
    const state = ctx.places.stateCode(row.State);
    if (state === null) {
      recordJoin(join, null, `${row.District} (${row.State})`);
      reject("State", `State: unknown State or UT "${row.State}"`);
      continue;
    }
    const m = ctx.places.matchDistrict(state, row.District);
    if (m.status !== "matched") {
      recordJoin(join, null, `${row.District} (${row.State})`);
      reject(
        "District",
        m.status === "ambiguous"
          ? `District: "${row.District}" fits several districts of ${row.State} (LGD ${m.candidates.join(", ")})`
          : `District: unknown district "${row.District}" in ${row.State}`,
      );
      continue;
    }
    recordJoin(join, m.method, row.District);
    const sectorCode = row.Sector ? sectorByName(row.Sector) : null;
    if (row.Sector && sectorCode === null) {
      reject("Sector", `Sector: unknown sector "${row.Sector}"`);
      continue;
    }
    out.push({
      line,
      stateLgdCode: state,
      districtLgdCode: m.lgdCode,
      name: row.Product,
      rank: row.Category,
      ...sectorFrom(sectorCode, row.Product),
      description: row.Description,
      giStatusAsPublished: row["GI Status"],
      photoUrl: null,
      stateAsPublished: row.State,
      districtAsPublished: row.District,
      districtMatch: m.method,
      gi: ctx.gi
        .suggest(row.Product, row.State)
        .map((g) => ({ giId: g.id, status: "suggested" as const, basis: "name covers GI name" })),
    });
  }
  return out;
}

function sectorFrom(code: SectorCode | null, productName: string) {
  if (code) return { sectorCode: code, sectorSetBy: "source" as const, sectorRule: null };
  const byRule = sectorByKeyword(productName);
  return byRule
    ? { sectorCode: byRule.code, sectorSetBy: "keyword_rule" as const, sectorRule: byRule.rule }
    : { sectorCode: null, sectorSetBy: "unassigned" as const, sectorRule: null };
}

function rejectDuplicates(fileName: string, placed: PlacedProduct[], report: ImportReport): void {
  const firstLine = new Map<string, number>();
  for (const p of placed) {
    const key = `${p.districtLgdCode}|${normalizeName(p.name)}`;
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, p.line);
    else
      report.rejected.push({
        file: fileName,
        line: p.line,
        field: "Product",
        reason: `Product: duplicate of line ${first} ("${p.name}" in the same district)`,
      });
  }
}
