import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { type Database, type DbOrTx, migrationsFolder } from "./db";

/**
 * Backups of the whole database as gzipped JSON lines, the same on PGlite and on PostgreSQL (a dump of one restores
 * into the other): a header naming the schema version (the migrations applied), then each table (its columns, then
 * one line per row), then a closing line with the counts, so that a cut-off file is refused. Read in one
 * repeatable-read transaction: the dump is one consistent moment, while the server goes on taking writes.
 */
type Header = {
  format: "odop-hub-backup";
  version: 1;
  createdAt: string;
  database: string;
  migrations: string[];
};
type Line =
  | Header
  | { table: string; columns: string[] }
  | { row: unknown[] }
  | { end: true; tables: number; rows: number };

const batch = 2000;

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The public tables, parents before children (by their foreign keys), so that a restore inserts in this order. */
async function tablesInOrder(db: DbOrTx): Promise<string[]> {
  const tables = (
    await rows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )
  ).map((r) => r.name);
  const edges = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (ordered.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const e of edges) if (e.child === t) visit(e.parent, seen);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/** Tables whose rows come with the schema (seeded by a migration), marked so by a comment on the table. */
async function referenceTables(db: DbOrTx): Promise<string[]> {
  return (
    await rows<{ name: string }>(
      db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and obj_description(c.oid, 'pg_class') like 'reference:%'`,
    )
  ).map((r) => r.name);
}

const migrationHashes = () => readMigrationFiles({ migrationsFolder }).map((m) => m.hash);

/** Writes a backup of the whole database to `file` (created with its folder); returns the rows written. */
export async function backupDatabase(
  database: Database,
  file: string,
): Promise<{ tables: number; rows: number }> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const gzip = zlib.createGzip();
  const done = pipeline(gzip, fs.createWriteStream(tmp));
  const write = async (line: Line) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await new Promise((r) => gzip.once("drain", r));
  };
  const counts = await database.db.transaction(
    async (tx) => {
      await write({
        format: "odop-hub-backup",
        version: 1,
        createdAt: new Date().toISOString(),
        database: database.kind,
        migrations: migrationHashes(),
      });
      let total = 0;
      const tables = await tablesInOrder(tx);
      for (const table of tables) {
        const columns = (
          await rows<{ name: string }>(
            tx,
            sql`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
          )
        ).map((r) => r.name);
        await write({ table, columns });
        for (let offset = 0; ; offset += batch) {
          const page = await rows<{ j: string }>(
            tx,
            sql`select json_build_array(${sql.join(
              columns.map((c) => sql.identifier(c)),
              sql`, `,
            )})::text as j from ${sql.identifier(table)} order by ctid limit ${batch} offset ${offset}`,
          );
          for (const r of page) await write({ row: JSON.parse(r.j) });
          total += page.length;
          if (page.length < batch) break;
        }
      }
      await write({ end: true, tables: tables.length, rows: total });
      return { tables: tables.length, rows: total };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  gzip.end();
  await done;
  fs.renameSync(tmp, file); // a backup is there whole or not at all
  return counts;
}

export class RestoreRefusedError extends Error {}

/**
 * Restores a backup into an empty database: migrates it to the schema the backup was made with (the same migrations
 * as this code, or it is refused), then inserts every table in one transaction and moves the id sequences past the
 * restored rows. A database that already holds rows, or a file that is not a whole backup, changes nothing.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()) });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<Line | null> => {
    const r = await iterator.next();
    return r.done ? null : (JSON.parse(r.value) as Line);
  };
  let header: Line | null;
  try {
    header = await next();
  } catch {
    throw new RestoreRefusedError(`${file} is not an ODOP Hub backup (not gzipped JSON lines)`);
  }
  if (!header || !("format" in header) || header.format !== "odop-hub-backup")
    throw new RestoreRefusedError(`${file} is not an ODOP Hub backup`);
  const expected = migrationHashes();
  if (JSON.stringify(header.migrations) !== JSON.stringify(expected))
    throw new RestoreRefusedError(
      `${file} was made with ${header.migrations.length} migrations, this version has ${expected.length}: restore it with the version that made it, then upgrade`,
    );
  await database.migrate();
  const db = database.db;
  const tables = await tablesInOrder(db);
  const reference = await referenceTables(db);
  for (const t of tables.filter((x) => !reference.includes(x))) {
    const [r] = await rows<{ any: boolean }>(
      db,
      sql`select exists (select 1 from ${sql.identifier(t)}) as any`,
    );
    if (r?.any)
      throw new RestoreRefusedError(
        `The database is not empty (table ${t} has rows): restore into an empty one`,
      );
  }
  return db.transaction(async (tx) => {
    // What the migrations seeded is replaced by what the backup holds (which includes any rows added since).
    for (const t of reference) await tx.execute(sql`delete from ${sql.identifier(t)}`);
    // The rows come back as they were: the tables' own triggers (a data stamp bumped by a write to the registry)
    // are off while they do, and on again before the transaction ends (ALTER TABLE is transactional).
    for (const t of tables) await tx.execute(sql`alter table ${sql.identifier(t)} disable trigger user`);
    let table = "";
    let columns: string[] = [];
    let pending: unknown[][] = [];
    let total = 0;
    const flush = async () => {
      if (!pending.length) return;
      const records = pending.map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i]])));
      await tx.execute(
        sql`insert into ${sql.identifier(table)} (${sql.join(
          columns.map((c) => sql.identifier(c)),
          sql`, `,
        )}) select ${sql.join(
          columns.map((c) => sql.identifier(c)),
          sql`, `,
        )} from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(records)}::json)`,
      );
      total += pending.length;
      pending = [];
    };
    for (let line = await next(); line; line = await next()) {
      if ("table" in line) {
        await flush();
        if (!tables.includes(line.table))
          throw new RestoreRefusedError(`Unknown table ${line.table} in the backup`);
        table = line.table;
        columns = line.columns;
      } else if ("row" in line) {
        pending.push(line.row);
        if (pending.length >= 1000) await flush();
      } else if ("end" in line) {
        await flush();
        if (line.rows !== total)
          throw new RestoreRefusedError(`The backup says ${line.rows} rows but holds ${total}`);
        await resetSequences(tx);
        for (const t of tables) await tx.execute(sql`alter table ${sql.identifier(t)} enable trigger user`);
        return { tables: line.tables, rows: total };
      }
    }
    throw new RestoreRefusedError(`${file} is cut off (no closing line): nothing was restored`);
  });
}

/** Moves each serial column's sequence past the largest id restored, so that new rows do not collide. */
async function resetSequences(tx: DbOrTx) {
  const serials = await rows<{ t: string; c: string }>(
    tx,
    sql`select table_name as t, column_name as c from information_schema.columns
        where table_schema = 'public' and column_default like 'nextval(%'`,
  );
  for (const s of serials)
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${s.t}, ${s.c}), coalesce(max(${sql.identifier(s.c)}), 0) + 1, false) from ${sql.identifier(s.t)}`,
    );
}

/** Keeps the newest `keep` backups in `dir`; older ones are removed. */
export function pruneBackups(dir: string, keep: number): void {
  if (!fs.existsSync(dir)) return;
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^odop-hub-.*\.jsonl\.gz$/.test(f))
    .sort()
    .reverse();
  for (const f of files.slice(keep)) fs.rmSync(path.join(dir, f));
}

/** A file name that sorts by time: odop-hub-2026-11-29T20-34-01Z.jsonl.gz */
export const backupName = (at = new Date()) =>
  `odop-hub-${at
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-")}.jsonl.gz`;

/**
 * The embedded database's daily backup: makes one into `dir` when the newest there is a day old (or there is none),
 * and keeps the newest seven. Run by the server's job every hour, so a restart does not skip a day.
 */
export async function dailyBackup(database: Database, dir: string): Promise<string | null> {
  const newest = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /^odop-hub-.*\.jsonl\.gz$/.test(f))
        .map((f) => fs.statSync(path.join(dir, f)).mtimeMs)
        .sort((a, b) => b - a)[0]
    : undefined;
  if (newest !== undefined && Date.now() - newest < 23 * 3600_000) return null;
  const file = path.join(dir, backupName());
  await backupDatabase(database, file);
  pruneBackups(dir, 7);
  return file;
}
