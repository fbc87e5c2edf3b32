import { and, asc, count, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { normalizeName } from "../../../platform/text";
import { districtExports, productGiLinks, products, sectors } from "../tables";

export type ProductSort = "name" | "-name" | "district" | "-district" | "rank";

/** A page of a revision's products, filtered as the API allows, with each product's linked GI ids. */
export async function pageProducts(
  db: DbOrTx,
  revisionId: string,
  filter: {
    stateLgdCode?: number;
    districtLgdCode?: number;
    sector?: string;
    gi?: boolean;
    q?: string;
    slug?: string;
  },
  page: { limit: number; offset: number; sort: ProductSort },
) {
  const linked = db
    .select({ id: productGiLinks.productId })
    .from(productGiLinks)
    .where(inArray(productGiLinks.status, ["suggested", "confirmed"]));
  const where = and(
    eq(products.revisionId, revisionId),
    filter.slug === undefined ? undefined : eq(products.slug, filter.slug),
    filter.stateLgdCode === undefined ? undefined : eq(products.stateLgdCode, filter.stateLgdCode),
    filter.districtLgdCode === undefined ? undefined : eq(products.districtLgdCode, filter.districtLgdCode),
    filter.sector === undefined
      ? undefined
      : filter.sector === "unassigned"
        ? sql`${products.sectorCode} is null`
        : eq(products.sectorCode, filter.sector),
    filter.gi === undefined
      ? undefined
      : filter.gi
        ? inArray(products.id, linked)
        : sql`${products.id} not in ${linked}`,
    filter.q ? ilike(products.nameNorm, `%${normalizeName(filter.q).replace(/[\\%_]/g, "")}%`) : undefined,
  );
  const order = {
    name: [asc(products.name), asc(products.id)],
    "-name": [desc(products.name), asc(products.id)],
    district: [asc(products.districtLgdCode), asc(products.id)],
    "-district": [desc(products.districtLgdCode), asc(products.id)],
    rank: [
      sql`array_position(array['Primary','Secondary','Tertiary','Others'], ${products.rank})`,
      asc(products.id),
    ],
  }[page.sort];
  const [n] = await db.select({ n: count() }).from(products).where(where);
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      nameHi: products.nameHi,
      revisionId: products.revisionId,
      rank: products.rank,
      stateLgdCode: products.stateLgdCode,
      districtLgdCode: products.districtLgdCode,
      sectorCode: products.sectorCode,
      sectorNameEn: sectors.nameEn,
      sectorSetBy: products.sectorSetBy,
      sectorRule: products.sectorRule,
      districtAsPublished: products.districtAsPublished,
      stateAsPublished: products.stateAsPublished,
      sourceFile: products.sourceFile,
      sourceRow: products.sourceRow,
    })
    .from(products)
    .leftJoin(sectors, eq(sectors.code, products.sectorCode))
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset);
  const links = rows.length
    ? await db
        .select({
          productId: productGiLinks.productId,
          giId: productGiLinks.giId,
          status: productGiLinks.status,
        })
        .from(productGiLinks)
        .where(
          inArray(
            productGiLinks.productId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return {
    total: n?.n ?? 0,
    items: rows.map((r) => ({
      ...r,
      gi: links.filter((l) => l.productId === r.id).map((l) => ({ id: l.giId, status: l.status })),
    })),
  };
}

/** The districts that have at least one product in a revision. */
export async function districtCodesWithProducts(db: DbOrTx, revisionId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ code: products.districtLgdCode })
    .from(products)
    .where(eq(products.revisionId, revisionId));
  return rows.map((r) => r.code);
}

/** A page of export rows (FY 2024-25), by district, State and sector. */
export async function pageExports(
  db: DbOrTx,
  filter: { districtLgdCode?: number; stateLgdCode?: number; sector?: string },
  page: { limit: number; offset: number; sort: "usd" | "-usd" | "district" },
) {
  const where = and(
    filter.districtLgdCode === undefined
      ? undefined
      : eq(districtExports.districtLgdCode, filter.districtLgdCode),
    filter.stateLgdCode === undefined ? undefined : eq(districtExports.stateLgdCode, filter.stateLgdCode),
    filter.sector === undefined ? undefined : eq(districtExports.sector, filter.sector),
  );
  const order = {
    usd: [asc(districtExports.exportUsd), asc(districtExports.id)],
    "-usd": [desc(districtExports.exportUsd), asc(districtExports.id)],
    district: [asc(districtExports.districtLgdCode), asc(districtExports.sector), asc(districtExports.id)],
  }[page.sort];
  const [n] = await db.select({ n: count() }).from(districtExports).where(where);
  const items = await db
    .select({
      fiscalYear: districtExports.fiscalYear,
      stateLgdCode: districtExports.stateLgdCode,
      districtLgdCode: districtExports.districtLgdCode,
      stateAsGiven: districtExports.stateAsGiven,
      districtAsGiven: districtExports.districtAsGiven,
      districtMatch: districtExports.districtMatch,
      sector: districtExports.sector,
      exportUsd: districtExports.exportUsd,
      exportInr: districtExports.exportInr,
      sourceRow: districtExports.sourceRow,
    })
    .from(districtExports)
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset);
  return { total: n?.n ?? 0, items };
}

/** Every GI link of a revision's products, suggested or confirmed (hints left out). */
export async function giLinksOfRevision(db: DbOrTx, revisionId: string) {
  return db
    .select({
      productId: productGiLinks.productId,
      slug: products.slug,
      giId: productGiLinks.giId,
      status: productGiLinks.status,
    })
    .from(productGiLinks)
    .innerJoin(products, eq(products.id, productGiLinks.productId))
    .where(
      and(eq(products.revisionId, revisionId), inArray(productGiLinks.status, ["suggested", "confirmed"])),
    );
}
