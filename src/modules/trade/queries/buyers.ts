import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { buyers } from "../tables";

/** A person's own buyer profile, or undefined before the first save. */
export async function buyerOf(db: DbOrTx, userId: number) {
  const [row] = await db.select().from(buyers).where(eq(buyers.ownerUserId, userId));
  return row;
}
