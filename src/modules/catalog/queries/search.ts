import { and, eq, like, sql } from "drizzle-orm";
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
  const [known] = await db
    .select({ w: searchWords.word })
    .from(searchWords)
    .where(like(searchWords.word, `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
    .limit(1);
  if (known) return `${quote(word)}:*`;
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
): Promise<{ total: number; hits: SearchHit[] }> {
  const norm = normalizeName(q).slice(0, 200);
  const words = [...new Set(norm.split(" ").filter(Boolean))].slice(0, 8);
  if (words.length === 0) return { total: 0, hits: [] };
  const parts: string[] = [];
  for (const w of words) {
    const alt = await alternatives(db, w);
    if (alt === null) return { total: 0, hits: [] };
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
  // An exact title first, then States and districts before products and GI goods, then by text rank.
  const score = sql<number>`(
      (case when lower(${searchEntries.titleEn}) = ${norm} or ${searchEntries.titleHi} = ${q.trim()} then 2 else 0 end)
    + (case ${searchEntries.kind} when 'state' then 0.3 when 'district' then 0.2 when 'product' then 0.1 else 0 end)
    + ts_rank(${tsv}, ${tsq})
  )::float8`;
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(searchEntries).where(where);
  const hits = await db
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
}
