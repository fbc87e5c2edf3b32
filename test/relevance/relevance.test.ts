import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { search } from "../../src/modules/catalog";
import { freshDatabase, type TestDatabase } from "../support/database";
import { loadRelevanceSet, matches, rankOf } from "./relevance-set";

// The relevance set (test/relevance/queries.csv): queries people type — old place names, Hindi words, spelling
// variants, misspellings — each with the result it must show on the first page (or higher, where `within` says).
const cases = loadRelevanceSet();

describe("the relevance set", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
  });
  afterAll(() => t.dispose());

  it("has at least 60 queries, each expectation readable", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const c of cases) {
      expect(c.within, c.query).toBeGreaterThanOrEqual(1);
      expect(() => matches(c.expect, { kind: "", titleEn: "", contextEn: "" })).not.toThrow();
    }
  });

  it.each(cases.map((c) => [c.query, c.expect, c.within, c] as const))(
    "%s finds %s within the first %i",
    async (q, _expect, within, c) => {
      const { hits } = await search(t.db, q, {}, { limit: 20, offset: 0 });
      const rank = rankOf(c, hits);
      expect(rank, `${q} → ${hits.map((h) => `${h.kind}:${h.titleEn}`).join(" | ")}`).not.toBeNull();
      expect(rank).toBeLessThanOrEqual(within);
    },
  );
});
