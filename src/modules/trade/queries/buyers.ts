import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { productsByIds } from "../../catalog";
import { buyerInterests, buyers } from "../tables";

/** A person's own buyer profile, or undefined before the first save. */
export async function buyerOf(db: DbOrTx, userId: number) {
  const [row] = await db.select().from(buyers).where(eq(buyers.ownerUserId, userId));
  return row;
}

/** What a buyer follows, with the products' names. */
export async function interestsOf(db: DbOrTx, userId: number) {
  const rows = await db
    .select()
    .from(buyerInterests)
    .where(eq(buyerInterests.userId, userId))
    .orderBy(asc(buyerInterests.id));
  const products = await productsByIds(
    db,
    rows.flatMap((r) => (r.odopProductId ? [r.odopProductId] : [])),
  );
  return rows.map((r) => ({ ...r, product: products.find((p) => p.id === r.odopProductId) ?? null }));
}

/** The ODOP products each of some buyers follows (for suggesting whom they might meet). */
export async function followedProductsOf(
  db: DbOrTx,
  userIds: readonly number[],
): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({ userId: buyerInterests.userId, productId: buyerInterests.odopProductId })
    .from(buyerInterests)
    .where(
      and(inArray(buyerInterests.userId, [...new Set(userIds)]), isNotNull(buyerInterests.odopProductId)),
    );
  for (const r of rows) {
    const set = out.get(r.userId) ?? new Set<number>();
    set.add(r.productId as number);
    out.set(r.userId, set);
  }
  return out;
}

/** The organisations of some buyers, by user id, with their countries (what a meet shows beside a buyer). */
export async function buyersOf(db: DbOrTx, userIds: readonly number[]) {
  if (userIds.length === 0) return new Map<number, { organisation: string; country: string }>();
  const rows = await db
    .select({ userId: buyers.ownerUserId, organisation: buyers.organisation, country: buyers.country })
    .from(buyers)
    .where(inArray(buyers.ownerUserId, [...new Set(userIds)]));
  return new Map(rows.map((r) => [r.userId, r]));
}
