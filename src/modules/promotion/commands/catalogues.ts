import { and, asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { enqueueJob } from "../../../platform/job-runner";
import { nextState } from "../../../platform/workflow";
import { type Actor, authorize, type Grant, recordAudit, requireVerifiedActor } from "../../accounts";
import { productsByIds } from "../../catalog";
import { type CatalogueTransition, catalogueFlow } from "../catalogue-flow";
import { can } from "../policy";
import type { CatalogueInput, ItemInput } from "../schemas";
import { catalogueItems, catalogues } from "../tables";

/** At most this many products in one catalogue: a printable gift catalogue, not a second registry. */
export const maxItems = 200;

/** The catalogue's printable copy: where it is kept and the stamp of the data it shows. */
export const catalogueDocument = (c: { id: number; version: number; updatedAt: Date }) => ({
  key: `catalogue:${c.id}`,
  queue: "catalogue-pdf",
  payload: { catalogueId: c.id },
  stamp: `${c.version}:${c.updatedAt.toISOString()}`,
});

const curator = (actor: Actor): Grant => authorize(can(actor, "catalogue:curate", null), "curate catalogues");

/** The catalogue locked, at the version the page was opened at (409 when stale). */
async function locked(tx: DbOrTx, id: number, version?: number) {
  const [c] = await tx.select().from(catalogues).where(eq(catalogues.id, id)).for("update");
  if (!c) throw new AppError("not_found", "No such catalogue");
  if (version !== undefined && c.version !== version)
    throw new AppError("conflict", "The catalogue changed since you opened it", { current: c.version });
  return c;
}

/** Every change bumps the catalogue's version (its PDF's stamp) and asks for the PDF again. */
async function touched(tx: DbOrTx, id: number) {
  await tx
    .update(catalogues)
    .set({ version: sql`${catalogues.version} + 1`, updatedAt: sql`now()` })
    .where(eq(catalogues.id, id));
  await enqueueJob(
    tx,
    "catalogue-pdf",
    { catalogueId: id },
    { singletonKey: `catalogue-pdf:catalogue:${id}` },
  );
}

const slugTaken = (err: unknown) =>
  /catalogues_slug_unique|duplicate key/.test(String((err as { cause?: unknown })?.cause ?? err));

/** A new catalogue, as a draft. Its address must be free. `seed:demo`'s is marked demo whoever makes it. */
export async function createCatalogue(
  db: Db,
  actorOrNull: Actor | null,
  input: CatalogueInput,
  opts: { isDemo?: boolean } = {},
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  const grant = curator(actor);
  const state = nextState(catalogueFlow, "create", "new");
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(catalogues)
        .values({
          ...input,
          titleHi: input.titleHi || null,
          introHi: input.introHi || null,
          state,
          isDemo: opts.isDemo ?? actor.isDemo,
          createdBy: actor.userId,
        })
        .returning({ id: catalogues.id });
      const id = (row as { id: number }).id;
      await recordAudit(tx, actor, grant, {
        action: "catalogue.create",
        entityType: "catalogue",
        entityId: id,
        after: { slug: input.slug, title: input.titleEn },
      });
      return id;
    });
  } catch (err) {
    if (slugTaken(err))
      throw new AppError("bad_request", "Address taken", { field: "slug", reason: "slug_taken" });
    throw err;
  }
}

/** Changes a catalogue's address, titles or introductions. */
export async function updateCatalogue(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: CatalogueInput & { version: number },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const grant = curator(actor);
  try {
    await db.transaction(async (tx) => {
      const c = await locked(tx, id, input.version);
      const { version: _, ...fields } = input;
      await tx
        .update(catalogues)
        .set({ ...fields, titleHi: input.titleHi || null, introHi: input.introHi || null })
        .where(eq(catalogues.id, id));
      await touched(tx, id);
      await recordAudit(tx, actor, grant, {
        action: "catalogue.update",
        entityType: "catalogue",
        entityId: id,
        before: { slug: c.slug, title: c.titleEn },
        after: { slug: input.slug, title: input.titleEn },
      });
    });
  } catch (err) {
    if (slugTaken(err))
      throw new AppError("bad_request", "Address taken", { field: "slug", reason: "slug_taken" });
    throw err;
  }
}

/** Publishes a catalogue (it needs at least one product) or withdraws it. */
export async function stepCatalogue(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  transition: Exclude<CatalogueTransition, "create">,
  input: { version: number },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const grant = curator(actor);
  await db.transaction(async (tx) => {
    const c = await locked(tx, id, input.version);
    const to = nextState(catalogueFlow, transition, c.state);
    if (transition === "publish") {
      const [first] = await tx
        .select()
        .from(catalogueItems)
        .where(eq(catalogueItems.catalogueId, id))
        .limit(1);
      if (!first) throw new AppError("conflict", "No product yet", { reason: "empty" });
    }
    await tx.update(catalogues).set({ state: to }).where(eq(catalogues.id, id));
    await touched(tx, id);
    await recordAudit(tx, actor, grant, {
      action: `catalogue.${transition}`,
      entityType: "catalogue",
      entityId: id,
      before: { state: c.state },
      after: { state: to },
    });
  });
}

/** Adds a product of the live list at the end of a catalogue (once). */
export async function addItem(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: { productId: number; version: number },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const grant = curator(actor);
  const [product] = await productsByIds(db, [input.productId]);
  if (!product) throw new AppError("bad_request", "No such product", { field: "productId" });
  await db.transaction(async (tx) => {
    await locked(tx, id, input.version);
    const [stats] = await tx
      .select({
        n: sql<number>`count(*)::int`,
        last: sql<number>`coalesce(max(${catalogueItems.position}), 0)::int`,
      })
      .from(catalogueItems)
      .where(eq(catalogueItems.catalogueId, id));
    if ((stats?.n ?? 0) >= maxItems) throw new AppError("conflict", "Catalogue full", { reason: "full" });
    const inserted = await tx
      .insert(catalogueItems)
      .values({ catalogueId: id, productId: input.productId, position: (stats?.last ?? 0) + 1 })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0)
      throw new AppError("conflict", "Already in the catalogue", { reason: "already" });
    await touched(tx, id);
    await recordAudit(tx, actor, grant, {
      action: "catalogue.add",
      entityType: "catalogue",
      entityId: id,
      stateLgdCode: product.stateLgdCode,
      districtLgdCode: product.districtLgdCode,
      after: { productId: input.productId, name: product.name },
    });
  });
}

async function item(tx: DbOrTx, id: number, productId: number) {
  const [row] = await tx
    .select()
    .from(catalogueItems)
    .where(and(eq(catalogueItems.catalogueId, id), eq(catalogueItems.productId, productId)));
  if (!row) throw new AppError("not_found", "No such product in the catalogue");
  return row;
}

/** An item's label and notes. */
export async function updateItem(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  productId: number,
  input: ItemInput,
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const grant = curator(actor);
  await db.transaction(async (tx) => {
    await locked(tx, id, input.version);
    const before = await item(tx, id, productId);
    const after = { label: input.label || null, noteEn: input.noteEn || null, noteHi: input.noteHi || null };
    await tx
      .update(catalogueItems)
      .set(after)
      .where(and(eq(catalogueItems.catalogueId, id), eq(catalogueItems.productId, productId)));
    await touched(tx, id);
    await recordAudit(tx, actor, grant, {
      action: "catalogue.item",
      entityType: "catalogue",
      entityId: id,
      before: { productId, label: before.label, noteEn: before.noteEn },
      after: { productId, ...after },
    });
  });
}

/** Moves an item one place up or down (swapping with its neighbour), or removes it. */
export async function arrangeItem(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  productId: number,
  input: { step: "up" | "down" | "remove"; version: number },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const grant = curator(actor);
  await db.transaction(async (tx) => {
    await locked(tx, id, input.version);
    const it = await item(tx, id, productId);
    if (input.step === "remove")
      await tx
        .delete(catalogueItems)
        .where(and(eq(catalogueItems.catalogueId, id), eq(catalogueItems.productId, productId)));
    else {
      const [next] = await tx
        .select()
        .from(catalogueItems)
        .where(
          and(
            eq(catalogueItems.catalogueId, id),
            input.step === "up"
              ? lt(catalogueItems.position, it.position)
              : gt(catalogueItems.position, it.position),
          ),
        )
        .orderBy(input.step === "up" ? desc(catalogueItems.position) : asc(catalogueItems.position))
        .limit(1);
      if (!next) return;
      const swap = (pid: number, position: number) =>
        tx
          .update(catalogueItems)
          .set({ position })
          .where(and(eq(catalogueItems.catalogueId, id), eq(catalogueItems.productId, pid)));
      await swap(productId, next.position);
      await swap(next.productId, it.position);
    }
    await touched(tx, id);
    await recordAudit(tx, actor, grant, {
      action: input.step === "remove" ? "catalogue.remove" : "catalogue.move",
      entityType: "catalogue",
      entityId: id,
      before: { productId, position: it.position },
      after: { productId, step: input.step },
    });
  });
}
