import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freshDatabase, serverUrl } from "../../test/support/database";
import { openDatabase } from "./db";

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

describe("the embedded database on its worker thread", () => {
  it("refuses, with a clear error and without running it, a query that waits on an open transaction", async () => {
    const database = await openDatabase({ dir: null, worker: true, waitMs: 300 });
    try {
      await database.db.execute(sql`create table probe (n int)`);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into probe values (1)`);
        // A query on the database handle instead of the transaction's: it cannot run until the transaction ends,
        // and the transaction (here) waits for it. Without the limit, this would hang for ever.
        const outside = database.db.execute(sql`insert into probe values (2)`);
        const err = (await outside.catch((e) => e)) as Error & { cause?: Error };
        expect(err.cause?.message ?? err.message).toMatch(
          /waited 0.3 s for another transaction on the embedded database to end; nothing was run/,
        );
      });
      const rows = (await database.db.execute(sql`select n from probe order by n`)) as unknown as {
        rows: { n: number }[];
      };
      expect(rows.rows.map((r) => r.n)).toEqual([1]); // the refused insert never ran
    } finally {
      await database.close();
    }
  });
});
