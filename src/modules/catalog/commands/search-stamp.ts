import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { dataStamps } from "../tables";

/** Tells caches of search answers that the entries changed (in the caller's transaction, so only once committed). */
export async function bumpSearchStamp(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`update ${dataStamps} set version = version + 1 where name = 'search'`);
}
