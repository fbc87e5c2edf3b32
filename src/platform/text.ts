/**
 * Normalises a place or product name for matching across sources that spell it differently:
 * case, accents, punctuation, "&" vs "and", and repeated spaces do not matter.
 */
export function normalizeName(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/&/g, " and ")
      // Letters, digits and combining marks: Devanagari vowel signs and viramas are marks, and part of the word.
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
      .trim()
      .replace(/\s+/g, " ")
  );
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

/** `base`, or the first of `base-2`, `base-3`, … that is not taken: how slugs and ids stay unique. */
export function firstFree(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}

/** A text to be matched literally inside a LIKE pattern: its backslashes, percent signs and underscores escaped. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
