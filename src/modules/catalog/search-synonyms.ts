import { normalizeName } from "../../platform/text";

/**
 * Names of the same craft or good that people write in different ways. An entry whose names contain one of them is
 * also found by the others (and by typos of the others): "chikenkari" finds Lucknow's chikan craft through
 * "chikankari". Reviewable here; add a group when the data or users show another.
 */
export const synonymGroups: readonly string[][] = [
  ["chikan", "chikankari"],
  ["zari", "zardozi", "zardosi"],
  ["dokra", "dhokra"],
  ["ikat", "ikkat"],
  ["pattachitra", "patachitra", "patta chitra"],
  ["bidri", "bidriware", "bidari"],
  ["agarbatti", "agarbathi", "incense"],
  ["durrie", "durries", "dhurrie", "dari"],
  ["chilli", "chillies", "chilly", "mirchi", "mircha"],
  ["handloom", "handlooms"],
  ["saree", "sarees", "sari"],
  ["jewellery", "jewelry"],
];

const byWord = new Map<string, string[]>();
for (const group of synonymGroups)
  for (const w of group) byWord.set(normalizeName(w), group.map(normalizeName));

/** The words of `terms` together with the other names of any word that has some. */
export function withSynonyms(terms: string): string {
  const words = terms.split(" ");
  const extra = words.flatMap((w) => (byWord.get(w) ?? []).filter((s) => s !== w));
  return extra.length ? [...new Set([...words, ...extra])].join(" ") : terms;
}
