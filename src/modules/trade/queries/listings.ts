import { and, asc, desc, eq, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, placeScope } from "../../accounts";
import { productsByIds } from "../../catalog";
import { getDistricts, listStates } from "../../geo";
import { producerNames, producerSummary, producersOwnedBy } from "../../producers";
import type { ListingState } from "../listing-flow";
import { can } from "../policy";
import { listingPhotos, listings } from "../tables";

export type Listing = typeof listings.$inferSelect;
export type ListingPhoto = typeof listingPhotos.$inferSelect;

/** The photos of some listings, in the producer's order. */
export async function photosOf(db: DbOrTx, ids: readonly number[]): Promise<Map<number, ListingPhoto[]>> {
  const out = new Map<number, ListingPhoto[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(listingPhotos)
    .where(inArray(listingPhotos.listingId, [...ids]))
    .orderBy(asc(listingPhotos.listingId), asc(listingPhotos.position), asc(listingPhotos.id));
  for (const r of rows) out.set(r.listingId, [...(out.get(r.listingId) ?? []), r]);
  return out;
}

/** The first photo of each listing: what a card shows. One row per listing however many photos it has. */
export async function coverPhotos(db: DbOrTx, ids: readonly number[]): Promise<Map<number, ListingPhoto>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([listingPhotos.listingId])
    .from(listingPhotos)
    .where(inArray(listingPhotos.listingId, [...ids]))
    .orderBy(asc(listingPhotos.listingId), asc(listingPhotos.position), asc(listingPhotos.id));
  return new Map(rows.map((r) => [r.listingId, r]));
}

/**
 * Some listings with their cover photos, in one query (the bazaar's search path, where every query counts): the
 * cover is the photo with the lowest position, which is unique within a listing.
 */
export async function listingsWithCovers(db: DbOrTx, ids: readonly number[], where?: SQL) {
  if (ids.length === 0) return { rows: [] as Listing[], covers: new Map<number, ListingPhoto>() };
  const found = await db
    .select({ listing: listings, cover: listingPhotos })
    .from(listings)
    .leftJoin(
      listingPhotos,
      and(
        eq(listingPhotos.listingId, listings.id),
        sql`${listingPhotos.position} = (select min(p.position) from ${listingPhotos} p where p.listing_id = ${listings.id})`,
      ),
    )
    .where(and(where, inArray(listings.id, [...ids])));
  const covers = new Map<number, ListingPhoto>();
  for (const f of found) if (f.cover) covers.set(f.listing.id, f.cover);
  return { rows: found.map((f) => f.listing), covers };
}

/** What pages show beside listings: the names of their producers, products, districts and States. */
export async function namesFor(db: DbOrTx, rows: readonly Listing[]) {
  const [producers, products, districts, states] = await Promise.all([
    producerNames(
      db,
      rows.map((r) => r.producerId),
    ),
    productsByIds(
      db,
      rows.flatMap((r) => (r.odopProductId ? [r.odopProductId] : [])),
    ),
    getDistricts(db, [...new Set(rows.map((r) => r.districtLgdCode))]),
    listStates(db),
  ]);
  return {
    producer: (id: number) => producers.get(id) ?? "",
    product: (id: number | null) => products.find((p) => p.id === id) ?? null,
    district: (code: number) => districts.find((d) => d.lgdCode === code) ?? null,
    state: (code: number) => states.find((s) => s.lgdCode === code) ?? null,
  };
}
export type ListingNames = Awaited<ReturnType<typeof namesFor>>;

/**
 * A listing with its photos for the people who may act on it: its producer's owner (to edit), or an officer whose
 * scope reaches it (to moderate). Anyone else: 404, as if it did not exist.
 */
export async function listingForActor(db: DbOrTx, actor: Actor | null, id: number) {
  const [l] = await db.select().from(listings).where(eq(listings.id, id));
  const producer = l ? await producerSummary(db, l.producerId) : null;
  if (!l || !producer) throw new AppError("not_found", "No such listing");
  const ref = { ...producer, stateLgdCode: l.stateLgdCode, districtLgdCode: l.districtLgdCode };
  const owner = !!can(actor, "listing:edit", ref);
  const officer = !!can(actor, "listing:moderate", ref);
  if (!owner && !officer) throw new AppError("not_found", "No such listing");
  return { listing: l, producer, owner, officer, photos: (await photosOf(db, [id])).get(id) ?? [] };
}

/** A published listing for everyone, with its photos, or null (drafts, withdrawn and hidden ones are nobody's). */
export async function publicListing(db: DbOrTx, id: number) {
  const [l] = await db
    .select()
    .from(listings)
    .where(and(eq(listings.id, id), eq(listings.state, "published")));
  if (!l) return null;
  return { listing: l, photos: (await photosOf(db, [id])).get(id) ?? [], names: await namesFor(db, [l]) };
}

/** A photo as the public sees it: only a published listing's. */
export async function publicPhoto(db: DbOrTx, photoId: number) {
  const [row] = await db
    .select({ variants: listingPhotos.variants })
    .from(listingPhotos)
    .innerJoin(listings, eq(listings.id, listingPhotos.listingId))
    .where(and(eq(listingPhotos.id, photoId), eq(listings.state, "published")));
  return row ?? null;
}

/** A photo of a listing the person may act on (a draft's, a hidden one's), for its edit and moderation pages. */
export async function photoForActor(db: DbOrTx, actor: Actor | null, id: number, photoId: number) {
  const { photos } = await listingForActor(db, actor, id);
  const photo = photos.find((p) => p.id === photoId);
  if (!photo) throw new AppError("not_found", "No such photo");
  return photo;
}

/** The listings of the producers a person owns, newest first, with their covers: the producer's own list. */
export async function myListings(db: DbOrTx, actor: Actor) {
  const producers = await producersOwnedBy(db, actor.userId);
  if (producers.length === 0) return { producers, rows: [], covers: new Map<number, ListingPhoto>() };
  const rows = await db
    .select()
    .from(listings)
    .where(
      inArray(
        listings.producerId,
        producers.map((p) => p.id),
      ),
    )
    .orderBy(desc(listings.updatedAt), desc(listings.id));
  return {
    producers,
    rows,
    covers: await coverPhotos(
      db,
      rows.map((r) => r.id),
    ),
  };
}

/**
 * How many listings match, counted up to `cap`: "more than 1,000" tells a person as much as an exact count over a
 * million rows would, at a fraction of the cost.
 */
export async function countUpTo(db: DbOrTx, where: SQL | undefined, cap: number) {
  const [row] = (await db
    .execute(
      sql`select count(*)::int as n from (select 1 from ${listings} where ${where ?? sql`true`} limit ${cap + 1}) x`,
    )
    .then((r) => (r as unknown as { rows: { n: number }[] }).rows)) as { n: number }[];
  const n = row?.n ?? 0;
  return { total: Math.min(n, cap), capped: n > cap };
}

export const moderationPageSize = 50;
export const moderationCountCap = 5_000;

/**
 * The listings an officer watches: those of its district, State or (the administrator) all, in a state, newest
 * first, a page at a time. Filtered in SQL by the officer's scope.
 */
export async function moderationList(
  db: DbOrTx,
  actor: Actor,
  f: { state: Extract<ListingState, "published" | "hidden" | "withdrawn">; page: number },
) {
  if (!can(actor, "listing:moderate-queue", null))
    throw new AppError("forbidden", "Not allowed: moderate listings");
  const scope = placeScope(actor, ["national_admin", "state_officer", "district_officer"]);
  const where = and(
    eq(listings.state, f.state),
    scope.all
      ? undefined
      : or(
          inArray(listings.stateLgdCode, scope.states.length ? scope.states : [-1]),
          inArray(listings.districtLgdCode, scope.districts.length ? scope.districts : [-1]),
        ),
  );
  // An administrator's list of a million listings needs no exact count.
  const count = await countUpTo(db, where, moderationCountCap);
  const rows = await db
    .select()
    .from(listings)
    .where(where)
    // As the index is ordered, so that it answers without sorting.
    .orderBy(sql`${listings.updatedAt} desc nulls last`, sql`${listings.id} desc nulls last`)
    .limit(moderationPageSize)
    .offset((f.page - 1) * moderationPageSize);
  return {
    ...count,
    rows,
    names: await namesFor(db, rows),
  };
}

/** Generated listings in id order after `afterId` (the benchmark of large exports; never real data). */
export async function demoListingsAfter(db: DbOrTx, afterId: number, limit: number) {
  return db
    .select({
      id: listings.id,
      title: listings.titleEn,
      stateLgdCode: listings.stateLgdCode,
      districtLgdCode: listings.districtLgdCode,
      sector: listings.sectorCode,
      priceMinInr: listings.priceMinInr,
      priceMaxInr: listings.priceMaxInr,
    })
    .from(listings)
    .where(and(eq(listings.isDemo, true), gt(listings.id, afterId)))
    .orderBy(asc(listings.id))
    .limit(limit);
}

const openWhere = and(eq(listings.state, "published"), eq(listings.isDemo, false));

/** What changes the bazaar's open data: how many real listings are published, and when one last changed. */
export async function listingDataStamp(db: DbOrTx): Promise<string> {
  const [row] = await db
    .select({ stamp: sql<string>`count(*) || '-' || coalesce(max(${listings.updatedAt})::text, '')` })
    .from(listings)
    .where(openWhere);
  return row?.stamp ?? "0-";
}

/** Published real listings (never demo), a page at a time by id: the open data file and the API read them so. */
export async function openListingsAfter(db: DbOrTx, afterId: number, limit: number) {
  return db
    .select()
    .from(listings)
    .where(and(openWhere, gt(listings.id, afterId)))
    .orderBy(asc(listings.id))
    .limit(limit);
}

/** Published real listings for the API, filtered and paged, newest first. */
export async function openListings(
  db: DbOrTx,
  f: { state?: number; district?: number; product?: number; hsCode?: string; limit: number; offset: number },
) {
  const where = and(
    openWhere,
    f.state !== undefined ? eq(listings.stateLgdCode, f.state) : undefined,
    f.district !== undefined ? eq(listings.districtLgdCode, f.district) : undefined,
    f.product !== undefined ? eq(listings.odopProductId, f.product) : undefined,
    f.hsCode ? eq(listings.hsCode, f.hsCode) : undefined,
  );
  const [items, [{ n } = { n: 0 }]] = await Promise.all([
    db
      .select()
      .from(listings)
      .where(where)
      .orderBy(desc(listings.publishedAt), desc(listings.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(listings).where(where),
  ]);
  return { items, total: n };
}

/** One published real listing with its photos, for the API (null for drafts, hidden and demo ones). */
export async function openListing(db: DbOrTx, id: number) {
  const [l] = await db
    .select()
    .from(listings)
    .where(and(openWhere, eq(listings.id, id)));
  return l ? { listing: l, photos: (await photosOf(db, [id])).get(id) ?? [] } : null;
}

/** A producer's published listings, by title: what a buyer may ask a quote for after meeting it. */
export async function publishedListingsOf(db: DbOrTx, producerId: number) {
  return db
    .select({ id: listings.id, titleEn: listings.titleEn, titleHi: listings.titleHi, unit: listings.unit })
    .from(listings)
    .where(and(eq(listings.producerId, producerId), eq(listings.state, "published")))
    .orderBy(asc(listings.id));
}

/**
 * A picture for each of some ODOP products: the cover photo of its earliest published real listing (producers'
 * own photos; never a demo listing's). Products nobody lists have none.
 */
export async function productPictures(db: DbOrTx, productIds: readonly number[]) {
  if (productIds.length === 0) return new Map<number, ListingPhoto>();
  const rows = await db
    .selectDistinctOn([listings.odopProductId], { productId: listings.odopProductId, photo: listingPhotos })
    .from(listings)
    .innerJoin(listingPhotos, eq(listingPhotos.listingId, listings.id))
    .where(and(openWhere, inArray(listings.odopProductId, [...productIds])))
    .orderBy(asc(listings.odopProductId), asc(listings.publishedAt), asc(listingPhotos.position));
  return new Map(rows.map((r) => [r.productId as number, r.photo]));
}
