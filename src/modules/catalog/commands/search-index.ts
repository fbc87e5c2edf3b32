import { eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { normalizeName } from "../../../platform/text";
import * as geo from "../../geo";
import { sectorTaxonomy } from "../sectors";
import { giRegistrations, productGiLinks, products, searchEntries, searchWords } from "../tables";
import { productWords, termsOf } from "../vocabulary";
import { bumpSearchStamp } from "./search-stamp";

type Entry = typeof searchEntries.$inferInsert;

/**
 * The version of what an entry is made of: raise it when rebuildSearchIndex changes, so that a database indexed by
 * an earlier version is indexed again on the next start (with the vocabulary's digest, seed.ts).
 */
export const searchIndexVersion = 2;

/** The whole names an entry goes by, normalised, between "|" (an exact one outranks a fuzzy match). */
const namesOf = (...names: (string | null | undefined)[]) =>
  [...new Set(names.filter((n): n is string => !!n).map(normalizeName))].join("|");

/**
 * Rebuilds the search entries of the real registry for the live revision (generated rows are left alone).
 * Runs in the caller's transaction, after a seed or when a new revision goes live.
 */
export async function rebuildSearchIndex(tx: DbOrTx, revisionId: string): Promise<number> {
  const states = await geo.listStates(tx);
  const districts = await geo.listDistricts(tx);
  const aliases = await geo.aliasesByDistrict(tx);
  const stateAliases = await geo.aliasesByState(tx);
  const stateOf = new Map(states.map((s) => [s.lgdCode, s]));
  const districtOf = new Map(districts.map((d) => [d.lgdCode, d]));
  const sectorOf = new Map<string, (typeof sectorTaxonomy)[number]>(sectorTaxonomy.map((s) => [s.code, s]));

  const gi = await tx.select().from(giRegistrations);
  const giName = new Map(gi.map((g) => [g.id, g.name]));
  const links = await tx
    .select({ productId: productGiLinks.productId, giId: productGiLinks.giId, status: productGiLinks.status })
    .from(productGiLinks)
    .innerJoin(products, eq(products.id, productGiLinks.productId))
    .where(eq(products.revisionId, revisionId));
  const giOfProduct = new Map<number, string[]>();
  for (const l of links)
    if (l.status === "suggested" || l.status === "confirmed")
      giOfProduct.set(l.productId, [...(giOfProduct.get(l.productId) ?? []), giName.get(l.giId) ?? ""]);
  const live = await tx.select().from(products).where(eq(products.revisionId, revisionId));

  const entries: Entry[] = [
    ...states.map(
      (s): Entry => ({
        kind: "state",
        ref: String(s.lgdCode),
        titleEn: s.nameEn,
        titleHi: s.nameHi,
        contextEn: s.kind === "state" ? "State" : "Union Territory",
        contextHi: s.kind === "state" ? "राज्य" : "केंद्र शासित प्रदेश",
        stateLgdCode: s.lgdCode,
        terms: termsOf(s.nameEn, s.nameHi, ...(stateAliases.get(s.lgdCode) ?? [])),
        names: namesOf(s.nameEn, s.nameHi, ...(stateAliases.get(s.lgdCode) ?? [])),
      }),
    ),
    ...districts.map((d): Entry => {
      const s = stateOf.get(d.stateLgdCode);
      return {
        kind: "district",
        ref: String(d.lgdCode),
        titleEn: d.nameEn,
        titleHi: d.nameHi,
        contextEn: s?.nameEn ?? "",
        contextHi: s?.nameHi ?? s?.nameEn ?? null,
        stateLgdCode: d.stateLgdCode,
        terms: termsOf(d.nameEn, d.nameHi, ...(aliases.get(d.lgdCode) ?? [])),
        names: namesOf(d.nameEn, d.nameHi, ...(aliases.get(d.lgdCode) ?? [])),
      };
    }),
    ...live.map((p): Entry => {
      const d = districtOf.get(p.districtLgdCode);
      const s = stateOf.get(p.stateLgdCode);
      const sector = p.sectorCode ? sectorOf.get(p.sectorCode) : undefined;
      const gis = giOfProduct.get(p.id) ?? [];
      return {
        kind: "product",
        ref: p.slug,
        titleEn: p.name,
        titleHi: p.nameHi,
        contextEn: `${d?.nameEn ?? p.districtAsPublished}, ${s?.nameEn ?? p.stateAsPublished}`,
        contextHi: `${d?.nameHi ?? d?.nameEn ?? p.districtAsPublished}, ${s?.nameHi ?? s?.nameEn ?? ""}`,
        stateLgdCode: p.stateLgdCode,
        sectorCode: p.sectorCode,
        hasGi: gis.length > 0,
        names: namesOf(p.name, p.nameHi, ...gis),
        terms: termsOf(
          p.name,
          p.nameHi,
          ...productWords(p.districtLgdCode, p.name),
          ...gis,
          d?.nameEn,
          d?.nameHi,
          ...(aliases.get(p.districtLgdCode) ?? []),
          s?.nameEn,
          s?.nameHi,
          sector?.nameEn,
          sector?.nameHi,
        ),
      };
    }),
    ...gi.map(
      (g): Entry => ({
        kind: "gi",
        ref: String(g.id),
        titleEn: g.name,
        contextEn: `GI ${g.listSerialNo} · ${g.goodsCategory} · ${g.states.join(", ")}`,
        contextHi: `जीआई ${g.listSerialNo} · ${g.goodsCategory} · ${g.states.join(", ")}`,
        hasGi: true,
        terms: termsOf(g.name, ...g.states),
        names: namesOf(g.name),
      }),
    ),
  ];
  await tx.delete(searchEntries).where(ne(searchEntries.kind, "listing"));
  for (let i = 0; i < entries.length; i += 500)
    await tx.insert(searchEntries).values(entries.slice(i, i + 500));
  await refreshSearchWords(tx);
  await bumpSearchStamp(tx);
  return entries.length;
}

/** The dictionary of words that misspelt query words are corrected against (numbers left out). */
export async function refreshSearchWords(tx: DbOrTx): Promise<void> {
  await tx.delete(searchWords);
  await tx.execute(sql`
    insert into ${searchWords} (word)
    select distinct w from ${searchEntries}, regexp_split_to_table(${searchEntries.terms}, ' ') as w
    where length(w) > 1 and w !~ '^[0-9]+$'
    on conflict do nothing`);
}
