import { and, eq, inArray, like, ne, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../platform/db";
import { hasDevanagari, romanise } from "../../../platform/romanise";
import { normalizeName } from "../../../platform/text";
import { searchEntries, searchWords } from "../tables";
import { englishFor } from "../vocabulary";

export type SearchKind = "product" | "district" | "state" | "gi" | "listing";
export type SearchFilters = {
  state?: number;
  sector?: string;
  gi?: boolean;
  kind?: SearchKind;
  /** Listings of one district (the bazaar's filter). */
  district?: number;
  /** The registry only: products, districts, States and GI goods, no listings (the suggestions). */
  registryOnly?: boolean;
};
export type SearchResult = { total: number; capped: boolean; hits: SearchHit[] };
export type SearchHit = {
  kind: string;
  ref: string;
  titleEn: string;
  titleHi: string | null;
  contextEn: string;
  contextHi: string | null;
  sectorCode: string | null;
  hasGi: boolean;
  isDemo: boolean;
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
  if (known?.exact) {
    // A whole word also stands for its plural or singular where the dictionary has it ("shawl" finds Kani Shawls).
    const forms = [`${word}s`, `${word}es`, ...(word.endsWith("s") ? [word.slice(0, -1)] : [])];
    const other = await db
      .select({ w: searchWords.word })
      .from(searchWords)
      .where(inArray(searchWords.word, forms));
    return other.length ? `(${[word, ...other.map((o) => o.w)].map(quote).join(" | ")})` : quote(word);
  }
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
 * What a word written in Devanagari may stand for: itself (the Hindi names of places and products), the English
 * words the glossary gives for it ("रेशम" → silk), and its romanisation matched like any English word
 * ("मोरादाबाद" → moradabad). Null when none of them is known.
 */
async function hindiAlternatives(db: DbOrTx, word: string): Promise<string | null> {
  const found = [
    await alternatives(db, word),
    ...(await Promise.all(englishFor(word).map((en) => alternatives(db, en)))),
    await alternatives(db, romanise(word)),
  ].filter((a): a is string => a !== null);
  return found.length ? `(${[...new Set(found)].join(" | ")})` : null;
}

/** The words a title should hold for a hit to rank first: the query's first word, or what it stands for. */
const titleWordsOf = (word: string) =>
  hasDevanagari(word) ? [word, ...englishFor(word), romanise(word)] : [word];

/**
 * Searches products, districts (by any name they have had), States and GI goods: every query word must match, as
 * a word, a prefix or — when nothing starts with it — a likely correction. The match itself is one full-text
 * lookup on an index.
 */
export async function searchUncached(
  db: DbOrTx,
  q: string,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): Promise<SearchResult> {
  // Settings made here last until the end of this transaction only, whichever pooled connection serves it.
  return db.transaction(async (tx) => {
    // The dictionary is small enough that the planner would rather scan it, computing a similarity for every word
    // (13 ms on PGlite); its trigram index answers in a fraction of that.
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
    return searchIn(tx, q, filters, page);
  });
}

const registryWindow = 2000;
const listingWindow = 100;

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
    const alt = hasDevanagari(w) ? await hindiAlternatives(db, w) : await alternatives(db, w);
    if (alt === null) return { total: 0, capped: false, hits: [] };
    parts.push(alt);
  }
  // For a word in hundreds of thousands of listings, let the index stop after a sample (the ranking looks at the
  // first 100); set only now, so that it never cuts short the dictionary look-ups above. The registry's index is far
  // smaller than the sample, so the registry is always read in full.
  await db.execute(sql`select set_config('gin_fuzzy_search_limit', ${String(4 * listingWindow)}, true)`);
  const tsq = sql`to_tsquery('simple', ${parts.join(" & ")})`;
  const tsv = sql`to_tsvector('simple', ${searchEntries.terms})`;
  const where = and(
    sql`${tsv} @@ ${tsq}`,
    filters.district !== undefined ? eq(searchEntries.districtLgdCode, filters.district) : undefined,
    filters.kind ? eq(searchEntries.kind, filters.kind) : undefined,
    filters.state !== undefined ? eq(searchEntries.stateLgdCode, filters.state) : undefined,
    filters.sector ? eq(searchEntries.sectorCode, filters.sector) : undefined,
    filters.gi ? eq(searchEntries.hasGi, true) : undefined,
  );
  // Ranking and counting look at the first matches of the registry (2,000) and of the listings (100) only: a common
  // word in a million listings would otherwise rank and count every one of them.
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
    isDemo: searchEntries.isDemo,
    names: searchEntries.names,
    terms: searchEntries.terms,
  };
  const registry = db
    .select(columns)
    .from(searchEntries)
    .where(and(where, ne(searchEntries.kind, "listing")))
    .limit(registryWindow);
  const listings = db
    .select(columns)
    .from(searchEntries)
    .where(and(where, eq(searchEntries.kind, "listing")))
    .limit(listingWindow);
  // A search of one side (the bazaar's, of listings only) reads only that side's index.
  const candidates = (
    filters.kind === "listing"
      ? listings
      : filters.kind || filters.registryOnly
        ? registry
        : unionAll(registry, listings)
  ).as("c");
  // An exact name first — the title or any name the entry goes by (Bombay for Mumbai) — then States and districts
  // before products and GI goods, then a title that holds the first word (or, for a Hindi word, what it stands for),
  // and each word found as typed rather than corrected ("मधुबनी" is Madhubani's Hindi name, not "madhya").
  const titleLike = titleWordsOf(words[0] ?? "").map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const score = sql<number>`(
      (case when lower(${candidates.titleEn}) = ${norm} or ${candidates.titleHi} = ${q.trim()}
              or position(${`|${norm}|`} in '|' || ${candidates.names} || '|') > 0 then 2 else 0 end)
    + (case ${candidates.kind} when 'state' then 0.3 when 'district' then 0.2 when 'product' then 0.1 else 0 end)
    + (case when lower(${candidates.titleEn}) like any(array[${sql.join(
      titleLike.map((l) => sql`${l}`),
      sql`, `,
    )}]::text[]) then 0.5 else 0 end)
    + ${sql.join(
      words
        .slice(0, 4)
        .map(
          (w) =>
            sql`(case when position(${` ${w} `} in ' ' || ${candidates.terms} || ' ') > 0 then 0.2 else 0 end)`,
        ),
      sql` + `,
    )}
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
      isDemo: candidates.isDemo,
      score,
      registry: sql<number>`(count(*) filter (where ${candidates.kind} <> 'listing') over ())::int`,
      listings: sql<number>`(count(*) filter (where ${candidates.kind} = 'listing') over ())::int`,
    })
    .from(candidates)
    .orderBy(sql`${score} desc`, candidates.titleEn, candidates.id)
    .limit(page.limit)
    .offset(page.offset);
  const hits = rows.map(({ registry: _r, listings: _l, ...hit }) => hit);
  let counts = rows[0] ?? { registry: 0, listings: 0 };
  // Past the last page the window counts have no row to ride on: count on their own.
  if (rows.length === 0 && page.offset > 0) {
    const [row] = await db
      .select({
        registry: sql<number>`(count(*) filter (where ${candidates.kind} <> 'listing'))::int`,
        listings: sql<number>`(count(*) filter (where ${candidates.kind} = 'listing'))::int`,
      })
      .from(candidates);
    counts = row ?? counts;
  }
  return {
    total: counts.registry + counts.listings,
    capped: counts.registry >= registryWindow || counts.listings >= listingWindow,
    hits,
  };
}
