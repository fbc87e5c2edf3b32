import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freshDatabase, serverUrl } from "../../test/support/database";

describe.runIf(serverUrl)("the PostgreSQL connection pool", () => {
  it("survives the server closing an idle connection, and goes on answering", async () => {
    const t = await freshDatabase({ seeded: false });
    try {
      await t.db.execute(sql`select 1`); // leaves an idle connection in the pool
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      const name = new URL(t.url as string).pathname.slice(1);
      const killed = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [name],
      );
      await admin.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200));
      const result = (await t.db.execute(sql`select 41 + 1 as answer`)) as unknown as {
        rows: { answer: number }[];
      };
      expect(result.rows[0]?.answer).toBe(42);
    } finally {
      await t.dispose();
    }
  });
});
