import { and, asc, count, countDistinct, desc, eq, inArray, sql, sum } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db";
import type { GiRecord } from "./gi-match";
import {
  districtExports,
  giRegistrations,
  importRuns,
  listRevisions,
  productGiLinks,
  productHsHeadings,
  products,
  sectors,
} from "./tables";

export type RevisionView = typeof listRevisions.$inferSelect;

export async function liveRevision(db: DbOrTx): Promise<RevisionView | null> {
  const [r] = await db.select().from(listRevisions).where(eq(listRevisions.isLive, true));
  return r ?? null;
}

export async function allRevisions(db: DbOrTx): Promise<RevisionView[]> {
  return db.select().from(listRevisions).orderBy(desc(listRevisions.publishedAt), asc(listRevisions.id));
}

export async function revisionById(db: DbOrTx, id: string): Promise<RevisionView | null> {
  const [r] = await db.select().from(listRevisions).where(eq(listRevisions.id, id));
  return r ?? null;
}

export async function revisionBySha(db: DbOrTx, sha256: string): Promise<RevisionView | null> {
  const [r] = await db.select().from(listRevisions).where(eq(listRevisions.fileSha256, sha256));
  return r ?? null;
}

const productColumns = {
  id: products.id,
  revisionId: products.revisionId,
  stateLgdCode: products.stateLgdCode,
  districtLgdCode: products.districtLgdCode,
  name: products.name,
  slug: products.slug,
  rank: products.rank,
  sectorCode: products.sectorCode,
  sectorNameEn: sectors.nameEn,
  sectorNameHi: sectors.nameHi,
  sectorSetBy: products.sectorSetBy,
  sectorRule: products.sectorRule,
  description: products.description,
  giStatusAsPublished: products.giStatusAsPublished,
  photoUrl: products.photoUrl,
  stateAsPublished: products.stateAsPublished,
  districtAsPublished: products.districtAsPublished,
  districtMatch: products.districtMatch,
  sourceFile: products.sourceFile,
  sourceRow: products.sourceRow,
};
export type ProductView = Awaited<ReturnType<typeof productsOfDistricts>>[number];

const rankOrder = sql`array_position(array['Primary','Secondary','Tertiary','Others'], ${products.rank})`;

/** The products of some districts in one revision, primary first. */
export async function productsOfDistricts(db: DbOrTx, revisionId: string, districtCodes: number[]) {
  if (districtCodes.length === 0) return [];
  return db
    .select(productColumns)
    .from(products)
    .leftJoin(sectors, eq(sectors.code, products.sectorCode))
    .where(and(eq(products.revisionId, revisionId), inArray(products.districtLgdCode, districtCodes)))
    .orderBy(asc(products.districtLgdCode), rankOrder, asc(products.name));
}

export async function productBySlug(db: DbOrTx, revisionId: string, slug: string) {
  const [p] = await db
    .select(productColumns)
    .from(products)
    .leftJoin(sectors, eq(sectors.code, products.sectorCode))
    .where(and(eq(products.revisionId, revisionId), eq(products.slug, slug)));
  return p ?? null;
}

export async function giLinksOfProduct(db: DbOrTx, productId: number) {
  return db
    .select({
      id: giRegistrations.id,
      listSerialNo: giRegistrations.listSerialNo,
      name: giRegistrations.name,
      goodsCategory: giRegistrations.goodsCategory,
      status: productGiLinks.status,
      basis: productGiLinks.basis,
    })
    .from(productGiLinks)
    .innerJoin(giRegistrations, eq(giRegistrations.id, productGiLinks.giId))
    .where(eq(productGiLinks.productId, productId))
    .orderBy(asc(productGiLinks.status), asc(giRegistrations.listSerialNo));
}

export async function hsHeadingsOfProduct(db: DbOrTx, productId: number) {
  return db
    .select({ code: productHsHeadings.hsCode })
    .from(productHsHeadings)
    .where(eq(productHsHeadings.productId, productId));
}

/** Products and districts with products, per State, in one revision. */
export async function productCountsByState(db: DbOrTx, revisionId: string) {
  return db
    .select({
      stateLgdCode: products.stateLgdCode,
      products: count(),
      districts: countDistinct(products.districtLgdCode),
    })
    .from(products)
    .where(eq(products.revisionId, revisionId))
    .groupBy(products.stateLgdCode);
}

export async function catalogCounts(db: DbOrTx, revisionId: string | null) {
  const [p] = revisionId
    ? await db
        .select({ products: count(), districts: countDistinct(products.districtLgdCode) })
        .from(products)
        .where(eq(products.revisionId, revisionId))
    : [{ products: 0, districts: 0 }];
  const [g] = await db.select({ n: count() }).from(giRegistrations);
  return { products: p?.products ?? 0, districtsWithProducts: p?.districts ?? 0, giRegistrations: g?.n ?? 0 };
}

export async function allGiRecords(db: DbOrTx): Promise<GiRecord[]> {
  return db
    .select({
      id: giRegistrations.id,
      listSerialNo: giRegistrations.listSerialNo,
      name: giRegistrations.name,
      states: giRegistrations.states,
      origin: giRegistrations.origin,
      duplicateOfSerial: giRegistrations.duplicateOfSerial,
    })
    .from(giRegistrations)
    .orderBy(asc(giRegistrations.id));
}

/** Exports of one district by sector, FY 2024-25, largest first. */
export async function exportsOfDistrict(db: DbOrTx, districtLgdCode: number) {
  return db
    .select({
      sector: districtExports.sector,
      usd: sql<number>`${sum(districtExports.exportUsd)}::float8`,
      inr: sql<number>`${sum(districtExports.exportInr)}::float8`,
    })
    .from(districtExports)
    .where(eq(districtExports.districtLgdCode, districtLgdCode))
    .groupBy(districtExports.sector)
    .orderBy(desc(sql`sum(${districtExports.exportUsd})`));
}

export async function exportTotals(db: DbOrTx) {
  const [t] = await db
    .select({
      usd: sql<number>`coalesce(sum(${districtExports.exportUsd}), 0)::float8`,
      joinedUsd: sql<number>`coalesce(sum(${districtExports.exportUsd}) filter (where ${districtExports.districtLgdCode} is not null), 0)::float8`,
      rows: count(),
    })
    .from(districtExports);
  return t ?? { usd: 0, joinedUsd: 0, rows: 0 };
}

export async function lastImportRun(db: DbOrTx, kind: string) {
  const [r] = await db
    .select()
    .from(importRuns)
    .where(eq(importRuns.kind, kind))
    .orderBy(desc(importRuns.id))
    .limit(1);
  return r ?? null;
}
