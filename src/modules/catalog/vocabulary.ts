import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { normalizeName } from "../../platform/text";

/**
 * The words people use that the registry's names lack, kept as reviewed data with a source per row in
 * `vocabulary/`: spelling variants and synonyms of craft words, a Hindi–English glossary of the words product names
 * are made of, and the words known for one product ("brass" for Moradabad Metal Craft).
 */
const folder = path.join(import.meta.dirname, "vocabulary");
export const vocabularyFiles = ["synonyms.csv", "hindi-glossary.csv", "product-words.csv"].map((f) =>
  path.join(folder, f),
);

function rowsOf(file: string, columns: string[]): Record<string, string>[] {
  const rows = parse(fs.readFileSync(path.join(folder, file), "utf8"), { columns: true }) as Record<
    string,
    string
  >[];
  rows.forEach((r, i) => {
    for (const c of columns)
      if (!r[c]?.trim()) throw new Error(`${file} line ${i + 2}: ${c} is empty (every row needs it)`);
  });
  return rows;
}
const alternatives = (cell: string) => cell.split("|").map(normalizeName).filter(Boolean);

const synonymGroupOf = new Map<string, string[]>();
for (const r of rowsOf("synonyms.csv", ["words", "source"])) {
  // A group may hold a phrase ("zari zardozi"): each of its words stands for the group.
  const group = [...new Set(alternatives(r.words ?? "").flatMap((w) => w.split(" ")))];
  for (const w of group) synonymGroupOf.set(w, [...new Set([...(synonymGroupOf.get(w) ?? []), ...group])]);
}

/** Whether two words are names of one thing in the synonym list (an entry with one has the other in its terms). */
export const synonymous = (a: string, b: string) => synonymGroupOf.get(a)?.includes(b) ?? false;

/** The other names of a word in the synonym list (none for most words). */
export const synonymsOf = (word: string): string[] =>
  (synonymGroupOf.get(word) ?? []).filter((w) => w !== word);

/** The words of `terms` together with the other names of any word that has some. */
export function withSynonyms(terms: string): string {
  const words = terms.split(" ");
  const extra = words.flatMap(synonymsOf);
  return extra.length ? [...new Set([...words, ...extra])].join(" ") : terms;
}

/** All the names, normalised and de-duplicated, that a search should find an entry by, with their synonyms. */
export const termsOf = (...names: (string | null | undefined)[]) =>
  withSynonyms([...new Set(names.filter((n): n is string => !!n).map(normalizeName))].join(" "));

const glossary = new Map<string, string[]>();
for (const r of rowsOf("hindi-glossary.csv", ["hindi", "english", "source"]))
  for (const hi of alternatives(r.hindi ?? ""))
    glossary.set(hi, [...new Set([...(glossary.get(hi) ?? []), ...alternatives(r.english ?? "")])]);

/** The English words a Hindi word of the glossary stands for (normalised), or none. */
export const englishFor = (hindiWord: string): string[] => glossary.get(normalizeName(hindiWord)) ?? [];

const wordsOfProduct = new Map<string, string[]>();
for (const r of rowsOf("product-words.csv", ["district_lgd_code", "product", "words", "source"]))
  wordsOfProduct.set(
    `${Number(r.district_lgd_code)}|${normalizeName(r.product ?? "")}`,
    alternatives(r.words ?? ""),
  );

/** Words people search one product by that its name and GI names lack. */
export const productWords = (districtLgdCode: number, name: string): string[] =>
  wordsOfProduct.get(`${districtLgdCode}|${normalizeName(name)}`) ?? [];
