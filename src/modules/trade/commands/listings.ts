import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { enqueueMail } from "../../../platform/outbox";
import { nextState } from "../../../platform/workflow";
import { type Actor, authorize, mailboxOf, recordAudit, requireVerifiedActor } from "../../accounts";
import { indexListing, unindexListing } from "../../catalog";
import { districtProducts, producerSummary } from "../../producers";
import { type ListingTransition, listingFlow } from "../listing-flow";
import { moderationMail } from "../mail";
import { can } from "../policy";
import type { ListingInput } from "../schemas";
import { listingEntry, listingTitle } from "../search-entry";
import { listings } from "../tables";
import { requireHsHeading } from "./hs-heading";

type Listing = typeof listings.$inferSelect;

/** The producer behind a listing, with what the policy asks: whose it is and where. */
async function producerOf(db: DbOrTx, producerId: number) {
  const p = await producerSummary(db, producerId);
  if (!p) throw new AppError("not_found", "No such producer");
  return p;
}

/**
 * The columns a producer's form sets, checked against the registry: the ODOP product must be one of the producer's
 * district's (its sector comes with it), the HS heading one of the HS table's.
 */
async function columnsOf(db: DbOrTx, districtLgdCode: number, input: ListingInput) {
  let sectorCode = input.sectorCode ?? null;
  if (input.odopProductId !== undefined) {
    const product = (await districtProducts(db, districtLgdCode)).find((p) => p.id === input.odopProductId);
    if (!product)
      throw new AppError("bad_request", "Not an ODOP product of this district", { field: "odopProductId" });
    sectorCode = product.sectorCode ?? sectorCode;
  }
  await requireHsHeading(db, input.hsCode);
  const orNull = <T>(v: T | undefined) => (v === undefined || v === "" ? null : v);
  return {
    titleEn: orNull(input.titleEn),
    titleHi: orNull(input.titleHi),
    descriptionEn: orNull(input.descriptionEn),
    descriptionHi: orNull(input.descriptionHi),
    odopProductId: input.odopProductId ?? null,
    otherProduct: input.odopProductId !== undefined ? null : orNull(input.otherProduct),
    sectorCode,
    hsCode: orNull(input.hsCode),
    unit: input.unit,
    minOrder: input.minOrder,
    monthlyCapacity: input.monthlyCapacity,
    leadTimeDays: input.leadTimeDays,
    priceMinInr: input.priceMinInr,
    priceMaxInr: input.priceMaxInr,
    fobUsd: input.fobUsd ?? null,
    giAuthorisedUser: orNull(input.giAuthorisedUser),
    organic: input.organic,
    bis: input.bis,
    otherCertifications: orNull(input.otherCertifications),
    packaging: orNull(input.packaging),
    samplesAvailable: input.samplesAvailable,
  };
}

/** Only a verified producer offers anything: an unverified or rejected one is told so (409), nothing is written. */
function requireVerified(p: { status: string }) {
  if (p.status !== "verified")
    throw new AppError("conflict", "The producer is not verified", { reason: "producer_unverified" });
}

const audit = (l: { stateLgdCode: number; districtLgdCode: number }) => ({
  entityType: "listing",
  stateLgdCode: l.stateLgdCode,
  districtLgdCode: l.districtLgdCode,
});

/** The owner of a verified producer writes a listing; it starts as a draft that nobody else sees. */
export async function createListing(
  db: Db,
  actorOrNull: Actor | null,
  producerId: number,
  input: ListingInput,
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  const producer = await producerOf(db, producerId);
  const grant = authorize(can(actor, "listing:edit", producer), "list for this producer");
  requireVerified(producer);
  const values = await columnsOf(db, producer.districtLgdCode, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(listings)
      .values({
        ...values,
        producerId,
        stateLgdCode: producer.stateLgdCode,
        districtLgdCode: producer.districtLgdCode,
        state: nextState(listingFlow, "create", "new"),
        isDemo: producer.isDemo,
      })
      .returning({ id: listings.id });
    const id = (row as { id: number }).id;
    await recordAudit(tx, actor, grant, {
      action: "listing.create",
      entityId: id,
      ...audit(producer),
      after: values,
    });
    return id;
  });
}

/** The listing, locked for this transaction, at the version the person saw (409 when it moved on meanwhile). */
async function locked(tx: DbOrTx, id: number, version: number | null): Promise<Listing> {
  const [l] = await tx.select().from(listings).where(eq(listings.id, id)).for("update");
  if (!l) throw new AppError("not_found", "No such listing");
  if (version !== null && l.version !== version)
    throw new AppError("conflict", "The listing changed since you opened it", { current: l.version });
  return l;
}

/** Keeps the site search in step with the listing: in it while published, out of it otherwise. */
async function syncSearch(tx: DbOrTx, l: Listing, producerName: string) {
  if (l.state === "published") await indexListing(tx, await listingEntry(tx, l, producerName));
  else await unindexListing(tx, l.id);
}

/** Its owner changes a listing (whatever its state; a published one is searched by its new words at once). */
export async function updateListing(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  version: number,
  input: ListingInput,
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const before = await locked(tx, id, null);
    const producer = await producerOf(tx, before.producerId);
    const grant = authorize(can(actor, "listing:edit", producer), "change this listing");
    if (before.version !== version)
      throw new AppError("conflict", "The listing changed since you opened it", { current: before.version });
    const values = await columnsOf(tx, before.districtLgdCode, input);
    const [after] = await tx
      .update(listings)
      .set({ ...values, version: sql`${listings.version} + 1`, updatedAt: sql`now()` })
      .where(eq(listings.id, id))
      .returning();
    await syncSearch(tx, after as Listing, producer.name);
    const changed = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => before[k as keyof Listing] !== v),
    );
    await recordAudit(tx, actor, grant, {
      action: "listing.update",
      entityId: id,
      ...audit(before),
      before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof Listing]])),
      after: changed,
    });
  });
}

/**
 * One step of the listing's flow: its owner publishes or withdraws it; an officer of its place hides it (with the
 * reason its producer is told) or restores it. One transaction: the state, the search, the audit row and the mail.
 */
export async function stepListing(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  step: { transition: ListingTransition; version: number; reason?: string },
  mail?: { origin: string },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const { transition } = step;
  if (transition === "create") throw new AppError("bad_request", "A listing is created, not stepped into");
  await db.transaction(async (tx) => {
    const before = await locked(tx, id, null);
    const producer = await producerOf(tx, before.producerId);
    const ref = { ...producer, stateLgdCode: before.stateLgdCode, districtLgdCode: before.districtLgdCode };
    const grant = authorize(can(actor, listingFlow[transition].by, ref), `${transition} this listing`);
    if (before.version !== step.version)
      throw new AppError("conflict", "The listing changed since you opened it", { current: before.version });
    const to = nextState(listingFlow, transition, before.state);
    if (transition === "publish") requireVerified(producer);
    if (transition === "hide" && !step.reason)
      throw new AppError("bad_request", "Give the reason", { field: "reason" });
    const [after] = await tx
      .update(listings)
      .set({
        state: to,
        hiddenReason:
          transition === "hide" ? (step.reason ?? null) : transition === "restore" ? null : undefined,
        publishedAt: transition === "publish" ? sql`now()` : undefined,
        version: sql`${listings.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(listings.id, id))
      .returning();
    await syncSearch(tx, after as Listing, producer.name);
    await recordAudit(tx, actor, grant, {
      action: `listing.${transition}`,
      entityId: id,
      ...audit(before),
      before: { state: before.state },
      after: { state: to, ...(transition === "hide" ? { reason: step.reason } : {}) },
    });
    if ((transition === "hide" || transition === "restore") && mail) {
      const owner = await mailboxOf(tx, producer.ownerUserId);
      if (owner)
        await enqueueMail(
          tx,
          moderationMail(owner.lang, {
            to: owner.email,
            title: listingTitle(before, owner.lang),
            step: transition,
            reason: step.reason ?? null,
            link: `${mail.origin}/listings/${id}/edit${owner.lang === "hi" ? "?lang=hi" : ""}`,
          }),
        );
    }
  });
}
