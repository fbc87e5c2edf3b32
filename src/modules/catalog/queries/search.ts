import { and, eq, like, ne, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../platform/db";
import { normalizeName } from "../../../platform/text";
import { searchEntries, searchWords } from "../tables";

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

const quote = (w: string) => `'${w.replace(/'/g, "")}'`;

/**
 * What each query word may stand for: itself as a prefix when some indexed word starts with it, otherwise the
 * (at most three) indexed words most like it by trigrams — "darjling" → darjeeling. The dictionary is small (one
 * row per distinct word), so this stays fast however many entries there are.
 */
async function alternatives(db: DbOrTx, word: string): Promise<string | null> {
  // A whole dictionary word is looked up as itself: its prefix would also merge the posting lists of every longer
  // word (handloom, handlooms, …), which on a million rows costs more than the match. One query tells both.
  const [known] = await db
    .select({ exact: sql<boolean>`${searchWords.word} = ${word}` })
    .from(searchWords)
    .where(like(searchWords.word, `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
    .orderBy(sql`${searchWords.word} = ${word} desc`)
    .limit(1);
  if (known) return known.exact ? quote(word) : `${quote(word)}:*`;
  if (word.length < 3) return null;
  const similar = await db
    .select({ w: searchWords.word })
    .from(searchWords)
    .where(sql`${searchWords.word} % ${word}`)
    .orderBy(sql`similarity(${searchWords.word}, ${word}) desc`, searchWords.word)
    .limit(3);
  return similar.length ? `(${similar.map((s) => quote(s.w)).join(" | ")})` : null;
}

/**
 * Searches products, districts (by any name they have had), States and GI goods: every query word must match, as
 * a word, a prefix or — when nothing starts with it — a likely correction. The match itself is one full-text
 * lookup on an index.
 */
export async function search(
  db: DbOrTx,
  q: string,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; capped: boolean; hits: SearchHit[] }> {
  return db.transaction(async (tx) => {
    // For a word in hundreds of thousands of listings, let the index stop after a sample of 10,000 (the ranking
    // looks at 2,000); the registry's index is far smaller than that, so it is always read in full.
    await tx.execute(sql`select set_config('gin_fuzzy_search_limit', '10000', true)`);
    return searchIn(tx, q, filters, page);
  });
}

async function searchIn(
  db: DbOrTx,
  q: string,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; capped: boolean; hits: SearchHit[] }> {
  const norm = normalizeName(q).slice(0, 200);
  const words = [...new Set(norm.split(" ").filter(Boolean))].slice(0, 8);
  if (words.length === 0) return { total: 0, capped: false, hits: [] };
  const parts: string[] = [];
  for (const w of words) {
    const alt = await alternatives(db, w);
    if (alt === null) return { total: 0, capped: false, hits: [] };
    parts.push(alt);
  }
  const tsq = sql`to_tsquery('simple', ${parts.join(" & ")})`;
  const tsv = sql`to_tsvector('simple', ${searchEntries.terms})`;
  const where = and(
    sql`${tsv} @@ ${tsq}`,
    filters.includeGenerated ? undefined : eq(searchEntries.isDemo, false),
    filters.kind ? eq(searchEntries.kind, filters.kind) : undefined,
    filters.state !== undefined ? eq(searchEntries.stateLgdCode, filters.state) : undefined,
    filters.sector ? eq(searchEntries.sectorCode, filters.sector) : undefined,
    filters.gi ? eq(searchEntries.hasGi, true) : undefined,
  );
  // Ranking and counting look at the first `window` matches of the registry and of the listings only: a common
  // word in a million listings would otherwise rank and count every one of them. The registry (products,
  // districts, States, GI goods) is always searched in full.
  const window = 2000;
  const columns = {
    id: searchEntries.id,
    kind: searchEntries.kind,
    ref: searchEntries.ref,
    titleEn: searchEntries.titleEn,
    titleHi: searchEntries.titleHi,
    contextEn: searchEntries.contextEn,
    contextHi: searchEntries.contextHi,
    sectorCode: searchEntries.sectorCode,
    hasGi: searchEntries.hasGi,
  };
  const candidates = unionAll(
    db
      .select(columns)
      .from(searchEntries)
      .where(and(where, ne(searchEntries.kind, "listing")))
      .limit(window),
    db
      .select(columns)
      .from(searchEntries)
      .where(and(where, eq(searchEntries.kind, "listing")))
      .limit(window),
  ).as("c");
  // An exact title first, then States and districts before products and GI goods.
  const score = sql<number>`(
      (case when lower(${candidates.titleEn}) = ${norm} or ${candidates.titleHi} = ${q.trim()} then 2 else 0 end)
    + (case ${candidates.kind} when 'state' then 0.3 when 'district' then 0.2 when 'product' then 0.1 else 0 end)
    + (case when lower(${candidates.titleEn}) like ${`%${words[0]}%`} then 0.5 else 0 end)
  )::float8`;
  const rows = await db
    .select({
      kind: candidates.kind,
      ref: candidates.ref,
      titleEn: candidates.titleEn,
      titleHi: candidates.titleHi,
      contextEn: candidates.contextEn,
      contextHi: candidates.contextHi,
      sectorCode: candidates.sectorCode,
      hasGi: candidates.hasGi,
      score,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(candidates)
    .orderBy(sql`9 desc`, candidates.titleEn, candidates.id)
    .limit(page.limit)
    .offset(page.offset);
  const hits = rows.map(({ total: _, ...hit }) => hit);
  let total = rows[0]?.total ?? 0;
  // Past the last page the window count has no row to ride on: count on its own.
  if (rows.length === 0 && page.offset > 0) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(candidates);
    total = row?.n ?? 0;
  }
  return { total, capped: total >= window, hits };
}
