/**
 * Trigram similarity as PostgreSQL's pg_trgm computes it for one word — the word padded with two spaces before and
 * one after, each run of three letters counted once, similarity = shared / (all of both) — over a dictionary held
 * in memory. The same answers as `word % w order by similarity(word, w) desc` over the search dictionary, without
 * the 13 ms that query costs on the embedded database (a few thousand words, each compared in WebAssembly).
 */
export function trigramsOf(word: string): Set<string> {
  const chars = [..."  ", ...word, " "];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(""));
  return out;
}

export class TrigramIndex {
  private readonly words: string[];
  private readonly sizes: number[];
  private readonly postings = new Map<string, number[]>();

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)].sort();
    this.sizes = this.words.map((w, id) => {
      const grams = trigramsOf(w);
      for (const g of grams) {
        const list = this.postings.get(g);
        if (list) list.push(id);
        else this.postings.set(g, [id]);
      }
      return grams.size;
    });
  }

  get size(): number {
    return this.words.length;
  }

  /** The words most like `word` (at least `threshold` alike, pg_trgm's default 0.3), best first, ties by the word. */
  similar(word: string, limit = 3, threshold = 0.3): string[] {
    const grams = trigramsOf(word);
    const shared = new Map<number, number>();
    for (const g of grams)
      for (const id of this.postings.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const found: { id: number; score: number }[] = [];
    for (const [id, n] of shared) {
      const score = n / (grams.size + (this.sizes[id] as number) - n);
      if (score >= threshold) found.push({ id, score });
    }
    // Ids follow the sorted words, so the lower id is the word that sorts first.
    found.sort((a, b) => b.score - a.score || a.id - b.id);
    return found.slice(0, limit).map((f) => this.words[f.id] as string);
  }
}
