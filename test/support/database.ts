import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { importSeed } from "../../src/modules/catalog";
import { defaultSeedDir } from "../../src/platform/config";
import { type Database, openDatabase } from "../../src/platform/db";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");
export const seedDir = process.env.SEED_DIR ? path.resolve(process.env.SEED_DIR) : defaultSeedDir(repoRoot);
/** Set by .ci/run to run the whole suite a second time on a real PostgreSQL server. */
export const serverUrl = process.env.TEST_DATABASE_URL || undefined;

export type TestDatabase = Database & { url?: string; dispose(): Promise<void> };

/**
 * A fresh database for one test file: a copy of a migrated (and, if asked, seeded) PGlite template on its worker
 * thread, or a new
 * database on the PostgreSQL server copied from a template database built once per worker. Never shared.
 */
export async function freshDatabase(opts: { seeded: boolean }): Promise<TestDatabase> {
  return serverUrl ? freshServerDatabase(opts.seeded) : freshPglite(opts.seeded);
}

/** Dumps of migrated (and, if asked, seeded) template databases, made once per test process. */
const pgliteTemplates = new Map<boolean, Promise<Uint8Array>>();

/**
 * A fresh embedded database as production runs it: PGlite on its own worker thread, every query and transaction a
 * message to it (pglite-worker-client.ts), loaded from a dump of the template.
 */
async function freshPglite(seeded: boolean): Promise<TestDatabase> {
  let template = pgliteTemplates.get(seeded);
  if (!template) {
    template = (async () => {
      const db = await openDatabase({ dir: null });
      await db.migrate();
      if (seeded) await importSeed(db.db, seedDir);
      const client = (db.db as unknown as { $client: PGlite }).$client;
      const dump = new Uint8Array(await (await client.dumpDataDir("none")).arrayBuffer());
      await db.close();
      return dump;
    })();
    pgliteTemplates.set(seeded, template);
  }
  const database = await openDatabase({ dir: null, worker: true, load: await template });
  return { ...database, dispose: () => database.close() };
}

const serverTemplates = new Map<boolean, Promise<string>>();
let counter = 0;

function urlFor(dbName: string): string {
  const u = new URL(serverUrl as string);
  u.pathname = `/${dbName}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function freshServerDatabase(seeded: boolean): Promise<TestDatabase> {
  let template = serverTemplates.get(seeded);
  if (!template) {
    template = (async () => {
      const name = `odop_tpl_${seeded ? "seeded" : "empty"}_${process.pid}`;
      await admin(async (c) => {
        await c.query(`drop database if exists ${name} with (force)`);
        await c.query(`create database ${name}`);
      });
      const db = await openDatabase({ url: urlFor(name) });
      await db.migrate();
      if (seeded) await importSeed(db.db, seedDir);
      await db.close();
      return name;
    })();
    serverTemplates.set(seeded, template);
  }
  const templateName = await template;
  const name = `odop_test_${process.pid}_${Date.now()}_${counter++}`;
  await admin((c) => c.query(`create database ${name} template ${templateName}`));
  const database = await openDatabase({ url: urlFor(name) });
  return {
    ...database,
    url: urlFor(name),
    async dispose() {
      await database.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A new, empty database on the server for a test that starts its own process against it. */
export async function emptyServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `odop_proc_${process.pid}_${Date.now()}_${counter++}`;
  await admin((c) => c.query(`create database ${name}`));
  return {
    url: urlFor(name),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
