import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { searchEntries } from "../tables";
import { refreshSearchWords } from "./search-index";

/**
 * Fills the search table with `count` generated listings for benchmarks: each is a real product name of the live
 * revision with a serial number, in its real district, marked `is_demo` so that no page, export or open-data file
 * ever shows it. Generated in the database itself (generate_series), so a million rows take seconds.
 */
export async function generateDemoListings(tx: DbOrTx, count: number): Promise<number> {
  await tx.execute(sql`drop index if exists search_entries_fts_listings`);
  await tx.execute(sql`drop index if exists search_entries_trgm`);
  await tx.execute(sql`
    with real as (
      select row_number() over (order by ref) - 1 as i, title_en, context_en, terms, state_lgd_code, sector_code
      from ${searchEntries} where kind = 'product' and not is_demo
    ), n as (select count(*) as n from real)
    insert into ${searchEntries} (kind, ref, title_en, context_en, state_lgd_code, sector_code, terms, is_demo)
    select 'listing', 'demo-' || g, r.title_en || ' (demo listing ' || g || ')', r.context_en, r.state_lgd_code,
           r.sector_code, r.terms || ' demo ' || g, true
    from generate_series(1, ${count}) g cross join n join real r on r.i = g % n.n`);
  await tx.execute(
    sql`create index search_entries_fts_listings on ${searchEntries} using gin (to_tsvector('simple', terms)) where kind = 'listing'`,
  );
  await tx.execute(sql`create index search_entries_trgm on ${searchEntries} using gin (terms gin_trgm_ops)`);
  await refreshSearchWords(tx);
  const result = (await tx.execute(
    sql`select count(*)::int as n from ${searchEntries} where is_demo`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]?.n ?? 0;
}
