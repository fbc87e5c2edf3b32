import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/support/database";
import { testJobs } from "../../test/support/jobs";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase({ seeded: false });
});
afterAll(() => t.dispose());

/** What the planner believes a table holds: -1 until the table has been analysed (PostgreSQL 14 and later). */
const believed = async (table: string) =>
  (
    (await t.db.execute(
      sql`select reltuples::float8 as n from pg_class where relname = ${table}`,
    )) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]?.n;

it("refreshes the planner's statistics on the job runner, which the embedded database has no autovacuum for", async () => {
  await t.db.execute(sql`insert into search_words (word) select 'w' || g from generate_series(1, 500) g`);
  expect(await believed("search_words")).not.toBe(500);
  const jobs = testJobs(t.db);
  const now = Date.now();
  await jobs.runDue(new Date(now));
  await jobs.runDue(new Date(now + 6 * 3600 * 1000 + 1000));
  expect(await believed("search_words")).toBe(500);
});
