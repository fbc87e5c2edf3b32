/**
 * Search latency (the uncached search, in process) for the relevance set's queries (test/relevance/queries.csv):
 * on the real registry and with 1,000,000 generated listings, on the embedded database and on PostgreSQL; 5 timed
 * rounds after a warm-up, p50 and p95. The relevance set's score is printed too.
 *   BENCH_LISTINGS_DIR=/tmp/odop-1m BENCH_LISTINGS_URL=postgres://postgres@127.0.0.1:5432/odop_bench \
 *   BENCH_REAL_URL=postgres://postgres@127.0.0.1:5432/odop_bench_real npx tsx bench/search-latency.bench.ts
 * (BENCH_REAL_URL's database is dropped and made anew with the seed; see bench/README.md for the 1,000,000 rows).
 */
import * as catalog from "../src/modules/catalog";
import { defaultSeedDir } from "../src/platform/config";
import { openDatabase } from "../src/platform/db";
import { loadRelevanceSet, rankOf } from "../test/relevance/relevance-set";
import { freshServerDatabase, percentile, repoRoot } from "./support";

const cases = loadRelevanceSet();
// Run from a checkout of an earlier commit (bench/README.md), the same file measures that commit's search: the
// baseline, in the same run. Before answers were cached, `search` was the uncached search.
const searchUncached: typeof catalog.searchUncached =
  (catalog as Partial<typeof catalog>).searchUncached ?? catalog.search;
const { importSeed } = catalog;

async function measure(target: { url?: string; dir?: string | null; seed: boolean }) {
  if (target.url && target.seed) await freshServerDatabase(target.url);
  const database = await openDatabase(target.url ? { url: target.url } : { dir: target.dir ?? null });
  await database.migrate();
  if (target.seed) await importSeed(database.db, defaultSeedDir(repoRoot));
  const times: number[] = [];
  let passed = 0;
  for (let round = 0; round < 6; round++)
    for (const c of cases) {
      const t0 = performance.now();
      const { hits } = await searchUncached(database.db, c.query, {}, { limit: 20, offset: 0 });
      if (round > 0) times.push(performance.now() - t0); // round 0 warms the caches
      const rank = rankOf(c, hits);
      if (round === 0 && rank !== null && rank <= c.within) passed++;
    }
  await database.close();
  return `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${times.length} searches); relevance set ${passed}/${cases.length}`;
}

const targets: [string, { url?: string; dir?: string | null; seed: boolean } | null][] = [
  ["PGlite, real registry", { dir: null, seed: true }],
  [
    "PGlite, + 1,000,000 listings",
    process.env.BENCH_LISTINGS_DIR ? { dir: `${process.env.BENCH_LISTINGS_DIR}/pglite`, seed: false } : null,
  ],
  [
    "PostgreSQL, real registry",
    process.env.BENCH_REAL_URL ? { url: process.env.BENCH_REAL_URL, seed: true } : null,
  ],
  [
    "PostgreSQL, + 1,000,000 listings",
    process.env.BENCH_LISTINGS_URL ? { url: process.env.BENCH_LISTINGS_URL, seed: false } : null,
  ],
];
for (const [name, target] of targets)
  console.log(
    `${name}: ${target ? await measure(target) : "skipped (see the header for the variables)"}   budget p95 15 ms`,
  );
