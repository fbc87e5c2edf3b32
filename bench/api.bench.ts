/**
 * The open-data API (issue 4), in one run:
 *  1. CSV export of the generated listings (BENCH_LISTINGS_DIR, see bench/README.md): 100,000 and 1,000,000 rows,
 *     time and peak RSS over the RSS before the export — memory stays flat if the second is no larger than the first;
 *  2. req/s and latency of /api/v1/products and /api/v1/search against a bare node:http "hello" server started in
 *     the same run (three alternating rounds, medians).
 * Run: BENCH_LISTINGS_DIR=/tmp/odop-1m DURATION=5 npx tsx bench/api.bench.ts
 * On PostgreSQL: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/odop_bench_api npx tsx bench/api.bench.ts
 * Flat memory, shown by a cap: EXPORT_ONLY=1 NODE_OPTIONS=--max-old-space-size=64 BENCH_LISTINGS_DIR=… npx tsx bench/api.bench.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { demoListingsAfter } from "../src/modules/trade";
import { openDatabase } from "../src/platform/db";
import { writeCsv } from "../src/platform/file-writers";
import { freshServerDatabase, percentile, startBareServer, startProcess } from "./support";

const duration = Number(process.env.DURATION ?? 5);
const median = (xs: number[]) => percentile(xs, 50);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function exportListings(dir: string, rows: number) {
  const database = await openDatabase({ dir });
  const file = path.join(os.tmpdir(), `odop-bench-export-${rows}.csv`);
  global.gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  let peakHeap = before.heapUsed;
  // RSS includes PGlite's WASM memory, which grows with the pages the database reads and never shrinks; the JS
  // heap is what the export itself holds.
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const t0 = performance.now();
  async function* batches() {
    let after = 0;
    let left = rows;
    while (left > 0) {
      const page = await demoListingsAfter(database.db, after, Math.min(10_000, left));
      if (page.length === 0) return;
      after = page[page.length - 1]?.id ?? after;
      left -= page.length;
      yield page;
    }
  }
  const n = await writeCsv(
    file,
    ["id", "title", "stateLgdCode", "districtLgdCode", "sector", "priceMinInr", "priceMaxInr"],
    batches(),
  );
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  const bytes = fs.statSync(file).size;
  fs.rmSync(file);
  await database.close();
  return { n, seconds, peakOverBefore: peak - before.rss, heapOverBefore: peakHeap - before.heapUsed, bytes };
}

/** p95 latency of `n` requests, 10 at a time (autocannon reports p90 and p97.5 but not p95). */
async function p95(urls: string[], n = 400): Promise<number> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < n) {
        const url = urls[next++ % urls.length] as string;
        const t0 = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        times.push(performance.now() - t0);
      }
    }),
  );
  return [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)] as number;
}

async function load(url: string, requests?: { path: string }[]) {
  const r = await autocannon({ url, connections: 10, duration, ...(requests ? { requests } : {}) });
  return { rps: r.requests.average, p50: r.latency.p50, p97_5: r.latency.p97_5, bad: r.errors + r.non2xx };
}

const listings = process.env.BENCH_LISTINGS_DIR;
if (listings) {
  for (const rows of [100_000, 1_000_000]) {
    const r = await exportListings(path.join(listings, "pglite"), rows);
    console.log(
      `CSV export of ${r.n.toLocaleString("en-IN")} rows: ${r.seconds.toFixed(1)} s, ${mb(r.bytes)} written, peak over before: RSS ${mb(r.peakOverBefore)}, JS heap ${mb(r.heapOverBefore)}`,
    );
  }
} else console.log("CSV export: set BENCH_LISTINGS_DIR (see bench/README.md)");

if (process.env.EXPORT_ONLY) process.exit(0);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-bench-api-"));
// BENCH_DATABASE_URL: the same on a PostgreSQL server (its database is made anew).
const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) await freshServerDatabase(serverUrl);
const bare = await startBareServer(3980);
const hub = await startProcess(
  ["node_modules/.bin/tsx", "src/server.ts"],
  {
    PORT: "3981",
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    API_RATE_LIMIT: "1000000",
    ...(serverUrl ? { DATABASE_URL: serverUrl } : {}),
  },
  /listening/,
);
const queries = ["silk", "darjling tea", "rice", "Ahmednagar", "chikenkari", "mango", "कर्नाटक", "handloom"];
const rounds: { base: number; products: number; search: number; pP95: number; sP95: number; bad: number }[] =
  [];
for (let i = 0; i < 3; i++) {
  const b = await load("http://127.0.0.1:3980/");
  const p = await load("http://127.0.0.1:3981/api/v1/products?limit=100");
  const s = await load(
    "http://127.0.0.1:3981",
    queries.map((q) => ({ path: `/api/v1/search?q=${encodeURIComponent(q)}&limit=20` })),
  );
  rounds.push({
    base: b.rps,
    products: p.rps,
    search: s.rps,
    pP95: await p95(["http://127.0.0.1:3981/api/v1/products?limit=100"]),
    sP95: await p95(
      queries.map((q) => `http://127.0.0.1:3981/api/v1/search?q=${encodeURIComponent(q)}&limit=20`),
    ),
    bad: p.bad + s.bad,
  });
}
bare.kill();
hub.kill("SIGTERM");
await new Promise((r) => hub.once("exit", r));
fs.rmSync(dataDir, { recursive: true, force: true });
const m = (k: keyof (typeof rounds)[number]) => median(rounds.map((r) => r[k]));
const pct = (k: "products" | "search") => median(rounds.map((r) => (r[k] / r.base) * 100));
console.log(
  `HTTP, 10 connections, ${duration} s per run, median of 3 alternating rounds (errors/non-2xx: ${m("bad")}):`,
);
console.log(`  bare node:http hello (baseline): ${m("base").toFixed(0)} req/s`);
console.log(
  `  /api/v1/products?limit=100: ${m("products").toFixed(0)} req/s = ${pct("products").toFixed(1)}% of baseline, p95 ${m("pP95").toFixed(1)} ms`,
);
console.log(
  `  /api/v1/search (8 queries): ${m("search").toFixed(0)} req/s = ${pct("search").toFixed(1)}% of baseline, p95 ${m("sP95").toFixed(1)} ms`,
);
