import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { dataStamps } from "../tables";

/** Tells caches of search answers that the entries changed (in the caller's transaction, so only once committed). */
export async function bumpSearchStamp(tx: DbOrTx): Promise<void> {
  await tx
    .insert(dataStamps)
    .values({ name: "search", version: 1 })
    .onConflictDoUpdate({ target: dataStamps.name, set: { version: sql`${dataStamps.version} + 1` } });
}
