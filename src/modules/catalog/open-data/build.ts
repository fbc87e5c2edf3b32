import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { writeCsv, writeGeoJson, writeJson, writeXlsx } from "../../../platform/file-writers";
import { committeeDataStamp } from "../../committees";
import { allRevisions, lastImportRun } from "../queries";
import { type Dataset, openDatasets } from "./datasets";

/**
 * Open data of another module (export plans, say), written beside the registry's: its datasets, and a stamp that
 * changes whenever their data does (the files are made again then). The composition root passes them in.
 */
export type OpenDataSource = {
  stamp: (db: DbOrTx) => Promise<string>;
  datasets: (db: DbOrTx) => Promise<Dataset[]>;
};

export const licence = {
  name: "Government Open Data Licence – India",
  url: "https://www.data.gov.in/Godl",
};

export type Distribution = {
  format: "csv" | "json" | "xlsx" | "geojson";
  file: string;
  bytes: number;
  mediaType: string;
};
export type ManifestEntry = Omit<Dataset, "rows" | "features" | "columns"> & {
  columns: string[];
  rows: number;
  generatedAt: string;
  distributions: Distribution[];
};
export type Manifest = { version: string; generatedAt: string; datasets: ManifestEntry[] };

const mediaTypes = {
  csv: "text/csv",
  json: "application/json",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  geojson: "application/geo+json",
};

/** Bumped when the datasets' shape or metadata change, so that files made by older code are made again. */
const layoutVersion = 5; // 5: export plans; 4: committee meetings and decisions; 3: BOM in CSV files, place names in product lists

/** What the files depend on: the revisions, the imports and the layout. New data → a new folder of files. */
async function dataVersion(db: DbOrTx, sources: readonly OpenDataSource[]): Promise<string> {
  const revisions = (await allRevisions(db)).map((r) => `${r.id}${r.isLive ? "*" : ""}`).join(",");
  const seed = await lastImportRun(db, "seed");
  const list = await lastImportRun(db, "odop-list");
  // An administrator's decisions on GI links change the GI and product files too.
  const decided = (await db.execute(
    sql`select count(*) filter (where status = 'confirmed') || '/' || count(*) filter (where status = 'rejected') as d from product_gi_links`,
  )) as unknown as { rows: { d: string }[] };
  // The committees' meetings and published minutes are open data too.
  const committees = await committeeDataStamp(db);
  const others = (await Promise.all(sources.map((s) => s.stamp(db)))).join("|");
  // A hash, not a prefix: two sets of revisions that start alike must still give two versions.
  return crypto
    .createHash("sha256")
    .update(
      `${layoutVersion}|${revisions}|${seed?.id ?? 0}|${list?.id ?? 0}|${decided.rows[0]?.d ?? ""}|${committees}|${others}`,
    )
    .digest("hex")
    .slice(0, 20);
}

const building = new Map<string, Promise<Manifest>>();

/**
 * Writes the open-data files of the current data under `dir/<version>/` unless they are there already (streamed, so
 * memory stays flat whatever the size). Slow work: run by the server's job when the data changes and by the import
 * CLI after an import, never inside a request.
 */
export async function buildOpenData(
  db: DbOrTx,
  dir: string,
  sources: readonly OpenDataSource[] = [],
): Promise<Manifest> {
  const version = await dataVersion(db, sources);
  const folder = path.join(dir, version);
  const manifestFile = path.join(folder, "manifest.json");
  if (fs.existsSync(manifestFile)) return JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  let job = building.get(folder);
  if (!job) {
    job = build(db, folder, version, sources).finally(() => building.delete(folder));
    building.set(folder, job);
  }
  return job;
}

/**
 * What requests serve: the files of the current data version when they are built; until then the newest version
 * built before (`current: false`, the page says new files are being prepared); null when none was ever built.
 */
export async function publishedOpenData(
  db: DbOrTx,
  dir: string,
  sources: readonly OpenDataSource[] = [],
): Promise<{ manifest: Manifest; current: boolean } | null> {
  const version = await dataVersion(db, sources);
  const read = (v: string) =>
    JSON.parse(fs.readFileSync(path.join(dir, v, "manifest.json"), "utf8")) as Manifest;
  if (fs.existsSync(path.join(dir, version, "manifest.json")))
    return { manifest: read(version), current: true };
  const built = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((v) => /^[0-9a-f]{20}$/.test(v) && fs.existsSync(path.join(dir, v, "manifest.json")))
        .map((v) => ({ v, at: fs.statSync(path.join(dir, v, "manifest.json")).mtimeMs }))
        .sort((a, b) => b.at - a.at)
    : [];
  return built[0] ? { manifest: read(built[0].v), current: false } : null;
}

async function build(
  db: DbOrTx,
  folder: string,
  version: string,
  sources: readonly OpenDataSource[],
): Promise<Manifest> {
  const tmp = `${folder}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const datasets: ManifestEntry[] = [];
  const all = [
    ...(await openDatasets(db)),
    ...(await Promise.all(sources.map((s) => s.datasets(db)))).flat(),
  ];
  for (const d of all) {
    const generatedAt = new Date().toISOString();
    const meta = {
      title: d.title,
      description: d.description,
      licence,
      source: d.source,
      attribution: d.attribution,
      revision: d.revision,
      generatedAt,
    };
    const about: [string, string][] = Object.entries(meta).map(([k, v]) => [
      k,
      typeof v === "string" ? v : JSON.stringify(v),
    ]);
    const files: Distribution[] = [];
    const out = (format: Distribution["format"]) => {
      const file = `${d.id}.${format}`;
      files.push({ format, file, bytes: 0, mediaType: mediaTypes[format] });
      return path.join(tmp, file);
    };
    const rows = await writeCsv(out("csv"), d.columns, d.rows());
    await writeJson(out("json"), meta, d.rows());
    await writeXlsx(out("xlsx"), d.columns, about, d.rows());
    if (d.features) await writeGeoJson(out("geojson"), meta, d.features());
    for (const f of files) f.bytes = fs.statSync(path.join(tmp, f.file)).size;
    const { rows: _r, features: _f, ...described } = d;
    datasets.push({ ...described, rows, generatedAt, distributions: files });
  }
  const manifest: Manifest = { version, generatedAt: new Date().toISOString(), datasets };
  fs.writeFileSync(path.join(tmp, "manifest.json"), JSON.stringify(manifest, null, 1));
  fs.rmSync(folder, { recursive: true, force: true });
  fs.renameSync(tmp, folder); // whole or not at all: a reader never sees half the files
  return manifest;
}
