import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { search } from "../../catalog";
import { type BazaarFilters, bazaarPageSize } from "../schemas";
import { listings } from "../tables";
import { coverPhotos, type Listing, namesFor } from "./listings";

/** Counting stops here: "more than 1,000" tells a buyer as much as an exact count over a million rows would. */
export const bazaarCountCap = 1_000;

const certificationWhere = (cert: BazaarFilters["cert"]) =>
  cert === "gi"
    ? isNotNull(listings.giAuthorisedUser)
    : cert === "organic"
      ? eq(listings.organic, true)
      : cert === "bis"
        ? eq(listings.bis, true)
        : undefined;

/**
 * The bazaar: published listings, newest first, narrowed by place, ODOP product, sector and certification. With
 * words, the site search finds them (place, sector and GI narrowed in the index; product and other certifications
 * among its matches) and its order is kept.
 */
export async function bazaar(db: DbOrTx, f: BazaarFilters) {
  const offset = (f.page - 1) * bazaarPageSize;
  const where = and(
    eq(listings.state, "published"),
    f.state !== undefined ? eq(listings.stateLgdCode, f.state) : undefined,
    f.district !== undefined ? eq(listings.districtLgdCode, f.district) : undefined,
    f.product !== undefined ? eq(listings.odopProductId, f.product) : undefined,
    f.producer !== undefined ? eq(listings.producerId, f.producer) : undefined,
    f.sector ? eq(listings.sectorCode, f.sector) : undefined,
    certificationWhere(f.cert),
  );
  let rows: Listing[];
  let total: number;
  let capped: boolean;
  if (f.q) {
    // Product and certification filters are not in the search index: the window of matches is read in full and
    // narrowed here (it is at most a few hundred ids).
    const narrowHere =
      f.product !== undefined || f.producer !== undefined || (f.cert !== undefined && f.cert !== "gi");
    const found = await search(
      db,
      f.q,
      { kind: "listing", state: f.state, district: f.district, sector: f.sector, gi: f.cert === "gi" },
      narrowHere ? { limit: 500, offset: 0 } : { limit: bazaarPageSize, offset },
    );
    const ids = found.hits.map((h) => Number(h.ref));
    const matched = ids.length
      ? await db
          .select()
          .from(listings)
          .where(and(where, inArray(listings.id, ids)))
      : [];
    const order = new Map(ids.map((id, i) => [id, i]));
    matched.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    rows = narrowHere ? matched.slice(offset, offset + bazaarPageSize) : matched;
    total = narrowHere ? matched.length : found.total;
    capped = found.capped;
  } else {
    rows = await db
      .select()
      .from(listings)
      .where(where)
      // As the indexes are ordered (descending, nulls last), so that they answer without sorting.
      .orderBy(sql`${listings.publishedAt} desc nulls last`, sql`${listings.id} desc nulls last`)
      .limit(bazaarPageSize)
      .offset(offset);
    const [{ n } = { n: 0 }] = (await db
      .execute(
        sql`select count(*)::int as n from (select 1 from ${listings} where ${where} limit ${bazaarCountCap + 1}) x`,
      )
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows)) as { n: number }[];
    total = Math.min(n, bazaarCountCap);
    capped = n > bazaarCountCap;
  }
  return {
    rows,
    total,
    capped,
    covers: await coverPhotos(
      db,
      rows.map((r) => r.id),
    ),
    names: await namesFor(db, rows),
  };
}
