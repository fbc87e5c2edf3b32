/**
 * Diff and publish of a 1,250-product revision against the live list (issue 10; goal under 2 s).
 * Each run: a fresh on-disk PGlite with the real seed (787 live products); a national list of 1,250 rows read into
 * the draft: the 787 real rows with 60 renamed, 60 re-ranked and 40 left out, plus rows named "Benchmark product N"
 * in real districts to reach 1,250. The generated rows exist only in this throwaway database. Timed: the upload
 * (placing every row and writing the draft), the diff, and the publish (diff, switch, search index, audit).
 * Baseline in the same run: the real seed import. Run: npx tsx bench/revision-publish.bench.ts  (RUNS=7 for more)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { actorOf, createAdmin } from "../src/modules/accounts";
import { importSeed, liveRevision, productsOfRevision } from "../src/modules/catalog";
import { publishDraft } from "../src/modules/catalog/commands";
import { uploadList } from "../src/modules/catalog/import-list";
import { diffRevisions, draftRevision } from "../src/modules/catalog/queries";
import { getDistricts, getState } from "../src/modules/geo";
import { defaultSeedDir } from "../src/platform/config";
import { fromRows } from "../src/platform/csv";
import { openDatabase } from "../src/platform/db";
import { percentile } from "./support";

const runs = Number(process.env.RUNS ?? 5);
const seedDir = process.env.SEED_DIR ?? defaultSeedDir(path.resolve(import.meta.dirname, ".."));
const median = (xs: number[]) => percentile(xs, 50);
const times = { seed: [] as number[], upload: [] as number[], diff: [] as number[], publish: [] as number[] };

for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-bench-rev-"));
  const database = await openDatabase({ dir });
  await database.migrate();
  const t0 = performance.now();
  await importSeed(database.db, seedDir);
  times.seed.push(performance.now() - t0);
  const db = database.db;
  const { userId } = await createAdmin(
    db,
    { email: "bench@example.org", name: "Bench" },
    { origin: "http://x" },
  );
  const actor = await actorOf(db, userId, { requestId: "bench", ip: null });

  // The list: real rows with their current LGD names, some changed, some left out, then generated rows.
  const live = await liveRevision(db);
  const real = await productsOfRevision(db, live?.id ?? "");
  const districts = new Map(
    (await getDistricts(db, [...new Set(real.map((p) => p.districtLgdCode))])).map((d) => [d.lgdCode, d]),
  );
  const stateNames = new Map<number, string>();
  for (const d of districts.values())
    stateNames.set(d.stateLgdCode, (await getState(db, d.stateLgdCode))?.nameEn ?? "");
  const row = (p: { stateLgdCode: number; districtLgdCode: number; name: string; rank: string }) => [
    stateNames.get(p.stateLgdCode) ?? "",
    districts.get(p.districtLgdCode)?.nameEn ?? "",
    p.name,
    p.rank,
    "",
    "",
    "",
  ];
  const rows: string[][] = [
    ["State", "District", "Product", "Category", "Sector", "Description", "GI Status"],
  ];
  real.forEach((p, k) => {
    if (k % 20 === 19) return; // 40 left out
    const renamed = k % 13 === 0 ? `${p.name} (renamed)` : p.name;
    const rank = k % 11 === 0 && p.rank === "Primary" ? "Secondary" : p.rank;
    rows.push(row({ ...p, name: renamed, rank }));
  });
  const places = [...districts.values()];
  for (let n = 1; rows.length <= 1250; n++) {
    const d = places[n % places.length] as (typeof places)[number];
    rows.push(
      row({
        stateLgdCode: d.stateLgdCode,
        districtLgdCode: d.lgdCode,
        name: `Benchmark product ${n}`,
        rank: "Secondary",
      }),
    );
  }
  const file = fromRows("bench-list.csv", Buffer.from(JSON.stringify(rows)), rows);

  const t1 = performance.now();
  const { report, draftId } = await uploadList(db, actor, file, {
    titleEn: "Benchmark list",
    source: "bench",
    publishedAt: "2026-11-29",
    notes: "",
    live: false,
  });
  if (!draftId) throw new Error(`upload ${report.outcome}: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  const t2 = performance.now();
  const diff = await diffRevisions(db, live?.id ?? null, draftId);
  const t3 = performance.now();
  const draft = await draftRevision(db);
  await publishDraft(db, actor, {
    version: draft?.version ?? 0,
    titleEn: "Benchmark list",
    titleHi: "बेंचमार्क सूची",
    effectiveAt: "2026-12-01",
  });
  const t4 = performance.now();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  times.upload.push(t2 - t1);
  times.diff.push(t3 - t2);
  times.publish.push(t4 - t3);
  console.log(
    `run ${i + 1}: ${rows.length - 1} rows; +${diff.added.length} −${diff.removed.length} ~${diff.changed.length}; seed ${(times.seed.at(-1) ?? 0).toFixed(0)} ms, upload ${(t2 - t1).toFixed(0)} ms, diff ${(t3 - t2).toFixed(0)} ms, publish ${(t4 - t3).toFixed(0)} ms`,
  );
}
const base = median(times.seed);
const show = (label: string, xs: number[]) =>
  console.log(
    `  ${label.padEnd(38)} ${median(xs).toFixed(0).padStart(6)} ms  (${(median(xs) / base).toFixed(2)} × baseline)`,
  );
console.log(`\nmedian of ${runs} runs (PGlite on disk, ${os.cpus().length} cores, node ${process.version})`);
console.log(`  real seed import (baseline)            ${base.toFixed(0).padStart(6)} ms`);
show("upload 1,250 rows into the draft", times.upload);
show("diff against the live list", times.diff);
show("publish (diff, switch, search index)", times.publish);
show(
  "diff + publish (goal under 2,000 ms)",
  times.diff.map((d, k) => d + (times.publish[k] ?? 0)),
);
