import { and, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { normalizeName } from "../../../platform/text";
import { products, searchEntries, searchWords } from "../tables";
import { termsOf } from "../vocabulary";
import { bumpSearchStamp } from "./search-stamp";

/** A published listing as the site search knows it: the words it is found by and what a hit shows. */
export type ListingEntry = {
  listingId: number;
  titleEn: string;
  titleHi: string | null;
  contextEn: string;
  contextHi: string | null;
  stateLgdCode: number;
  districtLgdCode: number;
  sectorCode: string | null;
  hasGi: boolean;
  /** Every name it should be found by: title, product, district, sector, HS heading… */
  names: (string | null | undefined)[];
  isDemo: boolean;
};

/**
 * Puts a listing into the site search, or refreshes it (in the caller's transaction, beside the listing's own write).
 * Its new words join the dictionary that prefixes and misspellings are matched against.
 */
export async function indexListing(tx: DbOrTx, entry: ListingEntry): Promise<void> {
  await unindexListing(tx, entry.listingId);
  const terms = termsOf(...entry.names);
  await tx.insert(searchEntries).values({
    kind: "listing",
    ref: String(entry.listingId),
    titleEn: entry.titleEn,
    titleHi: entry.titleHi,
    contextEn: entry.contextEn,
    contextHi: entry.contextHi,
    stateLgdCode: entry.stateLgdCode,
    districtLgdCode: entry.districtLgdCode,
    sectorCode: entry.sectorCode,
    hasGi: entry.hasGi,
    terms,
    names: normalizeName(entry.titleEn),
    isDemo: entry.isDemo,
  });
  const words = [...new Set(terms.split(" "))].filter((w) => w.length > 1 && !/^[0-9]+$/.test(w));
  if (words.length)
    await tx
      .insert(searchWords)
      .values(words.map((word) => ({ word })))
      .onConflictDoNothing();
}

/** Takes a listing out of the site search (withdrawn or hidden). Its words stay: a word that finds nothing is harmless. */
export async function unindexListing(tx: DbOrTx, listingId: number): Promise<void> {
  await tx
    .delete(searchEntries)
    .where(and(eq(searchEntries.kind, "listing"), eq(searchEntries.ref, String(listingId))));
  await bumpSearchStamp(tx);
}

/**
 * Indexes many generated listings at once (the benchmark generator's million rows), each found by the words of its
 * ODOP product's own search entry and its extra words. `rows` is a query yielding listing_id, product_id, title,
 * producer_name, extra_terms and is_demo. The listings' index is dropped and rebuilt around the insert, far faster.
 */
export async function indexListingsInBulk(tx: DbOrTx, rows: SQL): Promise<void> {
  await tx.execute(sql`drop index if exists search_entries_fts_listings`);
  await tx.execute(sql`
    insert into ${searchEntries} (kind, ref, title_en, context_en, context_hi, state_lgd_code, district_lgd_code,
      sector_code, has_gi, terms, is_demo)
    select 'listing', l.listing_id::text, l.title, l.producer_name || ' · ' || p.name || ' · ' || e.context_en,
           l.producer_name || ' · ' || p.name || ' · ' || e.context_hi, p.state_lgd_code, p.district_lgd_code,
           p.sector_code, false,
           e.terms || ' ' || l.extra_terms, l.is_demo
    from (${rows}) l
    join ${products} p on p.id = l.product_id
    join ${searchEntries} e on e.kind = 'product' and e.ref = p.slug`);
  await tx.execute(
    sql`create index search_entries_fts_listings on ${searchEntries} using gin (to_tsvector('simple', terms)) where kind = 'listing'`,
  );
  await tx.execute(sql`
    insert into ${searchWords} (word)
    select distinct w from ${searchEntries}, regexp_split_to_table(${searchEntries.terms}, ' ') as w
    where kind = 'listing' and length(w) > 1 and w !~ '^[0-9]+$'
    on conflict do nothing`);
  await bumpSearchStamp(tx);
}
