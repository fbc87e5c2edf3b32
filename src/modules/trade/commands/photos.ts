import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { FileStore } from "../../../platform/file-store";
import { processPhoto } from "../../../platform/photo";
import { type Actor, authorize, recordAudit, requireVerifiedActor } from "../../accounts";
import { producerSummary } from "../../producers";
import { maxPhotos, type PhotoSize, photoWidths } from "../kinds";
import { can } from "../policy";
import { listingPhotos, listings, type PhotoVariant } from "../tables";

/** The listing's owner may change its photos: the grant, with the listing locked for this transaction. */
async function ownedListing(tx: DbOrTx, actor: Actor, id: number) {
  const [l] = await tx.select().from(listings).where(eq(listings.id, id)).for("update");
  if (!l) throw new AppError("not_found", "No such listing");
  const producer = await producerSummary(tx, l.producerId);
  if (!producer) throw new AppError("not_found", "No such producer");
  return {
    listing: l,
    grant: authorize(can(actor, "listing:edit", producer), "change this listing's photos"),
  };
}

const photoCount = async (tx: DbOrTx, id: number) =>
  (
    await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(listingPhotos)
      .where(eq(listingPhotos.listingId, id))
  )[0]?.n ?? 0;

/**
 * Adds a photo to a listing: checked and processed first (content, size, sizes for pages, metadata stripped), stored,
 * then recorded in one transaction with its audit row. At most eight photos (a ninth is a 409, nothing stored).
 */
export async function addPhoto(
  db: Db,
  store: FileStore,
  actorOrNull: Actor | null,
  id: number,
  bytes: Buffer,
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    await ownedListing(tx, actor, id);
    if ((await photoCount(tx, id)) >= maxPhotos)
      throw new AppError("conflict", `At most ${maxPhotos} photos`, { reason: "too_many_photos" });
  });
  const sizes = await processPhoto(bytes, photoWidths);
  // Stored before the record: a crash between leaves orphan files, never a record without its bytes.
  const variants = {} as Record<PhotoSize, PhotoVariant>;
  for (const [name, p] of Object.entries(sizes) as [PhotoSize, (typeof sizes)[PhotoSize]][])
    variants[name] = {
      key: await store.put(`photos/${id}`, p.bytes),
      width: p.width,
      height: p.height,
      bytes: p.bytes.length,
    };
  return db.transaction(async (tx) => {
    const { listing, grant } = await ownedListing(tx, actor, id);
    // Counted again under the lock: two uploads at once cannot make nine.
    if ((await photoCount(tx, id)) >= maxPhotos)
      throw new AppError("conflict", `At most ${maxPhotos} photos`, { reason: "too_many_photos" });
    const [row] = await tx
      .insert(listingPhotos)
      .values({
        listingId: id,
        position: sql`coalesce((select max(position) from ${listingPhotos} where listing_id = ${id}), 0) + 1`,
        variants,
        uploadedBy: actor.userId,
      })
      .returning({ id: listingPhotos.id });
    const photoId = (row as { id: number }).id;
    await recordAudit(tx, actor, grant, {
      action: "listing.photo_add",
      entityType: "listing",
      entityId: id,
      stateLgdCode: listing.stateLgdCode,
      districtLgdCode: listing.districtLgdCode,
      after: { photoId, width: variants.large.width, height: variants.large.height },
    });
    return photoId;
  });
}

/**
 * Removes a photo (its files too, once the removal is committed), or makes it the first one (the photo cards show).
 * Audited.
 */
export async function changePhoto(
  db: Db,
  store: FileStore,
  actorOrNull: Actor | null,
  id: number,
  photoId: number,
  change: "remove" | "first",
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const removed = await db.transaction(async (tx) => {
    const { listing, grant } = await ownedListing(tx, actor, id);
    const where = and(eq(listingPhotos.id, photoId), eq(listingPhotos.listingId, id));
    const [photo] = await tx.select().from(listingPhotos).where(where);
    if (!photo) throw new AppError("not_found", "No such photo");
    if (change === "remove") await tx.delete(listingPhotos).where(where);
    else
      await tx
        .update(listingPhotos)
        .set({
          position: sql`(select min(position) from ${listingPhotos} where listing_id = ${id}) - 1`,
        })
        .where(where);
    await recordAudit(tx, actor, grant, {
      action: change === "remove" ? "listing.photo_remove" : "listing.photo_first",
      entityType: "listing",
      entityId: id,
      stateLgdCode: listing.stateLgdCode,
      districtLgdCode: listing.districtLgdCode,
      before: { photoId },
    });
    return change === "remove" ? photo : null;
  });
  // After the commit: a crash before this leaves files nobody points to, never a record without its files.
  if (removed) for (const v of Object.values(removed.variants)) await store.delete(v.key);
}
