import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { giRegistrations, listRevisions, productGiLinks, products } from "../tables";

export const giSuggestionPageSize = 50;

/** Product–GI links of the live list that the name match suggested and nobody has decided yet, a page at a time. */
const undecided = and(eq(productGiLinks.status, "suggested"), eq(listRevisions.isLive, true));

/** How many suggested links of the live list wait for a decision (the administrator's worklist). */
export async function giSuggestionCount(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(productGiLinks)
    .innerJoin(products, eq(products.id, productGiLinks.productId))
    .innerJoin(listRevisions, eq(listRevisions.id, products.revisionId))
    .where(undecided);
  return row?.n ?? 0;
}

export async function giSuggestions(db: DbOrTx, page: number) {
  const where = undecided;
  const base = () =>
    db
      .select({
        productId: products.id,
        productName: products.name,
        slug: products.slug,
        districtLgdCode: products.districtLgdCode,
        stateLgdCode: products.stateLgdCode,
        giId: giRegistrations.id,
        giName: giRegistrations.name,
        giSerial: giRegistrations.listSerialNo,
        giClass: giRegistrations.goodsCategory,
        giStates: giRegistrations.states,
        basis: productGiLinks.basis,
      })
      .from(productGiLinks)
      .innerJoin(products, eq(products.id, productGiLinks.productId))
      .innerJoin(listRevisions, eq(listRevisions.id, products.revisionId))
      .innerJoin(giRegistrations, eq(giRegistrations.id, productGiLinks.giId));
  const [rows, total] = await Promise.all([
    base()
      .where(where)
      .orderBy(asc(products.stateLgdCode), asc(products.name), asc(giRegistrations.listSerialNo))
      .limit(giSuggestionPageSize)
      .offset((page - 1) * giSuggestionPageSize),
    giSuggestionCount(db),
  ]);
  return { rows, total };
}
