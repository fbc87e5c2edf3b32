/**
 * The public portal's budgets (issue 3), in one run:
 *  1. bytes transferred (gzip) for the home page and every district page: HTML + CSS + JS;
 *  2. search latency in-process on the real data, and on the 1,000,000 generated listings when
 *     BENCH_LISTINGS_DIR points at a data folder made by `npm run generate:listings`;
 *  3. req/s with autocannon: a bare node:http "hello" server (baseline) against the district page (cached)
 *     and the search page (kept under the search stamp), each a separate process on this machine.
 * Run: npm run bench   (or: tsx bench/portal.bench.ts). DURATION=10 sets seconds per autocannon run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createApp } from "../src/app";
import { importSeed, searchUncached as search } from "../src/modules/catalog";
import { defaultSeedDir } from "../src/platform/config";
import { openDatabase } from "../src/platform/db";
import { createLogger } from "../src/platform/logger";
import { percentile, repoRoot, startBareServer, startProcess } from "./support";

const duration = Number(process.env.DURATION ?? 8);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const queries = [
  "chikenkari",
  "channapatna toy",
  "darjling tea",
  "Ahmednagar",
  "Ramanagara",
  "silk",
  "rice",
  "banarasi",
  "kanchipuram silk",
  "mango",
  "turmeric",
  "handloom",
  "brass",
  "coffee",
  "carpet",
  "कर्नाटक",
  "चाय",
  "pashmina",
  "jaipur blue pottery",
  "leather",
  "cashew",
  "bamboo craft",
  "toys",
  "spices",
  "pineapple",
  "granite",
  "shawl",
  "zardozi",
  "honey",
  "marine products",
];

async function searchLatencies(dir: string | null) {
  const database = await openDatabase({ dir });
  await database.migrate();
  if (!dir) await importSeed(database.db, defaultSeedDir(repoRoot));
  const times: number[] = [];
  for (let round = 0; round < 6; round++)
    for (const q of queries) {
      const t0 = performance.now();
      await search(database.db, q, {}, { limit: 20, offset: 0 });
      if (round > 0) times.push(performance.now() - t0); // round 0 warms the caches
    }
  await database.close();
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
}

async function transferSizes() {
  const database = await openDatabase({ dir: null });
  await database.migrate();
  await importSeed(database.db, defaultSeedDir(repoRoot));
  const app = createApp({ database, logger: createLogger("silent") });
  const gz = async (p: string) =>
    (await (await app.request(p, { headers: { "Accept-Encoding": "gzip" } })).arrayBuffer()).byteLength;
  const assets = (await gz("/static/app.css")) + (await gz("/static/app.js"));
  const home = (await gz("/")) + assets;
  const homeHi = (await gz("/?lang=hi")) + assets;
  const listHtml = await (await app.request("/districts")).text();
  const codes = [...listHtml.matchAll(/href="\/districts\/(\d+)"/g)].map((m) => m[1]);
  const districts: number[] = [];
  for (const c of new Set(codes)) districts.push((await gz(`/districts/${c}`)) + assets);
  await database.close();
  return {
    assets,
    home,
    homeHi,
    districtMedian: percentile(districts, 50),
    districtMax: Math.max(...districts),
    districtCount: districts.length,
  };
}

async function load(url: string, requests?: { path: string }[]) {
  const r = await autocannon({ url, connections: 10, duration, ...(requests ? { requests } : {}) });
  return { rps: r.requests.average, p50: r.latency.p50, p97_5: r.latency.p97_5, errors: r.errors + r.non2xx };
}

const sizes = await transferSizes();
console.log("Transfer (gzip, HTML + CSS + JS):");
console.log(`  home (en) ${kb(sizes.home)}, home (hi) ${kb(sizes.homeHi)}   budget 150 KB`);
console.log(
  `  district pages (${sizes.districtCount}): median ${kb(sizes.districtMedian)}, largest ${kb(sizes.districtMax)}   budget 60 KB`,
);
console.log(`  of which CSS + JS ${kb(sizes.assets)}`);

const real = await searchLatencies(null);
console.log(
  `Search in-process, real data (${real.n} queries): p50 ${real.p50.toFixed(2)} ms, p95 ${real.p95.toFixed(2)} ms   budget p95 15 ms`,
);
const listings = process.env.BENCH_LISTINGS_DIR;
if (listings) {
  const big = await searchLatencies(path.join(listings, "pglite"));
  console.log(
    `Search in-process, + 1,000,000 generated listings (${big.n} queries): p50 ${big.p50.toFixed(2)} ms, p95 ${big.p95.toFixed(2)} ms`,
  );
} else console.log("Search on 1,000,000 generated listings: set BENCH_LISTINGS_DIR (see bench/README.md)");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-bench-http-"));
const bare = await startBareServer(3990);
const hub = await startProcess(
  ["node_modules/.bin/tsx", "src/server.ts"],
  { PORT: "3991", DATA_DIR: dataDir, LOG_LEVEL: "info" },
  /listening/,
);
// Three rounds, alternating, so that noise from other work on the machine hits all three alike; medians reported.
const rounds: {
  base: number;
  district: number;
  search: number;
  districtP97: number;
  searchP50: number;
  searchP97: number;
}[] = [];
for (let i = 0; i < 3; i++) {
  const b = await load("http://127.0.0.1:3990/");
  const d = await load("http://127.0.0.1:3991/districts/293");
  const s = await load(
    "http://127.0.0.1:3991",
    queries.map((q) => ({ path: `/search?q=${encodeURIComponent(q)}` })),
  );
  if (d.errors || s.errors) throw new Error(`errors: district ${d.errors}, search ${s.errors}`);
  rounds.push({
    base: b.rps,
    district: d.rps,
    search: s.rps,
    districtP97: d.p97_5,
    searchP50: s.p50,
    searchP97: s.p97_5,
  });
}
bare.kill();
hub.kill("SIGTERM");
await new Promise((r) => hub.once("exit", r));
fs.rmSync(dataDir, { recursive: true, force: true });
const med = (k: keyof (typeof rounds)[number]) =>
  percentile(
    rounds.map((r) => r[k]),
    50,
  );
const ratio = (k: "district" | "search") =>
  percentile(
    rounds.map((r) => r[k] / r.base),
    50,
  ) * 100;
console.log(`HTTP, 10 connections, ${duration} s per run, median of 3 alternating rounds:`);
console.log(`  bare node:http hello (baseline): ${med("base").toFixed(0)} req/s`);
console.log(
  `  district page (cached): ${med("district").toFixed(0)} req/s = ${ratio("district").toFixed(0)}% of baseline, p97.5 ${med("districtP97")} ms`,
);
console.log(
  `  search page (kept under the search stamp): ${med("search").toFixed(0)} req/s = ${ratio("search").toFixed(1)}% of baseline, p50 ${med("searchP50")} ms, p97.5 ${med("searchP97")} ms`,
);
