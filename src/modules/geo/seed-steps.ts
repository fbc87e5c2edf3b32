import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { feature } from "topojson-client";
import type * as TopoJSON from "topojson-specification";
import { missingColumns, parseRecords, readCsv } from "../../platform/csv";
import type { DbOrTx } from "../../platform/db";
import { type ImportReport, newJoin, recordJoin } from "../../platform/import-report";
import { normalizeName } from "../../platform/text";
import {
  addAliases,
  insertBoundaries,
  insertLgd,
  markBoundaries,
  setDistrictHindiNames,
  setStateHindiName,
} from "./commands";
import { listDistricts, loadPlaceIndex } from "./queries";
import { lgdDistrictRow, lgdStateRow } from "./schemas";

export const geoSeedFiles = {
  states: "lgd_states_2026-09.csv",
  districts: "lgd_districts_2026-09.csv",
  boundaries: "india_states_districts_covid19india_2020_lgd.topo.json",
} as const;

/** Reads the LGD States and districts files; any bad row is reported and the caller's transaction rolls back. */
export async function importLgdFiles(tx: DbOrTx, dir: string, report: ImportReport): Promise<void> {
  const statesCsv = readCsv(path.join(dir, geoSeedFiles.states));
  const districtsCsv = readCsv(path.join(dir, geoSeedFiles.districts));
  for (const [file, cols] of [
    [statesCsv, Object.keys(lgdStateRow.shape)],
    [districtsCsv, Object.keys(lgdDistrictRow.shape)],
  ] as const) {
    for (const c of missingColumns(file, cols))
      report.rejected.push({ file: file.name, line: 1, field: c, reason: `missing column "${c}"` });
    report.files.push({ name: file.name, sha256: file.sha256, rows: file.records.length });
    report.rowsRead += file.records.length;
  }
  const stateRows = parseRecords(statesCsv, lgdStateRow, report.rejected);
  const districtRows = parseRecords(districtsCsv, lgdDistrictRow, report.rejected);
  const stateCodes = new Set(stateRows.map((s) => s.row.lgd_state_code));
  const seen = new Set<number>();
  for (const { line, row } of districtRows) {
    if (!stateCodes.has(row.lgd_state_code))
      report.rejected.push({
        file: districtsCsv.name,
        line,
        field: "lgd_state_code",
        reason: `lgd_state_code: unknown State ${row.lgd_state_code}`,
      });
    if (seen.has(row.lgd_district_code))
      report.rejected.push({
        file: districtsCsv.name,
        line,
        field: "lgd_district_code",
        reason: `lgd_district_code: duplicate ${row.lgd_district_code}`,
      });
    seen.add(row.lgd_district_code);
  }
  if (report.rejected.length > 0) return;
  await insertLgd(tx, {
    file: { states: statesCsv.name, districts: districtsCsv.name },
    states: stateRows,
    districts: districtRows,
  });
  report.rowsPlaced += stateRows.length + districtRows.length;
}

type TopoProps = {
  district?: string;
  st_nm?: string;
  lgd_district_code?: number | null;
  lgd_state_code?: number | null;
  lgd_match?: string;
};
type Topology = TopoJSON.Topology<{
  districts: TopoJSON.GeometryCollection<TopoProps>;
  states: TopoJSON.GeometryCollection<TopoProps>;
}>;

/**
 * Stores the 2020 polygons of districts and States, marks which districts have one, and keeps the boundary file's
 * own names as aliases. Polygons without an LGD code, and districts without a polygon, are both reported.
 */
export async function importBoundaries(tx: DbOrTx, dir: string, report: ImportReport): Promise<Set<number>> {
  const buf = fs.readFileSync(path.join(dir, geoSeedFiles.boundaries));
  const topo = JSON.parse(buf.toString("utf8")) as Topology;
  const districtFeatures = feature(topo, topo.objects.districts).features;
  const known = new Set((await loadPlaceIndex(tx)).districtCodes());
  const knownStates = new Set((await loadPlaceIndex(tx)).stateCodes());
  const join = newJoin("boundaries (2020 polygons) ↔ LGD districts");
  const matched = new Set<number>();
  const aliases = [];
  const rows: { kind: "district" | "state"; lgdCode: number; geometry: unknown; source: string }[] = [];
  for (const f of districtFeatures) {
    const p = f.properties ?? {};
    const code = p.lgd_district_code ?? null;
    const label = `${p.district ?? "?"} (${p.st_nm ?? "?"})`;
    if (code === null || !known.has(code) || matched.has(code)) {
      recordJoin(join, null, label);
      continue;
    }
    recordJoin(join, p.lgd_match ?? "code", label);
    matched.add(code);
    rows.push({ kind: "district", lgdCode: code, geometry: f.geometry, source: geoSeedFiles.boundaries });
    if (p.district)
      aliases.push({
        districtLgdCode: code,
        alias: p.district,
        kind: "boundary_2011" as const,
        source: geoSeedFiles.boundaries,
      });
  }
  for (const f of feature(topo, topo.objects.states).features) {
    const code = f.properties?.lgd_state_code ?? null;
    if (code !== null && knownStates.has(code))
      rows.push({ kind: "state", lgdCode: code, geometry: f.geometry, source: geoSeedFiles.boundaries });
  }
  report.joins.push(join);
  report.files.push({ name: geoSeedFiles.boundaries, sha256: sha256(buf), rows: districtFeatures.length });
  await insertBoundaries(tx, rows);
  await markBoundaries(tx, [...matched]);
  await addAliases(tx, aliases);
  return matched;
}

/**
 * Former names of districts that were renamed, not just respelt (Karimganj → Sribhumi): the Hindi package knows them
 * by the old name, and its Hindi would be the old name too, so it is not used. A respelling (Cuttack → Kataka,
 * Dohad → Dahod) keeps its Hindi. Checked by hand against the LGD list's Dec-2022 names; add to it, never guess.
 */
const renamedNotRespelt = new Set(
  [
    "Karimganj",
    "Ramanagara",
    "Ahmednagar",
    "Osmanabad",
    "Aurangabad",
    "Hoshangabad",
    "Mewat",
    "Warangal Urban",
    "Warangal Rural",
    "East Sikkim",
    "North Sikkim",
    "South Sikkim",
    "West Sikkim",
    "Allahabad",
    "Faizabad",
    "Gurgaon",
  ].map(normalizeName),
);

type HindiPlace = { id: number; name: string; hi_name: string; state_id?: number };
const hindiSource = "npm package @coffeebeanslabs/country_state_district 1.0.1 (ISC)";

/**
 * Hindi names of States and districts from the one package that has them, joined by name with the same alias
 * rules as every other source. Names it lacks stay in English: none are transliterated by machine.
 */
export async function importHindiNames(tx: DbOrTx, report: ImportReport): Promise<void> {
  const require = createRequire(import.meta.url);
  const pkgStates = require("@coffeebeanslabs/country_state_district/state.json") as HindiPlace[];
  const pkgDistricts = require("@coffeebeanslabs/country_state_district/city.json") as HindiPlace[];
  const index = await loadPlaceIndex(tx);
  const stateJoin = newJoin("Hindi names: States (package) ↔ LGD");
  const stateOfPkg = new Map<number, number>();
  for (const s of pkgStates) {
    const code = index.stateCode(s.name);
    recordJoin(stateJoin, code === null ? null : "name", s.name);
    if (code === null || !s.hi_name) continue;
    stateOfPkg.set(s.id, code);
    await setStateHindiName(tx, code, s.hi_name.trim(), hindiSource);
  }
  const districtJoin = newJoin("Hindi names: districts (package) ↔ LGD");
  const currentNames = new Map((await listDistricts(tx)).map((d) => [d.lgdCode, d.nameEn]));
  const names = new Map<number, string>();
  const claimed = new Map<number, string>();
  for (const d of pkgDistricts) {
    const state = d.state_id === undefined ? undefined : stateOfPkg.get(d.state_id);
    const m = state === undefined ? null : index.matchDistrict(state, d.name);
    if (m?.status !== "matched") {
      recordJoin(districtJoin, null, d.name);
      continue;
    }
    // Two package entries landing on one district (an old and a new name) would make the Hindi name a guess.
    if (claimed.has(m.lgdCode) && normalizeName(claimed.get(m.lgdCode) ?? "") !== normalizeName(d.name)) {
      recordJoin(districtJoin, null, `${d.name} (also matches the district of ${claimed.get(m.lgdCode)})`);
      names.delete(m.lgdCode);
      continue;
    }
    const current = currentNames.get(m.lgdCode) ?? "";
    if (m.method !== "lgd_name" && renamedNotRespelt.has(normalizeName(d.name))) {
      recordJoin(districtJoin, null, `${d.name} (a former name of ${current}: Hindi not used)`);
      continue;
    }
    claimed.set(m.lgdCode, d.name);
    recordJoin(districtJoin, m.method, d.name);
    if (d.hi_name) names.set(m.lgdCode, d.hi_name.trim());
  }
  report.joins.push(stateJoin, districtJoin);
  await setDistrictHindiNames(
    tx,
    [...names].map(([lgdCode, nameHi]) => ({ lgdCode, nameHi })),
    hindiSource,
  );
}

const sha256 = (buf: Buffer) => crypto.createHash("sha256").update(buf).digest("hex");
