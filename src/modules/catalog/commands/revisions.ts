import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db";
import { AppError, isUniqueViolation } from "../../../platform/errors";
import type { ImportReport } from "../../../platform/import-report";
import { indiaDateTime } from "../../../platform/india-time";
import { firstFree, normalizeName, slugify } from "../../../platform/text";
import { type Actor, authorize, type Grant, grantFor, recordAudit, requireActor } from "../../accounts";
import { getDistrict, getState } from "../../geo";
import type { PlacedProduct } from "../odop-rows";
import { liveRevision } from "../queries/registry";
import { diffRevisions } from "../queries/revisions";
import { listRevisions, productGiLinks, productHsHeadings, productProposals, products } from "../tables";
import { type MailContext, tell } from "./proposal-mail";
import { type ProposalRow, takeStep } from "./proposal-steps";
import { insertRevision, type NewRevision, recordImportRun } from "./registry";
import { rebuildSearchIndex } from "./search-index";

/** Publishing, discarding and uploading are the national administrator's. */
export const publisherGrant = (actor: Actor): Grant =>
  authorize(grantFor(actor, ["national_admin"]), "prepare and publish the national list");

const today = () => indiaDateTime(new Date()).date;

/**
 * The draft revision, locked; made from the live one when there is none yet (its products, GI links and HS headings
 * copied in SQL, so the 1,250 products cost one statement each). Accepted proposals are applied to it.
 */
export async function lockedDraft(tx: Tx): Promise<typeof listRevisions.$inferSelect> {
  const [open] = await tx.select().from(listRevisions).where(eq(listRevisions.status, "draft")).for("update");
  if (open) return open;
  const live = await liveRevision(tx);
  if (!live) throw new AppError("conflict", "There is no live list to start a draft from");
  const stem = `proposals-${today()}`;
  const taken = await tx
    .select({ id: listRevisions.id })
    .from(listRevisions)
    .where(sql`${listRevisions.id} like ${`${stem}%`}`);
  const id = firstFree(stem, new Set(taken.map((r) => r.id)));
  const [draft] = await tx
    .insert(listRevisions)
    .values({
      id,
      titleEn: `${live.titleEn}, with accepted proposals (draft)`,
      titleHi: `${live.titleHi}, स्वीकृत प्रस्तावों सहित (मसौदा)`,
      source: "ODOP Hub: proposals of districts, accepted by the national administrator",
      sourceFile: "proposals",
      fileSha256: null,
      publishedAt: today(),
      effectiveAt: today(),
      status: "draft",
      basedOn: live.id,
    })
    .returning();
  await tx.execute(sql`
    insert into products (revision_id, state_lgd_code, district_lgd_code, name, name_norm, name_hi, slug, rank,
      sector_code, sector_set_by, sector_rule, description, gi_status_as_published, photo_url, state_as_published,
      district_as_published, district_match, source_file, source_row)
    select ${id}, state_lgd_code, district_lgd_code, name, name_norm, name_hi, slug, rank, sector_code, sector_set_by,
      sector_rule, description, gi_status_as_published, photo_url, state_as_published, district_as_published,
      district_match, source_file, source_row
    from products where revision_id = ${live.id}`);
  await tx.execute(sql`
    insert into product_gi_links (product_id, gi_id, status, basis)
    select np.id, l.gi_id, l.status, l.basis from product_gi_links l
    join products op on op.id = l.product_id and op.revision_id = ${live.id}
    join products np on np.revision_id = ${id} and np.slug = op.slug`);
  await tx.execute(sql`
    insert into product_hs_headings (product_id, hs_code)
    select np.id, h.hs_code from product_hs_headings h
    join products op on op.id = h.product_id and op.revision_id = ${live.id}
    join products np on np.revision_id = ${id} and np.slug = op.slug`);
  return draft as typeof listRevisions.$inferSelect;
}

async function draftProduct(tx: Tx, revisionId: string, p: ProposalRow) {
  const [row] = await tx
    .select()
    .from(products)
    .where(
      and(
        eq(products.revisionId, revisionId),
        eq(products.districtLgdCode, p.districtLgdCode),
        eq(products.slug, p.productSlug ?? ""),
      ),
    );
  // Another accepted proposal removed or renamed it in the draft: this one no longer fits.
  if (!row)
    throw new AppError("conflict", "The draft no longer has this product", { reason: "draftConflict" });
  return row;
}

async function setHsHeading(tx: Tx, productId: number, hs: string | null) {
  if (hs === null) return;
  await tx.delete(productHsHeadings).where(eq(productHsHeadings.productId, productId));
  await tx.insert(productHsHeadings).values({ productId, hsCode: hs });
}

/** Applies an accepted proposal to the draft: adds, changes or removes the product there. */
export async function applyToDraft(tx: Tx, revisionId: string, p: ProposalRow): Promise<void> {
  if (p.kind === "add") {
    const district = await getDistrict(tx, p.districtLgdCode);
    const state = await getState(tx, p.stateLgdCode);
    const name = p.name as string;
    const base = slugify(`${name} ${district?.nameEn ?? p.districtLgdCode}`) || `product-${p.id}`;
    const taken = await tx
      .select({ slug: products.slug })
      .from(products)
      .where(and(eq(products.revisionId, revisionId), sql`${products.slug} like ${`${base}%`}`));
    const slug = firstFree(base, new Set(taken.map((r) => r.slug)));
    const [row] = await tx
      .insert(products)
      .values({
        revisionId,
        stateLgdCode: p.stateLgdCode,
        districtLgdCode: p.districtLgdCode,
        name,
        nameNorm: normalizeName(name),
        nameHi: p.nameHi,
        slug,
        rank: p.rank ?? "Primary",
        sectorCode: p.sectorCode,
        sectorSetBy: "source",
        stateAsPublished: state?.nameEn ?? "",
        districtAsPublished: district?.nameEn ?? "",
        districtMatch: "exact",
        sourceFile: `proposal ${p.id}`,
        sourceRow: p.id,
      })
      .returning({ id: products.id });
    const id = (row as { id: number }).id;
    await setHsHeading(tx, id, p.hsHeading);
    if (p.giId)
      await tx
        .insert(productGiLinks)
        .values({ productId: id, giId: p.giId, status: "confirmed", basis: `proposal ${p.id}` });
    return;
  }
  const current = await draftProduct(tx, revisionId, p);
  if (p.kind === "remove") {
    await tx.delete(productGiLinks).where(eq(productGiLinks.productId, current.id));
    await tx.delete(productHsHeadings).where(eq(productHsHeadings.productId, current.id));
    await tx.delete(products).where(eq(products.id, current.id));
    return;
  }
  const set = {
    ...(p.name ? { name: p.name, nameNorm: normalizeName(p.name) } : {}),
    ...(p.nameHi ? { nameHi: p.nameHi } : {}),
    ...(p.sectorCode ? { sectorCode: p.sectorCode, sectorSetBy: "source" as const, sectorRule: null } : {}),
    ...(p.rank ? { rank: p.rank } : {}),
  };
  if (Object.keys(set).length) await tx.update(products).set(set).where(eq(products.id, current.id));
  await setHsHeading(tx, current.id, p.hsHeading);
}

/** The proposals applied to a draft, for publishing or discarding them with it. */
async function proposalsIn(tx: Tx, revisionId: string) {
  return tx
    .select()
    .from(productProposals)
    .where(and(eq(productProposals.revisionId, revisionId), eq(productProposals.state, "accepted")));
}

export type PublishInput = {
  version: number;
  titleEn: string;
  titleHi: string;
  effectiveAt: string;
  notes?: string;
};

/**
 * Publishes the draft: it becomes the live revision (the old one stays browsable), the search index follows, and
 * the proposals in it are published. One transaction: if any part fails, the live revision is untouched. 409 when
 * the draft changed since the administrator looked at it, or when the live list is no longer the one it was made
 * from. The proposers of the proposals in it are told. Returns the revision id and those proposals.
 */
export async function publishDraft(
  db: Db,
  actorOrNull: Actor | null,
  input: PublishInput,
  opts: { mail?: MailContext } = {},
) {
  const actor = requireActor(actorOrNull);
  const grant = publisherGrant(actor);
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(listRevisions)
      .where(eq(listRevisions.status, "draft"))
      .for("update");
    if (!draft) throw new AppError("not_found", "There is no draft to publish");
    if (draft.version !== input.version)
      throw new AppError("conflict", "The draft changed since you opened it", { current: draft.version });
    const live = await liveRevision(tx);
    if (draft.basedOn && live && live.id !== draft.basedOn)
      throw new AppError("conflict", "Another list went live since this draft was made", {
        reason: "staleBase",
      });
    const diff = await diffRevisions(tx, live?.id ?? null, draft.id);
    await tx.update(listRevisions).set({ isLive: false }).where(eq(listRevisions.isLive, true));
    await tx
      .update(listRevisions)
      .set({
        status: "published",
        isLive: true,
        titleEn: input.titleEn,
        titleHi: input.titleHi,
        notes: input.notes ?? "",
        effectiveAt: input.effectiveAt,
        // A list uploaded whole keeps the date its source published it; a list of proposals is published today.
        ...(draft.fileSha256 ? {} : { publishedAt: today() }),
        version: sql`${listRevisions.version} + 1`,
      })
      .where(eq(listRevisions.id, draft.id));
    await rebuildSearchIndex(tx, draft.id);
    const published: ProposalRow[] = [];
    for (const p of await proposalsIn(tx, draft.id)) {
      published.push(await takeStep(tx, actor, grant, p, "publish"));
      await tell(tx, "published", p, opts.mail);
    }
    await recordAudit(tx, actor, grant, {
      action: "revision.publish",
      entityType: "list_revision",
      entityId: draft.id,
      before: { live: live?.id ?? null },
      after: {
        live: draft.id,
        effectiveAt: input.effectiveAt,
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
        proposals: published.map((p) => p.id),
      },
    });
    return { revisionId: draft.id, published };
  });
}

/**
 * Discards the draft: its products go, and the proposals accepted into it go back to the administrator to be
 * decided again (nothing a district proposed is lost). Audited; 409 when the draft changed since it was opened.
 */
export async function discardDraft(db: Db, actorOrNull: Actor | null, version: number): Promise<void> {
  const actor = requireActor(actorOrNull);
  const grant = publisherGrant(actor);
  await db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(listRevisions)
      .where(eq(listRevisions.status, "draft"))
      .for("update");
    if (!draft) throw new AppError("not_found", "There is no draft");
    if (draft.version !== version) throw new AppError("conflict", "The draft changed since you opened it");
    const back = await proposalsIn(tx, draft.id);
    for (const p of back) await takeStep(tx, actor, grant, p, "reconsider", { set: { revisionId: null } });
    const ids = (
      await tx.select({ id: products.id }).from(products).where(eq(products.revisionId, draft.id))
    ).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      await tx.delete(productGiLinks).where(inArray(productGiLinks.productId, chunk));
      await tx.delete(productHsHeadings).where(inArray(productHsHeadings.productId, chunk));
    }
    await tx.delete(products).where(eq(products.revisionId, draft.id));
    await tx.delete(listRevisions).where(eq(listRevisions.id, draft.id));
    await recordAudit(tx, actor, grant, {
      action: "revision.discard",
      entityType: "list_revision",
      entityId: draft.id,
      before: { draft: draft.id, title: draft.titleEn, proposals: back.map((p) => p.id) },
    });
  });
}

/** Bumps the draft's version: anything applied to it makes an open publish page stale. */
export async function touchDraft(tx: Tx, revisionId: string) {
  await tx
    .update(listRevisions)
    .set({ version: sql`${listRevisions.version} + 1` })
    .where(eq(listRevisions.id, revisionId));
}

/** A second draft at the same moment trips the one-draft index: a 409, as for any concurrent change. */
export function oneDraftAtATime(err: unknown): never {
  if (isUniqueViolation(err))
    throw new AppError("conflict", "A draft is open already", { reason: "draftOpen" });
  throw err;
}

/**
 * Writes an uploaded list as the draft revision, with its import run and audit row, in one transaction: the rows
 * are already placed and checked by the caller.
 */
export async function saveUploadedDraft(
  db: Db,
  actorOrNull: Actor | null,
  report: ImportReport,
  started: Date,
  rev: Omit<NewRevision, "live"> & { placed: PlacedProduct[] },
): Promise<void> {
  const actor = requireActor(actorOrNull);
  const grant = publisherGrant(actor);
  const { placed, ...columns } = rev;
  await db
    .transaction(async (tx) => {
      const live = await liveRevision(tx);
      await insertRevision(tx, { ...columns, live: false }, placed);
      // An uploaded list has no Hindi names: a product it keeps (same district, same name) keeps the one it had.
      if (live)
        await tx.execute(sql`
          update products np set name_hi = op.name_hi from products op
          where np.revision_id = ${rev.id} and op.revision_id = ${live.id} and op.name_hi is not null
            and op.district_lgd_code = np.district_lgd_code and op.name_norm = np.name_norm`);
      await tx
        .update(listRevisions)
        .set({ status: "draft", basedOn: live?.id ?? null })
        .where(eq(listRevisions.id, rev.id));
      await recordImportRun(tx, report, started);
      await recordAudit(tx, actor, grant, {
        action: "revision.upload",
        entityType: "list_revision",
        entityId: rev.id,
        after: {
          file: rev.sourceFile,
          sha256: rev.fileSha256,
          rows: placed.length,
          basedOn: live?.id ?? null,
        },
      });
    })
    .catch(oneDraftAtATime);
}
