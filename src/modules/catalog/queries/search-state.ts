import type { DbOrTx } from "../../../platform/db";
import { TrigramIndex } from "../../../platform/trigrams";
import { searchWords } from "../tables";
import { currentStamp, knownStamp, readStamp } from "./data-stamps";

/**
 * What is kept in memory of a database's search entries, valid while the search stamp (data-stamps.ts) is the same:
 * any change to the entries (a list published, a listing published or withdrawn) bumps it in its transaction.
 */
type State = {
  /** Answers to searches (search-cache.ts), and the stamp they were given under. */
  answers: Map<string, unknown>;
  answersStamp: number | null;
  /** The dictionary, for correcting misspelt words, with the stamp it was read at. */
  dictionary: { stamp: number; index: Promise<TrigramIndex> } | null;
};
const states = new WeakMap<object, State>();

export function stateOf(db: DbOrTx): State {
  let state = states.get(db);
  if (!state) {
    state = { answers: new Map(), answersStamp: null, dictionary: null };
    states.set(db, state);
  }
  return state;
}

/** The search stamp now (read again when older than the maximum age): what pages of search answers are keyed by. */
export const searchStamp = (db: DbOrTx): Promise<number> => currentStamp(db, "search");

/** The search stamp as last read, without waiting (see knownStamp). */
export const knownSearchStamp = (db: DbOrTx): number | null => knownStamp(db, "search");

/**
 * The search dictionary as a trigram index in memory, loaded once per stamp: kept for `db`, read through `via` (the
 * transaction a search runs in). Its stamp is read through `via` too, never through the shared read of
 * currentStamp: on the embedded database, one connection, a transaction waiting for a read outside it waits forever.
 */
export async function dictionaryOf(db: DbOrTx, via: DbOrTx = db): Promise<TrigramIndex> {
  const state = stateOf(db);
  const stamp = await readStamp(via, "search");
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
