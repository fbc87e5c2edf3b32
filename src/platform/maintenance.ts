import { sql } from "drizzle-orm";
import type { DbOrTx } from "./db";

/**
 * Refreshes the planner's statistics of every table. The embedded database (PGlite) has no autovacuum: without this,
 * a table that grew from nothing to a million rows still looks empty to the planner, which then scans where an index
 * answers (a bazaar page: 97 ms against 0.3 ms). On a PostgreSQL server autovacuum does it too; once more is cheap
 * (ANALYZE reads a sample of each table).
 */
export async function refreshStatistics(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze`);
}
