import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { TrigramIndex } from "../../../platform/trigrams";
import { dataStamps, searchWords } from "../tables";

/**
 * What is kept in memory of a database's search entries, valid while their stamp is the same: any change to the
 * entries (a list published, a listing published or withdrawn) bumps `data_stamps('search')` in its transaction, and
 * the first reader of a new stamp starts afresh. The stamp is read at most every `stampMaxAgeMs` (0: before every
 * use, as in tests; a server reads it every second, so a change reaches every instance within one).
 */
type State = {
  stamp: number | null;
  checkedAt: number;
  reading: Promise<number> | null;
  /** Answers to searches (search-cache.ts). */
  answers: Map<string, unknown>;
  /** The dictionary, for correcting misspelt words, with the stamp it was read at. */
  dictionary: { stamp: number; index: Promise<TrigramIndex> } | null;
};
const states = new WeakMap<object, State>();
let stampMaxAgeMs = 0;

/** How old the stamp what is kept is checked against may be (the server sets a second; tests leave 0). */
export function setSearchStampMaxAge(ms: number): void {
  stampMaxAgeMs = ms;
}

export function stateOf(db: DbOrTx): State {
  let state = states.get(db);
  if (!state) {
    state = { stamp: null, checkedAt: 0, reading: null, answers: new Map(), dictionary: null };
    states.set(db, state);
  }
  return state;
}

async function readStamp(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ v: dataStamps.version })
    .from(dataStamps)
    .where(eq(dataStamps.name, "search"));
  return row?.v ?? 0;
}

/** The search stamp now, read again when older than the maximum age; a new one empties what was kept. */
export async function currentStamp(db: DbOrTx, state = stateOf(db)): Promise<number> {
  if (state.stamp !== null && Date.now() - state.checkedAt < stampMaxAgeMs) return state.stamp;
  // Readers arriving together share one read.
  state.reading ??= readStamp(db).finally(() => {
    state.reading = null;
  });
  const stamp = await state.reading;
  state.checkedAt = Date.now();
  if (stamp !== state.stamp) {
    state.answers.clear();
    state.stamp = stamp;
  }
  return stamp;
}

/** The search stamp now (read again when older than the maximum age): what pages of search answers are keyed by. */
export const searchStamp = (db: DbOrTx): Promise<number> => currentStamp(db);

/**
 * The search stamp as last read, without waiting (null before the first read); when it is older than the maximum
 * age, a read starts in the background. For answering cached pages before the app is entered.
 */
export function knownSearchStamp(db: DbOrTx): number | null {
  const state = stateOf(db);
  if (Date.now() - state.checkedAt >= stampMaxAgeMs && !state.reading)
    currentStamp(db, state).catch(() => undefined); // a failed read is retried by the next request
  return state.stamp;
}

/**
 * The search dictionary as a trigram index in memory, loaded once per stamp: kept for `db`, read through `via` (the
 * transaction a search runs in). Its stamp is read through `via` too, never through the shared read of
 * currentStamp: on the embedded database, one connection, a transaction waiting for a read outside it waits forever.
 */
export async function dictionaryOf(db: DbOrTx, via: DbOrTx = db): Promise<TrigramIndex> {
  const state = stateOf(db);
  const stamp = await readStamp(via);
  if (state.dictionary?.stamp !== stamp) {
    const index = via
      .select({ w: searchWords.word })
      .from(searchWords)
      .then((rows) => new TrigramIndex(rows.map((r) => r.w)));
    const kept = { stamp, index };
    state.dictionary = kept;
    index.catch(() => {
      if (state.dictionary === kept) state.dictionary = null;
    });
  }
  return (state.dictionary as { index: Promise<TrigramIndex> }).index;
}
