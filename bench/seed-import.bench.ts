/**
 * Full seed import on a fresh on-disk PGlite, as the first `npm start` does it.
 * Baseline in the same run: opening and migrating an empty database (the fixed cost every start pays).
 * Run: npm run bench   (RUNS=7 to change the number of runs)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { importSeed } from "../src/modules/catalog";
import { defaultSeedDir } from "../src/platform/config";
import { openDatabase } from "../src/platform/db";
import { percentile } from "./support";

const runs = Number(process.env.RUNS ?? 5);
const seedDir = process.env.SEED_DIR ?? defaultSeedDir(path.resolve(import.meta.dirname, ".."));

const median = (xs: number[]) => percentile(xs, 50);

const openMigrate: number[] = [];
const seed: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-bench-"));
  const t0 = performance.now();
  const database = await openDatabase({ dir });
  await database.migrate();
  const t1 = performance.now();
  const report = await importSeed(database.db, seedDir);
  const t2 = performance.now();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (report.outcome !== "imported") throw new Error(`seed ${report.outcome}`);
  openMigrate.push(t1 - t0);
  seed.push(t2 - t1);
  console.log(
    `run ${i + 1}: open+migrate ${(t1 - t0).toFixed(0)} ms, seed import ${(t2 - t1).toFixed(0)} ms`,
  );
}
const base = median(openMigrate);
const s = median(seed);
console.log(`\nmedian of ${runs} runs (PGlite on disk, ${os.cpus().length} cores, node ${process.version})`);
console.log(`  open + migrate empty database (baseline): ${base.toFixed(0)} ms`);
console.log(
  `  full seed import (12,352 rows, 8 files):  ${s.toFixed(0)} ms  (${(s / base).toFixed(2)} × baseline)`,
);
console.log(
  `  first start total:                        ${(base + s).toFixed(0)} ms  (goal: seed import under 5,000 ms)`,
);
