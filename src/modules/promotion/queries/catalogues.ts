import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { liveRevision, productsByIds, productsOfRevision } from "../../catalog";
import { getDistricts, listStates } from "../../geo";
import { productPictures } from "../../trade";
import { catalogueItems, catalogues } from "../tables";

export type CatalogueRow = typeof catalogues.$inferSelect;

/** Published catalogues, newest first (demo ones too: pages mark them). */
export async function publishedCatalogues(db: DbOrTx) {
  return db
    .select()
    .from(catalogues)
    .where(eq(catalogues.state, "published"))
    .orderBy(desc(catalogues.createdAt));
}

/** Every catalogue, for the administrator. */
export async function allCatalogues(db: DbOrTx) {
  return db.select().from(catalogues).orderBy(desc(catalogues.updatedAt));
}

/** A published catalogue by its address, or a 404. */
export async function publishedCatalogue(db: DbOrTx, slug: string): Promise<CatalogueRow> {
  const [c] = await db
    .select()
    .from(catalogues)
    .where(and(eq(catalogues.slug, slug), eq(catalogues.state, "published")));
  if (!c) throw new AppError("not_found", "No such catalogue");
  return c;
}

/** A catalogue by id (any state), or a 404. */
export async function catalogueById(db: DbOrTx, id: number): Promise<CatalogueRow> {
  const [c] = await db.select().from(catalogues).where(eq(catalogues.id, id));
  if (!c) throw new AppError("not_found", "No such catalogue");
  return c;
}

/**
 * A catalogue's products in its order, each with its district and State (both names), sector, and picture: a
 * producer's photo from a published real listing, or none (the page shows the sector's illustration).
 */
export async function itemsOf(db: DbOrTx, catalogueId: number) {
  const items = await db
    .select()
    .from(catalogueItems)
    .where(eq(catalogueItems.catalogueId, catalogueId))
    .orderBy(asc(catalogueItems.position));
  const ids = items.map((i) => i.productId);
  const [products, pictures, states] = await Promise.all([
    productsByIds(db, ids),
    productPictures(db, ids),
    listStates(db),
  ]);
  const districts = await getDistricts(db, [...new Set(products.map((p) => p.districtLgdCode))]);
  return items.flatMap((i) => {
    const p = products.find((x) => x.id === i.productId);
    if (!p) return [];
    return [
      {
        ...i,
        product: p,
        district: districts.find((d) => d.lgdCode === p.districtLgdCode) ?? null,
        state: states.find((s) => s.lgdCode === p.stateLgdCode) ?? null,
        picture: pictures.get(p.id) ?? null,
      },
    ];
  });
}
export type CatalogueItem = Awaited<ReturnType<typeof itemsOf>>[number];

/** Open data: the items of published real catalogues, and the stamp that changes with them. */
const openWhere = and(eq(catalogues.state, "published"), eq(catalogues.isDemo, false));

export async function catalogueDataStamp(db: DbOrTx): Promise<string> {
  const [row] = await db
    .select({ stamp: sql<string>`count(*) || '-' || coalesce(max(${catalogues.updatedAt})::text, '')` })
    .from(catalogues)
    .where(openWhere);
  return row?.stamp ?? "0-";
}

export async function openCatalogues(db: DbOrTx) {
  return db.select().from(catalogues).where(openWhere).orderBy(asc(catalogues.id));
}

/** Whether `seed:demo` has made its catalogue already. */
export async function hasDemoCatalogue(db: DbOrTx): Promise<boolean> {
  const [row] = await db
    .select({ id: catalogues.id })
    .from(catalogues)
    .where(eq(catalogues.isDemo, true))
    .limit(1);
  return row !== undefined;
}

/** For each letter, the first product of the live list (by name) that starts with it. */
export async function firstProductPerLetter(db: DbOrTx): Promise<{ letter: string; productId: number }[]> {
  const revision = await liveRevision(db);
  if (!revision) return [];
  const rows = await productsOfRevision(db, revision.id);
  const byLetter = new Map<string, { name: string; id: number }>();
  for (const p of rows) {
    const letter = p.name.charAt(0).toUpperCase();
    if (!/[A-Z]/.test(letter)) continue;
    const known = byLetter.get(letter);
    if (!known || p.name.localeCompare(known.name) < 0) byLetter.set(letter, { name: p.name, id: p.id });
  }
  return [...byLetter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([letter, p]) => ({ letter, productId: p.id }));
}
