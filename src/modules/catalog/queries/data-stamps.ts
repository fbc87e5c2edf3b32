import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { dataStamps } from "../tables";

/**
 * Data stamps: `data_stamps(name)` is bumped in the transaction of every change to what it stamps — 'search' by the
 * commands that rewrite search entries, 'registry' by triggers on the registry's tables (migration 0017) — so what is
 * kept under a stamp is valid while the stamp is the same. A server reads each stamp at most every `maxAgeMs` (a
 * second: a change reaches every instance within one); tests leave 0, a read before every use.
 */
export type StampName = "search" | "registry";

type Reader = { stamp: number | null; checkedAt: number; reading: Promise<number> | null };
const readers = new WeakMap<object, Map<StampName, Reader>>();
let maxAgeMs = 0;

/** How old a stamp that kept answers are checked against may be (the server sets a second; tests leave 0). */
export function setStampMaxAge(ms: number): void {
  maxAgeMs = ms;
}

/** The stamp as the database has it now, read through `db` (a transaction reads its own). */
export async function readStamp(db: DbOrTx, name: StampName): Promise<number> {
  const [row] = await db.select({ v: dataStamps.version }).from(dataStamps).where(eq(dataStamps.name, name));
  return row?.v ?? 0;
}

function readerOf(db: DbOrTx, name: StampName): Reader {
  let byName = readers.get(db);
  if (!byName) {
    byName = new Map();
    readers.set(db, byName);
  }
  let reader = byName.get(name);
  if (!reader) {
    reader = { stamp: null, checkedAt: 0, reading: null };
    byName.set(name, reader);
  }
  return reader;
}

/** The stamp now, read again when older than the maximum age; readers arriving together share one read. */
export async function currentStamp(db: DbOrTx, name: StampName): Promise<number> {
  const reader = readerOf(db, name);
  if (reader.stamp !== null && Date.now() - reader.checkedAt < maxAgeMs) return reader.stamp;
  reader.reading ??= readStamp(db, name).finally(() => {
    reader.reading = null;
  });
  const stamp = await reader.reading;
  reader.checkedAt = Date.now();
  reader.stamp = stamp;
  return stamp;
}

/**
 * The stamp as last read, without waiting (null before the first read); when it is older than the maximum age, a
 * read starts in the background. For answering kept pages before the app is entered.
 */
export function knownStamp(db: DbOrTx, name: StampName): number | null {
  const reader = readerOf(db, name);
  if (Date.now() - reader.checkedAt >= maxAgeMs && !reader.reading)
    currentStamp(db, name).catch(() => undefined); // a failed read is retried by the next request
  return reader.stamp;
}
