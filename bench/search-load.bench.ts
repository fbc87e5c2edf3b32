/**
 * The search under load: 20 clients sending a Zipf-like mix of the relevance set's queries (the first query of
 * test/relevance/queries.csv asked most, the 80th least; 4,000 requests drawn with a fixed seed) to the search page,
 * and the same clients typing those queries letter by letter into the suggestions endpoint; beside a bare
 * node:http "hello" server in the same run, three alternating rounds, medians.
 *   npx tsx bench/search-load.bench.ts                         # the embedded database (a fresh data dir)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/odop_bench_search npx tsx bench/search-load.bench.ts
 * (the PostgreSQL database is dropped and made anew). DURATION=seconds per run (default 8).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { loadRelevanceSet } from "../test/relevance/relevance-set";
import { freshServerDatabase, percentile, startBareServer, startProcess } from "./support";

const duration = Number(process.env.DURATION ?? 8);
const connections = 20;
const serverUrl = process.env.BENCH_DATABASE_URL;

/** A small seeded generator, so that every run sends the same mix. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const queries = loadRelevanceSet().map((c) => c.query);
const weights = queries.map((_, i) => 1 / (i + 1));
const total = weights.reduce((a, b) => a + b, 0);
const random = mulberry32(2026);
const draw = () => {
  let r = random() * total;
  for (let i = 0; i < queries.length; i++) {
    r -= weights[i] as number;
    if (r <= 0) return queries[i] as string;
  }
  return queries[queries.length - 1] as string;
};
const mix = Array.from({ length: 4000 }, draw);
const searchRequests = mix.map((q) => ({ path: `/search?q=${encodeURIComponent(q)}` }));
// What a person typing the query sends: its first 2, 3, … letters.
const typed = mix.slice(0, 800).flatMap((q) => {
  const letters = [...q];
  return letters.slice(1).map((_, i) => letters.slice(0, i + 2).join(""));
});
const suggestRequests = typed.map((q) => ({ path: `/search/suggest?q=${encodeURIComponent(q)}` }));

async function load(url: string, requests?: { path: string }[]) {
  const r = await autocannon({ url, connections, duration, ...(requests ? { requests } : {}) });
  return { rps: r.requests.average, p50: r.latency.p50, p97_5: r.latency.p97_5, errors: r.errors + r.non2xx };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-bench-search-"));
if (serverUrl) await freshServerDatabase(serverUrl);
const bare = await startBareServer(3992);
const hub = await startProcess(
  ["node_modules/.bin/tsx", "src/server.ts"],
  { PORT: "3993", DATA_DIR: dataDir, LOG_LEVEL: "info", ...(serverUrl ? { DATABASE_URL: serverUrl } : {}) },
  /listening/,
);
// One pass over every distinct page first, one client, timed (nothing cached yet): the rounds below are warm.
const distinct = [...new Set([...searchRequests, ...suggestRequests].map((x) => x.path))];
const coldStarted = performance.now();
for (const p of distinct) if (!(await fetch(`http://127.0.0.1:3993${p}`)).ok) throw new Error(`failed: ${p}`);
const coldMs = performance.now() - coldStarted;

const rounds: Record<string, number>[] = [];
for (let i = 0; i < 3; i++) {
  const b = await load("http://127.0.0.1:3992/");
  const s = await load("http://127.0.0.1:3993", searchRequests);
  const g = await load("http://127.0.0.1:3993", suggestRequests);
  if (s.errors || g.errors) throw new Error(`errors: search ${s.errors}, suggestions ${g.errors}`);
  rounds.push({
    base: b.rps,
    search: s.rps,
    searchP50: s.p50,
    searchP97: s.p97_5,
    suggest: g.rps,
    suggestP50: g.p50,
    suggestP97: g.p97_5,
    searchShare: s.rps / b.rps,
  });
}
bare.kill();
hub.kill("SIGTERM");
await new Promise((r) => hub.once("exit", r));
fs.rmSync(dataDir, { recursive: true, force: true });
const med = (k: string) =>
  percentile(
    rounds.map((r) => r[k] as number),
    50,
  );
console.log(
  `${serverUrl ? "PostgreSQL" : "PGlite (embedded)"}, ${connections} connections, ${duration} s per run, median of 3 alternating rounds:`,
);
console.log(`  bare node:http hello (baseline): ${med("base").toFixed(0)} req/s`);
console.log(
  `  warm-up: ${distinct.length} distinct pages, one client, none cached: ${(coldMs / distinct.length).toFixed(1)} ms each on average`,
);
console.log(
  `  search page, Zipf mix of ${queries.length} queries: ${med("search").toFixed(0)} req/s (${(100 * med("searchShare")).toFixed(1)} % of baseline), p50 ${med("searchP50")} ms, p97.5 ${med("searchP97")} ms   goal ≥ 1,000 req/s, p97.5 ≤ 50 ms`,
);
console.log(
  `  suggestions, typed letter by letter: ${med("suggest").toFixed(0)} req/s, p50 ${med("suggestP50")} ms, p97.5 ${med("suggestP97")} ms`,
);
