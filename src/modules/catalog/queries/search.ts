import { and, eq, ne, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../platform/db";
import { hasDevanagari, romanise } from "../../../platform/romanise";
import { escapeLike, normalizeName } from "../../../platform/text";
import type { TrigramIndex } from "../../../platform/trigrams";
import { searchEntries, searchWords } from "../tables";
import { englishFor, synonymous, synonymsOf } from "../vocabulary";
import { dictionaryOf } from "./search-state";

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

/** What the dictionary says of a word: it is one, some word starts with it, and its plural or singular it has. */
type Known = { exact: boolean; prefixed: boolean; forms: string[] };
const formsOf = (w: string) => [`${w}s`, `${w}es`, ...(w.endsWith("s") ? [w.slice(0, -1)] : [])];

/**
 * Looks every word up in the dictionary at once: one query however many words and Hindi expansions there are.
 * Equality is written "between w and w" so that only the key's b-tree can answer it: PostgreSQL would otherwise take
 * the trigram index for "=" (it can): the look-up took 9.5 ms for one word, 0.5 ms with ranges. "Starts with" is a range in byte
 * order on the pattern index (below the highest code point), not a LIKE the planner cannot narrow.
 */
async function lookUp(db: DbOrTx, words: string[]): Promise<Map<string, Known>> {
  if (words.length === 0) return new Map();
  const result = await db.execute(sql`
    select q.w,
      exists (select 1 from ${searchWords} s where s.word between q.w and q.w) as exact,
      exists (select 1 from ${searchWords} s where s.word ~>=~ q.w and s.word ~<~ (q.w || chr(1114111))) as prefixed,
      (select array_agg(f) from unnest(q.forms) f
        where exists (select 1 from ${searchWords} s where s.word between f and f)) as forms
    from (values ${sql.join(
      words.map(
        (w) =>
          sql`(${w}::text, array[${sql.join(
            formsOf(w).map((f) => sql`${f}`),
            sql`, `,
          )}]::text[])`,
      ),
      sql`, `,
    )}) as q(w, forms)`);
  const { rows } = result as unknown as {
    rows: { w: string; exact: boolean; prefixed: boolean; forms: string[] | null }[];
  };
  return new Map(rows.map((r) => [r.w, { exact: r.exact, prefixed: r.prefixed, forms: r.forms ?? [] }]));
}

/**
 * A dictionary word as a query: a whole word stands for itself and its plural or singular where the dictionary has
 * them ("shawl" finds Kani Shawls) — not as a prefix, which would merge the posting lists of every longer word
 * (handloom, handlooms, …), costly on a million rows; a word that only starts others is a prefix.
 */
function known(word: string, k: Known | undefined): string | null {
  // A form that is a synonym is in every entry's terms beside the word already: asking for both costs a second
  // posting list (of a million listings) for nothing.
  const forms = k?.forms.filter((f) => !synonymous(word, f)) ?? [];
  if (k?.exact) return forms.length ? `(${[word, ...forms].map(quote).join(" | ")})` : quote(word);
  if (k?.prefixed) return `${quote(word)}:*`;
  return null;
}

/** The (at most three) dictionary words most like a word by trigrams: "darjling" → darjeeling. */
async function similar(dictionary: () => Promise<TrigramIndex>, word: string): Promise<string | null> {
  if (word.length < 3) return null;
  const found = (await dictionary()).similar(word, 3);
  return found.length ? `(${found.map(quote).join(" | ")})` : null;
}

/**
 * What each query word may stand for. A word in Latin letters: itself (with its plural or singular), as a prefix,
 * else the words most like it. A word in Devanagari: itself (the Hindi names of places and products) and the
 * English words the glossary gives for it ("रेशम" → silk); when none of those is known, its romanisation, matched
 * like an English word ("मोरादाबाद" → moradabad). Null for a word that stands for nothing.
 */
async function alternativesOf(
  db: DbOrTx,
  words: string[],
  dictionary: () => Promise<TrigramIndex>,
): Promise<(string | null)[]> {
  const expansions = words.map((w) => (hasDevanagari(w) ? [w, ...englishFor(w)] : [w]));
  const romanised = words.map((w) => (hasDevanagari(w) ? romanise(w) : null));
  const looked = await lookUp(db, [
    ...new Set([...expansions.flat(), ...romanised.filter((r): r is string => !!r)]),
  ]);
  const out: (string | null)[] = [];
  for (const [i, w] of words.entries()) {
    // Glossary words that are synonyms of one another ("carpet", "carpets") are asked for once.
    const words = (expansions[i] ?? []).filter((x, j, all) => !all.slice(0, j).some((y) => synonymous(y, x)));
    const found = words.map((x) => known(x, looked.get(x))).filter((x) => x !== null);
    if (found.length) out.push(found.length === 1 ? (found[0] as string) : `(${found.join(" | ")})`);
    else if (romanised[i] === null) out.push(await similar(dictionary, w));
    else {
      // A Hindi word the dictionary lacks: its romanisation, else words like it in either script ("कश्मीरी" is
      // close to कश्मीर of the State's Hindi name, "kashmiri" to kashmir).
      const latin = romanised[i] as string;
      const like = [
        known(latin, looked.get(latin)) ?? (await similar(dictionary, latin)),
        await similar(dictionary, w),
      ];
      const any = like.filter((x) => x !== null);
      out.push(any.length ? `(${any.join(" | ")})` : null);
    }
  }
  return out;
}

/**
 * The words a title should hold for a hit to rank first: the query's first word or its synonyms ("ikkat" for
 * Pochampalli Ikat), or, for a Hindi word, what it stands for.
 */
const titleWordsOf = (word: string) =>
  hasDevanagari(word) ? [word, ...englishFor(word), romanise(word)] : [word, ...synonymsOf(word)];

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
    // The indexes answer the dictionary look-ups and the match in a fraction of what the scans the planner would
    // otherwise pick cost on the small tables (measured: 13 ms against ~1 on PGlite).
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
    return searchIn(tx, q, filters, page, () => dictionaryOf(db, tx));
  });
}

const registryWindow = 2000;
const listingWindow = 100;

async function searchIn(
  db: DbOrTx,
  q: string,
  filters: SearchFilters,
  page: { limit: number; offset: number },
  dictionary: () => Promise<TrigramIndex>,
): Promise<{ total: number; capped: boolean; hits: SearchHit[] }> {
  const norm = normalizeName(q).slice(0, 200);
  const words = [...new Set(norm.split(" ").filter(Boolean))].slice(0, 8);
  if (words.length === 0) return { total: 0, capped: false, hits: [] };
  const alternatives = await alternativesOf(db, words, dictionary);
  if (alternatives.some((a) => a === null)) return { total: 0, capped: false, hits: [] };
  const parts = alternatives as string[];
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
  // A listing's words are its product's and more (long): they are not carried into the ranking, where only the
  // registry's entries earn the bonus of a word found as typed (20 % of a search's time on a million listings).
  const listings = db
    .select({ ...columns, terms: sql<string>`''::text`.as("terms") })
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
  const titleLike = titleWordsOf(words[0] ?? "").map((w) => `%${escapeLike(w)}%`);
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
