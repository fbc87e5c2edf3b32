/**
 * What making each commit durable costs on the embedded database: single-row write transactions on PGlite with fsync
 * on and a real fsync(2) per commit (src/platform/pglite-durable.ts), against PGlite as shipped (fsync off, no sync
 * call at all) in the same run, on the same disk.
 * Run: npx tsx bench/durability.bench.ts   (RUNS=… to change the number of timed commits)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { openDurablePglite } from "../src/platform/pglite-durable";
import { percentile } from "./support";

const runs = Number(process.env.RUNS ?? 300);

async function commits(db: PGlite): Promise<number[]> {
  await db.exec("create table if not exists probe (id serial primary key, body text)");
  for (let i = 0; i < 20; i++) await db.query("insert into probe (body) values ($1)", ["warm-up"]);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      await tx.query("insert into probe (body) values ($1)", [`row ${i}`]);
    });
    times.push(performance.now() - t0);
  }
  return times;
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), "odop-durability-bench-"));
const results: Record<string, number[]> = {};
// Alternate the two, twice, so that neither gets a quieter moment of this shared machine.
for (const round of [1, 2])
  for (const kind of ["shipped", "durable"] as const) {
    const dir = path.join(root, `${kind}-${round}`);
    const db =
      kind === "durable"
        ? await openDurablePglite(dir)
        : await PGlite.create(dir, { extensions: { pg_trgm } });
    results[kind] = [...(results[kind] ?? []), ...(await commits(db))];
    await db.close();
  }
fs.rmSync(root, { recursive: true, force: true });

const med = (k: string) => percentile(results[k] as number[], 50);
console.log(`commits per kind: ${runs * 2}`);
for (const k of ["shipped", "durable"])
  console.log(
    `${k.padEnd(8)} median ${med(k).toFixed(2)} ms  p95 ${percentile(results[k] as number[], 95).toFixed(2)} ms`,
  );
console.log(`durable / shipped (medians): ${(med("durable") / med("shipped")).toFixed(1)}×`);
