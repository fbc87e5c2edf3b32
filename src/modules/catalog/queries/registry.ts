import { and, asc, count, countDistinct, desc, eq, inArray, ne, sql, sum } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import type { GiRecord } from "../gi-match";
import { sectorTaxonomy } from "../sectors";
import {
  districtExports,
  giRegistrations,
  hsCodes,
  importRuns,
  listRevisions,
  productGiLinks,
  productHsHeadings,
  products,
  sectors,
} from "../tables";

export type RevisionView = typeof listRevisions.$inferSelect;

export async function liveRevision(db: DbOrTx): Promise<RevisionView | null> {
  const [r] = await db.select().from(listRevisions).where(eq(listRevisions.isLive, true));
  return r ?? null;
}

/** Every published revision, newest first (a draft is the administrator's, not the public's). */
export async function allRevisions(db: DbOrTx): Promise<RevisionView[]> {
  return db
    .select()
    .from(listRevisions)
    .where(eq(listRevisions.status, "published"))
    .orderBy(desc(listRevisions.effectiveAt), desc(listRevisions.publishedAt), asc(listRevisions.id));
}

/** A published revision by id (a draft's id is not found here). */
export async function revisionById(db: DbOrTx, id: string): Promise<RevisionView | null> {
  const [r] = await db
    .select()
    .from(listRevisions)
    .where(and(eq(listRevisions.id, id), eq(listRevisions.status, "published")));
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
  nameHi: products.nameHi,
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

/** One product by id, whatever its revision (a producer's profile names it by id). */
export async function productById(db: DbOrTx, id: number) {
  const [p] = await db
    .select(productColumns)
    .from(products)
    .leftJoin(sectors, eq(sectors.code, products.sectorCode))
    .where(eq(products.id, id));
  return p ?? null;
}

export async function giLinksOfProduct(db: DbOrTx, productId: number) {
  return (
    db
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
      // A link an administrator rejected is no link.
      .where(and(eq(productGiLinks.productId, productId), ne(productGiLinks.status, "rejected")))
      .orderBy(asc(productGiLinks.status), asc(giRegistrations.listSerialNo))
  );
}

/** The GI goods linked to a district's products in a revision (suggested or confirmed; hints and rejected left out). */
export async function giOfDistrict(db: DbOrTx, revisionId: string, districtLgdCode: number) {
  return db
    .select({
      id: giRegistrations.id,
      name: giRegistrations.name,
      listSerialNo: giRegistrations.listSerialNo,
      goodsCategory: giRegistrations.goodsCategory,
      status: productGiLinks.status,
      productSlug: products.slug,
      productName: products.name,
    })
    .from(productGiLinks)
    .innerJoin(products, eq(products.id, productGiLinks.productId))
    .innerJoin(giRegistrations, eq(giRegistrations.id, productGiLinks.giId))
    .where(
      and(
        eq(products.revisionId, revisionId),
        eq(products.districtLgdCode, districtLgdCode),
        inArray(productGiLinks.status, ["suggested", "confirmed"]),
      ),
    )
    .orderBy(asc(giRegistrations.listSerialNo));
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

/** Exports by sector, FY 2024-25, largest first: of one district, or of a State (rows placed in it, with or without
 * a district). */
export async function exportsBySector(
  db: DbOrTx,
  where: { districtLgdCode: number } | { stateLgdCode: number },
) {
  return db
    .select({
      sector: districtExports.sector,
      usd: sql<number>`${sum(districtExports.exportUsd)}::float8`,
      inr: sql<number>`${sum(districtExports.exportInr)}::float8`,
    })
    .from(districtExports)
    .where(
      "districtLgdCode" in where
        ? eq(districtExports.districtLgdCode, where.districtLgdCode)
        : eq(districtExports.stateLgdCode, where.stateLgdCode),
    )
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

/** Every product of a revision, primary first within each district. */
export async function productsOfRevision(db: DbOrTx, revisionId: string) {
  return db
    .select(productColumns)
    .from(products)
    .leftJoin(sectors, eq(sectors.code, products.sectorCode))
    .where(eq(products.revisionId, revisionId))
    .orderBy(asc(products.districtLgdCode), rankOrder, asc(products.name));
}

/** GI registrations with how many products of a revision link to them, filtered by goods class and State. */
export async function listGi(
  db: DbOrTx,
  revisionId: string,
  filter: { goodsCategory?: string; state?: string },
) {
  const linked = db
    .select({ giId: productGiLinks.giId, n: count().as("n") })
    .from(productGiLinks)
    .innerJoin(products, eq(products.id, productGiLinks.productId))
    // Hints (loose name matches) are not links: counted like the API's giIds and the open data's slugs.
    .where(
      and(eq(products.revisionId, revisionId), inArray(productGiLinks.status, ["suggested", "confirmed"])),
    )
    .groupBy(productGiLinks.giId)
    .as("linked");
  return db
    .select({
      id: giRegistrations.id,
      listSerialNo: giRegistrations.listSerialNo,
      name: giRegistrations.name,
      goodsCategory: giRegistrations.goodsCategory,
      states: giRegistrations.states,
      origin: giRegistrations.origin,
      duplicateOfSerial: giRegistrations.duplicateOfSerial,
      linkedProducts: sql<number>`coalesce(${linked.n}, 0)::int`,
    })
    .from(giRegistrations)
    .leftJoin(linked, eq(linked.giId, giRegistrations.id))
    .where(
      and(
        filter.goodsCategory ? eq(giRegistrations.goodsCategory, filter.goodsCategory) : undefined,
        filter.state ? sql`${filter.state} = any(${giRegistrations.states})` : undefined,
      ),
    )
    .orderBy(asc(giRegistrations.listSerialNo), asc(giRegistrations.id));
}

export async function giFacets(db: DbOrTx) {
  const classes = await db
    .selectDistinct({ v: giRegistrations.goodsCategory })
    .from(giRegistrations)
    .orderBy(asc(giRegistrations.goodsCategory));
  const states = await db
    .selectDistinct({ v: sql<string>`unnest(${giRegistrations.states})` })
    .from(giRegistrations)
    .orderBy(sql`1`);
  return { classes: classes.map((c) => c.v), states: states.map((s) => s.v) };
}

export async function giById(db: DbOrTx, id: number) {
  const [g] = await db.select().from(giRegistrations).where(eq(giRegistrations.id, id));
  return g ?? null;
}

/** The products of a revision linked to one GI registration, with the link's status. */
export async function productsOfGi(db: DbOrTx, revisionId: string, giId: number) {
  return db
    .select({ ...productColumns, linkStatus: productGiLinks.status })
    .from(productGiLinks)
    .innerJoin(products, eq(products.id, productGiLinks.productId))
    .leftJoin(sectors, eq(sectors.code, products.sectorCode))
    .where(and(eq(productGiLinks.giId, giId), eq(products.revisionId, revisionId)))
    .orderBy(asc(products.name));
}

/** Sectors with the number of products of a revision in each (unassigned products counted under null). */
export async function sectorCounts(db: DbOrTx, revisionId: string) {
  return db
    .select({ sectorCode: products.sectorCode, n: count() })
    .from(products)
    .where(eq(products.revisionId, revisionId))
    .groupBy(products.sectorCode);
}

export async function productsOfSector(db: DbOrTx, revisionId: string, sectorCode: string | null) {
  return db
    .select(productColumns)
    .from(products)
    .leftJoin(sectors, eq(sectors.code, products.sectorCode))
    .where(
      and(
        eq(products.revisionId, revisionId),
        sectorCode === null ? sql`${products.sectorCode} is null` : eq(products.sectorCode, sectorCode),
      ),
    )
    .orderBy(asc(products.stateLgdCode), asc(products.name));
}

/** Ids of the products of a sector, in every revision (a producer's product may be of an earlier one). */
export async function productIdsOfSector(db: DbOrTx, sectorCode: string): Promise<number[]> {
  const rows = await db.select({ id: products.id }).from(products).where(eq(products.sectorCode, sectorCode));
  return rows.map((r) => r.id);
}

/** A few products to start from: those with a suggested or confirmed GI, one per State, in a stable order. */
export async function featuredProducts(db: DbOrTx, revisionId: string, limit: number) {
  const rows = await db
    .selectDistinctOn([products.stateLgdCode], productColumns)
    .from(products)
    .innerJoin(productGiLinks, eq(productGiLinks.productId, products.id))
    .leftJoin(sectors, eq(sectors.code, products.sectorCode))
    .where(
      and(eq(products.revisionId, revisionId), inArray(productGiLinks.status, ["suggested", "confirmed"])),
    )
    .orderBy(asc(products.stateLgdCode), asc(products.name));
  // Spread the picks over the country rather than taking the first States in code order.
  const step = Math.max(1, Math.floor(rows.length / limit));
  return rows.filter((_, i) => i % step === 0).slice(0, limit);
}

/** The paths of every public page of the registry, for the sitemap. */
export async function publicPaths(db: DbOrTx): Promise<string[]> {
  const rev = await liveRevision(db);
  const slugs = rev
    ? await db.select({ slug: products.slug }).from(products).where(eq(products.revisionId, rev.id))
    : [];
  const gis = await db.select({ id: giRegistrations.id }).from(giRegistrations);
  return [
    "/",
    "/districts",
    "/sectors",
    "/gi",
    ...sectorTaxonomy.map((s) => `/sectors/${s.code}`),
    ...slugs.map((p) => `/products/${p.slug}`),
    ...gis.map((g) => `/gi/${g.id}`),
  ];
}

/** The sector taxonomy with the number of products of a revision in each (null: no revision, all zero). */
export async function sectorsWithCounts(db: DbOrTx, revisionId: string | null) {
  const counts = new Map(
    revisionId ? (await sectorCounts(db, revisionId)).map((r) => [r.sectorCode, r.n]) : [],
  );
  return sectorTaxonomy.map((s) => ({
    code: s.code,
    name: s.nameEn,
    nameHi: s.nameHi,
    products: counts.get(s.code) ?? 0,
  }));
}

/** The HS 2022 headings (4 digits) among `codes`, with their descriptions: what a form checks picked codes against. */
export async function hsHeadings(db: DbOrTx, codes: readonly string[]) {
  if (!codes.length) return [];
  return db
    .select({ code: hsCodes.code, description: hsCodes.description })
    .from(hsCodes)
    .where(and(inArray(hsCodes.code, [...codes]), eq(hsCodes.level, 4)))
    .orderBy(asc(hsCodes.code));
}

/** Some products by id, whatever their revision (listings and profiles name products by id). */
export async function productsByIds(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: products.id,
      name: products.name,
      nameHi: products.nameHi,
      slug: products.slug,
      sectorCode: products.sectorCode,
      stateLgdCode: products.stateLgdCode,
      districtLgdCode: products.districtLgdCode,
      revisionId: products.revisionId,
    })
    .from(products)
    .where(inArray(products.id, [...new Set(ids)]));
}

/** The live revision's products filed under an HS heading (whom an RFQ for that heading may reach). */
export async function liveProductIdsOfHsHeading(db: DbOrTx, hsCode: string): Promise<number[]> {
  const rows = await db
    .select({ id: products.id })
    .from(productHsHeadings)
    .innerJoin(products, eq(products.id, productHsHeadings.productId))
    .innerJoin(listRevisions, and(eq(listRevisions.id, products.revisionId), eq(listRevisions.isLive, true)))
    .where(eq(productHsHeadings.hsCode, hsCode));
  return rows.map((r) => r.id);
}
