/**
 * The relevance set's score: how many of test/relevance/queries.csv find what they expect where they expect it, and
 * which do not. `npx tsx bench/relevance.bench.ts` (seeds an embedded database first, ~1 min).
 */
import { search } from "../src/modules/catalog";
import { loadRelevanceSet, rankOf } from "../test/relevance/relevance-set";
import { freshDatabase } from "../test/support/database";

const t = await freshDatabase({ seeded: true });
const cases = loadRelevanceSet();
const failed: string[] = [];
for (const c of cases) {
  const { hits } = await search(t.db, c.query, {}, { limit: 20, offset: 0 });
  const rank = rankOf(c, hits);
  if (rank === null || rank > c.within)
    failed.push(
      `${c.query} → ${c.expect} (${c.why}): ${rank === null ? "not on the first page" : `rank ${rank}`}`,
    );
}
await t.dispose();
const passed = cases.length - failed.length;
console.log(
  `relevance set: ${passed} / ${cases.length} pass (${((100 * passed) / cases.length).toFixed(1)} %)`,
);
for (const f of failed) console.log(`  ✗ ${f}`);
