import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { normalizeName } from "../../../platform/text";
import { searchEntries } from "../tables";

export type SearchKind = "product" | "district" | "state" | "gi";
export type SearchFilters = {
  state?: number;
  sector?: string;
  gi?: boolean;
  kind?: SearchKind;
  /** Generated rows (benchmarks) are searched only when asked for: never on public pages. */
  includeGenerated?: boolean;
};
export type SearchHit = {
  kind: string;
  ref: string;
  titleEn: string;
  titleHi: string | null;
  contextEn: string;
  contextHi: string | null;
  sectorCode: string | null;
  hasGi: boolean;
  score: number;
};

/** How close a word must be to count as a typo of it (pg_trgm word similarity; "chikenkari" ~ "chikankari" is 0.57). */
const typoThreshold = 0.5;

/** A prefix query over the words of the search: "channapatna toy" → 'channapatna':* & 'toy':*. */
function prefixQuery(words: string[]) {
  return words.map((w) => `'${w.replace(/'/g, "")}':*`).join(" & ");
}

/**
 * Searches products, districts (by any name they have had), States and GI goods. Words and prefixes match through
 * full-text search; misspellings through trigram similarity. Runs in one transaction so that the similarity
 * threshold applies to this query only, on whichever pooled connection serves it.
 */
export async function search(
  db: DbOrTx,
  q: string,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; hits: SearchHit[] }> {
  const norm = normalizeName(q).slice(0, 200);
  const words = norm.split(" ").filter(Boolean).slice(0, 8);
  if (words.length === 0) return { total: 0, hits: [] };
  const tsq = sql`to_tsquery('simple', ${prefixQuery(words)})`;
  const tsv = sql`to_tsvector('simple', ${searchEntries.terms})`;
  const where = and(
    sql`(${tsv} @@ ${tsq} or ${norm} <% ${searchEntries.terms})`,
    filters.includeGenerated ? undefined : eq(searchEntries.isDemo, false),
    filters.kind ? eq(searchEntries.kind, filters.kind) : undefined,
    filters.state !== undefined ? eq(searchEntries.stateLgdCode, filters.state) : undefined,
    filters.sector ? eq(searchEntries.sectorCode, filters.sector) : undefined,
    filters.gi ? eq(searchEntries.hasGi, true) : undefined,
  );
  // An exact title beats a word in the title, which beats a prefix, which beats a typo.
  const score = sql<number>`(
      (case when lower(${searchEntries.titleEn}) = ${norm} then 2 else 0 end)
    + (case when ${tsv} @@ ${tsq} then 1 else 0 end)
    + word_similarity(${norm}, ${searchEntries.terms})
    + (case ${searchEntries.kind} when 'state' then 0.3 when 'district' then 0.2 when 'product' then 0.1 else 0 end)
  )::float8`;
  const run = async (tx: DbOrTx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(typoThreshold)}, true)`,
    );
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(searchEntries).where(where);
    const hits = await tx
      .select({
        kind: searchEntries.kind,
        ref: searchEntries.ref,
        titleEn: searchEntries.titleEn,
        titleHi: searchEntries.titleHi,
        contextEn: searchEntries.contextEn,
        contextHi: searchEntries.contextHi,
        sectorCode: searchEntries.sectorCode,
        hasGi: searchEntries.hasGi,
        score,
      })
      .from(searchEntries)
      .where(where)
      .orderBy(sql`9 desc`, searchEntries.titleEn, searchEntries.id)
      .limit(page.limit)
      .offset(page.offset);
    return { total: count?.n ?? 0, hits };
  };
  return db.transaction(run);
}
