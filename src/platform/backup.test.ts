import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/support/database";
import { person } from "../../test/support/people";
import { backupDatabase, pruneBackups, RestoreRefusedError, restoreDatabase } from "./backup";
import type { Db } from "./db";

/** Every public table with a checksum of all its rows: two databases with the same digest hold the same data. */
async function digest(db: Db): Promise<Record<string, string>> {
  const tables = (
    (await db.execute(
      sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )) as unknown as { rows: { t: string }[] }
  ).rows.map((r) => r.t);
  const out: Record<string, string> = {};
  for (const t of tables) {
    const r = (await db.execute(
      sql`select count(*)::int || ':' || md5(coalesce(string_agg(x, '|' order by x), '')) as d from (select to_jsonb(t)::text as x from ${sql.identifier(t)} t) s`,
    )) as unknown as { rows: { d: string }[] };
    out[t] = r.rows[0]?.d as string;
  }
  return out;
}

describe("backup and restore", () => {
  let source: TestDatabase;
  let target: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-backup-"));
  const file = path.join(dir, "whole.jsonl.gz");
  beforeAll(async () => {
    source = await freshDatabase({ seeded: true });
    target = await freshDatabase({ seeded: false });
    await person(source.db, "national_admin"); // users, tokens, sessions, grants, audit rows, outbox
  });
  afterAll(async () => {
    await source.dispose();
    await target.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("brings every row of every table back into an empty database, and new rows follow on", async () => {
    const written = await backupDatabase(source, file);
    expect(written.rows).toBeGreaterThan(18_000);
    const before = await digest(source.db);
    const restored = await restoreDatabase(target, file);
    expect(restored).toEqual(written);
    expect(await digest(target.db)).toEqual(before);
    // The id sequences moved past the restored rows: a new account takes the next id, not a restored one's.
    const maxId = (await target.db.execute(sql`select max(id)::int as m from users`)) as unknown as {
      rows: { m: number }[];
    };
    const next = await person(target.db);
    expect(next.userId).toBeGreaterThan(maxId.rows[0]?.m as number);
  });

  it("refuses a database that holds rows, and a cut-off file, changing nothing", async () => {
    await backupDatabase(source, file);
    await expect(restoreDatabase(source, file)).rejects.toBeInstanceOf(RestoreRefusedError);
    const empty = await freshDatabase({ seeded: false });
    try {
      const whole = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n");
      const cut = path.join(dir, "cut.jsonl.gz");
      fs.writeFileSync(cut, zlib.gzipSync(whole.slice(0, Math.floor(whole.length / 2)).join("\n")));
      await expect(restoreDatabase(empty, cut)).rejects.toThrow(/cut off/);
      const users = (await empty.db.execute(sql`select count(*)::int as n from users`)) as unknown as {
        rows: { n: number }[];
      };
      expect(users.rows[0]?.n).toBe(0);
      const notOurs = path.join(dir, "other.jsonl.gz");
      fs.writeFileSync(notOurs, zlib.gzipSync('{"hello":"world"}\n'));
      await expect(restoreDatabase(empty, notOurs)).rejects.toThrow(/not an ODOP Hub backup/);
    } finally {
      await empty.dispose();
    }
  });

  it("keeps the newest backups only", () => {
    const keep = path.join(dir, "kept");
    fs.mkdirSync(keep);
    for (const day of ["01", "02", "03", "04"])
      fs.writeFileSync(path.join(keep, `odop-hub-2026-11-${day}T00-00-00Z.jsonl.gz`), "");
    pruneBackups(keep, 2);
    expect(fs.readdirSync(keep).sort()).toEqual([
      "odop-hub-2026-11-03T00-00-00Z.jsonl.gz",
      "odop-hub-2026-11-04T00-00-00Z.jsonl.gz",
    ]);
  });
});
