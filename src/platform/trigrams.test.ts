import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/support/database";
import { TrigramIndex, trigramsOf } from "./trigrams";

describe("trigram similarity in memory", () => {
  let t: TestDatabase;
  let index: TrigramIndex;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    const { rows } = (await t.db.execute(sql`select word from search_words`)) as unknown as {
      rows: { word: string }[];
    };
    index = new TrigramIndex(rows.map((r) => r.word));
  });
  afterAll(() => t.dispose());

  it("pads and counts as pg_trgm does", () => {
    expect([...trigramsOf("cat")].sort()).toEqual(["  c", " ca", "at ", "cat"]);
    expect(trigramsOf("aaaa").size).toBe(4); // "  a", " aa", "aaa", "aa " — each once
  });

  it.each(["darjling", "chikenkari", "terracota", "madhubni", "kashmiri", "banarsi", "tanjavur", "xq"])(
    "finds for %s the words PostgreSQL's pg_trgm finds, in its order",
    async (word) => {
      const { rows } = (await t.db.execute(
        sql`select word from search_words where word % ${word} order by similarity(word, ${word}) desc, word limit 3`,
      )) as unknown as { rows: { word: string }[] };
      expect(index.similar(word, 3)).toEqual(rows.map((r) => r.word));
    },
  );
});
