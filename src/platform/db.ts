import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { openDurablePglite } from "./pglite-durable";
import { PGliteWorkerClient } from "./pglite-worker-client";

/** The database handle every query and command receives; the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Commands accept either, so that a caller can compose several in one transaction. */
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(import.meta.dirname, "..", "..", "drizzle");

/**
 * Opens PostgreSQL when a URL is given, otherwise the embedded PGlite in `dir` (in memory when dir is null).
 * `worker: true` runs PGlite on a thread of its own (the server), so that queries never block the HTTP thread.
 */
export async function openDatabase(opts: {
  url?: string;
  dir?: string | null;
  worker?: boolean;
  /** With `worker` and no dir: start from this dump of a data folder (PGlite's dumpDataDir), for tests. */
  load?: Uint8Array;
  /** With `worker`: how long a query may wait for another transaction before it is refused (default 15 s). */
  waitMs?: number;
}): Promise<Database> {
  if (opts.url) return openPostgres(opts.url);
  if (opts.dir) fs.mkdirSync(opts.dir, { recursive: true });
  if (opts.worker) {
    const client = await PGliteWorkerClient.start(opts.dir ?? null, { load: opts.load, waitMs: opts.waitMs });
    const db = drizzlePglite(client as unknown as PGlite) as unknown as Db;
    return {
      db,
      kind: "pglite",
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      close: () => client.close(),
    };
  }
  // On disk, commits are made durable (pglite-durable.ts); in memory (tests) there is nothing to sync.
  const client = opts.dir
    ? await openDurablePglite(opts.dir)
    : await PGlite.create(undefined, { extensions: { pg_trgm } });
  return wrapPglite(client);
}

function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server closes (a restart, an administrator, a dropped test database) emits an error;
  // unhandled it would end the process. The pool drops that client and opens a new one when it is next needed.
  pool.on("error", () => {});
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: () => migratePg(db as never, { migrationsFolder }),
    close: () => pool.end(),
  };
}

/** Answers whether the database is reachable and every migration on disk has been applied. */
export async function migrationState(db: Db): Promise<{ reachable: boolean; pending: number }> {
  const expected = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"))
    .entries.length as number;
  try {
    const result = (await db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    )) as unknown as {
      rows: { n: number }[];
    };
    return { reachable: true, pending: expected - Number(result.rows[0]?.n ?? 0) };
  } catch (err) {
    // Drizzle wraps the driver's error; "undefined table" means reachable but not migrated.
    const e = err as { code?: string; cause?: { code?: string } };
    const missingTable = (e.cause?.code ?? e.code) === "42P01";
    return { reachable: missingTable, pending: expected };
  }
}
