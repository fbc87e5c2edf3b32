import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { search } from "../../catalog";
import { byline } from "../byline";
import { type BazaarFilters, bazaarPageSize } from "../schemas";
import { listings } from "../tables";
import {
  countUpTo,
  coverPhotos,
  type Listing,
  type ListingPhoto,
  listingsWithCovers,
  namesFor,
} from "./listings";

/** Counting stops here (see `countUpTo`). */
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
  if (f.q) {
    // Product, producer and certification filters are not in the search index: the window of matches (at most a
    // hundred) is read in full and narrowed here.
    const narrowHere =
      f.product !== undefined || f.producer !== undefined || (f.cert !== undefined && f.cert !== "gi");
    const found = await search(
      db,
      f.q,
      { kind: "listing", state: f.state, district: f.district, sector: f.sector, gi: f.cert === "gi" },
      narrowHere ? { limit: 500, offset: 0 } : { limit: bazaarPageSize, offset },
    );
    const { rows, covers } = await listingsWithCovers(
      db,
      found.hits.map((h) => Number(h.ref)),
      where,
    );
    // The search's order, and the words it shows under each title (written when the listing was published).
    const byId = new Map(rows.map((r) => [r.id, r]));
    const cards = found.hits.flatMap((h): BazaarCard[] => {
      const listing = byId.get(Number(h.ref));
      return listing
        ? [
            {
              listing,
              cover: covers.get(listing.id),
              byline: { en: h.contextEn, hi: h.contextHi ?? h.contextEn },
            },
          ]
        : [];
    });
    return {
      cards: narrowHere ? cards.slice(offset, offset + bazaarPageSize) : cards,
      total: narrowHere ? cards.length : found.total,
      capped: found.capped,
    };
  }
  const rows = await db
    .select()
    .from(listings)
    .where(where)
    // As the indexes are ordered (descending, nulls last), so that they answer without sorting.
    .orderBy(sql`${listings.publishedAt} desc nulls last`, sql`${listings.id} desc nulls last`)
    .limit(bazaarPageSize)
    .offset(offset);
  const count = await countUpTo(db, where, bazaarCountCap);
  const covers = await coverPhotos(
    db,
    rows.map((r) => r.id),
  );
  const names = await namesFor(db, rows);
  const line = (l: Listing, lang: "en" | "hi") => {
    const d = names.district(l.districtLgdCode);
    const st = names.state(l.stateLgdCode);
    const place = (en?: string, hi?: string | null) => (lang === "hi" ? (hi ?? en) : en) ?? "";
    return byline([
      names.producer(l.producerId),
      names.product(l.odopProductId)?.name ?? l.otherProduct,
      `${place(d?.nameEn, d?.nameHi)}, ${place(st?.nameEn, st?.nameHi)}`,
    ]);
  };
  return {
    cards: rows.map((listing) => ({
      listing,
      cover: covers.get(listing.id),
      byline: { en: line(listing, "en"), hi: line(listing, "hi") },
    })),
    ...count,
  };
}

/** A listing as a card shows it: its row, its cover photo, and the line under its title in each language. */
export type BazaarCard = {
  listing: Listing;
  cover: ListingPhoto | undefined;
  byline: { en: string; hi: string };
};
