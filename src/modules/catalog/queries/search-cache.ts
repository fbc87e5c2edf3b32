import type { DbOrTx } from "../../../platform/db";
import { normalizeName } from "../../../platform/text";
import { type SearchFilters, type SearchResult, searchUncached } from "./search";
import { searchStamp, stateOf } from "./search-state";

/**
 * Answers to searches, kept per database while the search stamp is the same (search-state.ts): a change to the
 * search entries empties them.
 */
const maxAnswers = 2000;

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
  const stamp = await searchStamp(db);
  if (state.answersStamp !== stamp) {
    state.answers.clear();
    state.answersStamp = stamp;
  }
  const key = JSON.stringify([normalizeName(q), q.trim(), filters, page.limit, page.offset]);
  const kept = state.answers.get(key) as SearchResult | undefined;
  if (kept) {
    // Most recently used last: the oldest is the first to go.
    state.answers.delete(key);
    state.answers.set(key, kept);
    return kept;
  }
  const answer = await searchUncached(db, q, filters, page);
  // A change committed while this search ran leaves the answer unkept: the next search reads the stamp again.
  if (state.answersStamp === stamp) {
    if (state.answers.size >= maxAnswers) state.answers.delete(state.answers.keys().next().value as string);
    state.answers.set(key, answer);
  }
  return answer;
}
