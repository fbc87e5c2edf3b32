/**
 * Normalises a place or product name for matching across sources that spell it differently:
 * case, accents, punctuation, "&" vs "and", and repeated spaces do not matter.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** A URL-safe ASCII slug; words in other scripts are dropped, so callers add a unique suffix. */
export function slugify(text: string): string {
  return normalizeName(text)
    .replace(/[^a-z0-9 ]/g, "")
    .trim()
    .replace(/ /g, "-")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/**
 * How alike two names are (Dice coefficient over letter pairs of the normalised names, 0 to 1).
 * Tells a respelling ("Visakhapatanam" / "Visakhapatnam": high) from a rename ("Karimganj" / "Sribhumi": low).
 */
export function nameSimilarity(a: string, b: string): number {
  const pairs = (s: string) => {
    const n = normalizeName(s).replace(/ /g, "");
    const out = new Map<string, number>();
    for (let i = 0; i < n.length - 1; i++) out.set(n.slice(i, i + 2), (out.get(n.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let shared = 0;
  let total = 0;
  for (const [k, v] of pa) shared += Math.min(v, pb.get(k) ?? 0);
  for (const v of pa.values()) total += v;
  for (const v of pb.values()) total += v;
  return total === 0 ? 0 : (2 * shared) / total;
}
