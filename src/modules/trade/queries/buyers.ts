import { asc, eq } from "drizzle-orm";
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
