import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { normalizeName } from "../../../platform/text";
import { dataStamps } from "../tables";
import { type SearchFilters, type SearchResult, searchUncached } from "./search";

/**
 * Answers to searches, kept per database and keyed by the search stamp: any change to the search entries (a list
 * published, a listing published or withdrawn) bumps the stamp in the same transaction, and the next search that
 * reads the new stamp starts an empty cache. The stamp is read at most every `stampMaxAgeMs` (0: before every
 * search, as in tests; a server reads it every second, so a change reaches every instance's answers within one).
 */
type State = {
  stamp: number | null;
  checkedAt: number;
  reading: Promise<number> | null;
  answers: Map<string, SearchResult>;
};
const states = new WeakMap<object, State>();
const maxAnswers = 2000;
let stampMaxAgeMs = 0;

/** How old the stamp a cached answer is checked against may be (the server sets a second; tests leave 0). */
export function setSearchStampMaxAge(ms: number): void {
  stampMaxAgeMs = ms;
}

function stateOf(db: DbOrTx): State {
  let state = states.get(db);
  if (!state) {
    state = { stamp: null, checkedAt: 0, reading: null, answers: new Map() };
    states.set(db, state);
  }
  return state;
}

/** The search stamp now (read again when older than the maximum age): what pages of search answers are keyed by. */
export const searchStamp = (db: DbOrTx): Promise<number> => currentStamp(db, stateOf(db));

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

async function readStamp(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ v: dataStamps.version })
    .from(dataStamps)
    .where(eq(dataStamps.name, "search"));
  return row?.v ?? 0;
}

async function currentStamp(db: DbOrTx, state: State): Promise<number> {
  if (state.stamp !== null && Date.now() - state.checkedAt < stampMaxAgeMs) return state.stamp;
  // Searches arriving together share one read.
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

/**
 * Searches products, districts, States, GI goods and listings (see searchUncached), answering a search asked before
 * since the last change from memory.
 */
export async function search(
  db: DbOrTx,
  q: string,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): Promise<SearchResult> {
  const state = stateOf(db);
  const stamp = await currentStamp(db, state);
  const key = JSON.stringify([normalizeName(q), q.trim(), filters, page.limit, page.offset]);
  const kept = state.answers.get(key);
  if (kept) {
    // Most recently used last: the oldest is the first to go.
    state.answers.delete(key);
    state.answers.set(key, kept);
    return kept;
  }
  const answer = await searchUncached(db, q, filters, page);
  // A change committed while this search ran leaves the answer unkept: the next search reads the stamp again.
  if (state.stamp === stamp) {
    if (state.answers.size >= maxAnswers) state.answers.delete(state.answers.keys().next().value as string);
    state.answers.set(key, answer);
  }
  return answer;
}
