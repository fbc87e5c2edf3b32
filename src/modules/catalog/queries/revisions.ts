import { and, asc, desc, eq, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { listRevisions, productHsHeadings, products } from "../tables";
import type { RevisionView } from "./registry";

/** The draft revision being prepared, if any (there is at most one). */
export async function draftRevision(db: DbOrTx): Promise<RevisionView | null> {
  const [r] = await db.select().from(listRevisions).where(eq(listRevisions.status, "draft"));
  return r ?? null;
}

/** A revision whatever its status: for the checks that an id is free. */
export async function anyRevisionById(db: DbOrTx, id: string): Promise<RevisionView | null> {
  const [r] = await db.select().from(listRevisions).where(eq(listRevisions.id, id));
  return r ?? null;
}

/** The published revision that came before this one (by effective date, then publication), or null for the first. */
export async function previousRevision(db: DbOrTx, rev: RevisionView): Promise<RevisionView | null> {
  const [r] = await db
    .select()
    .from(listRevisions)
    .where(
      and(
        eq(listRevisions.status, "published"),
        or(
          lt(listRevisions.effectiveAt, rev.effectiveAt),
          and(eq(listRevisions.effectiveAt, rev.effectiveAt), lt(listRevisions.importedAt, rev.importedAt)),
        ),
      ),
    )
    .orderBy(desc(listRevisions.effectiveAt), desc(listRevisions.importedAt))
    .limit(1);
  return r ?? null;
}

/** A product as a diff compares it. */
export type DiffProduct = {
  slug: string;
  stateLgdCode: number;
  districtLgdCode: number;
  name: string;
  nameNorm: string;
  nameHi: string | null;
  sectorCode: string | null;
  rank: string;
  hsHeadings: string[];
};

async function diffRows(db: DbOrTx, revisionId: string): Promise<DiffProduct[]> {
  return db
    .select({
      slug: products.slug,
      stateLgdCode: products.stateLgdCode,
      districtLgdCode: products.districtLgdCode,
      name: products.name,
      nameNorm: products.nameNorm,
      nameHi: products.nameHi,
      sectorCode: products.sectorCode,
      rank: products.rank,
      hsHeadings: sql<
        string[]
      >`coalesce(array_agg(${productHsHeadings.hsCode} order by ${productHsHeadings.hsCode}) filter (where ${productHsHeadings.hsCode} is not null), '{}')`,
    })
    .from(products)
    .leftJoin(productHsHeadings, eq(productHsHeadings.productId, products.id))
    .where(eq(products.revisionId, revisionId))
    .groupBy(products.id)
    .orderBy(asc(products.stateLgdCode), asc(products.districtLgdCode), asc(products.name));
}

export type ChangedField = "name" | "nameHi" | "sectorCode" | "rank" | "hsHeadings";
export type RevisionDiff = {
  added: DiffProduct[];
  removed: DiffProduct[];
  changed: { before: DiffProduct; after: DiffProduct; fields: ChangedField[] }[];
  unchanged: number;
};

/**
 * What a revision changes against another: products added, removed and changed (name, sector, rank, HS headings),
 * in State and district order. A product is the same product when its district and slug are (a renamed product keeps
 * its slug through a proposal), or else its district and normalised name (a list uploaded whole gets new slugs).
 */
export async function diffRevisions(db: DbOrTx, fromId: string | null, toId: string): Promise<RevisionDiff> {
  const [before, after] = await Promise.all([fromId ? diffRows(db, fromId) : [], diffRows(db, toId)]);
  return diffProducts(before, after);
}

/** The diff of two product lists (pure, so that the benchmark and tests can time and check it on its own). */
export function diffProducts(before: DiffProduct[], after: DiffProduct[]): RevisionDiff {
  const bySlug = new Map(before.map((p) => [`${p.districtLgdCode}|${p.slug}`, p]));
  const byName = new Map(before.map((p) => [`${p.districtLgdCode}|${p.nameNorm}`, p]));
  const matched = new Set<DiffProduct>();
  const out: RevisionDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const p of after) {
    const slugKey = `${p.districtLgdCode}|${p.slug}`;
    const nameKey = `${p.districtLgdCode}|${p.nameNorm}`;
    const candidate = bySlug.get(slugKey);
    const old = candidate && !matched.has(candidate) ? candidate : byName.get(nameKey);
    if (!old || matched.has(old)) {
      out.added.push(p);
      continue;
    }
    matched.add(old);
    const fields: ChangedField[] = [];
    if (old.name !== p.name) fields.push("name");
    if (old.nameHi !== p.nameHi) fields.push("nameHi");
    if (old.sectorCode !== p.sectorCode) fields.push("sectorCode");
    if (old.rank !== p.rank) fields.push("rank");
    if (old.hsHeadings.join(",") !== p.hsHeadings.join(",")) fields.push("hsHeadings");
    if (fields.length) out.changed.push({ before: old, after: p, fields });
    else out.unchanged++;
  }
  out.removed = before.filter((p) => !matched.has(p));
  return out;
}

/**
 * The first published revision of an unbroken run, up to the live one, that lists a product of this district and
 * slug (or name): "listed since". Null when the product is not in the live revision.
 */
export async function listedSince(db: DbOrTx, districtLgdCode: number, slug: string, nameNorm: string) {
  const rows = await db
    .select({
      id: listRevisions.id,
      titleEn: listRevisions.titleEn,
      titleHi: listRevisions.titleHi,
      effectiveAt: listRevisions.effectiveAt,
      isLive: listRevisions.isLive,
      has: sql<boolean>`exists (select 1 from products p where p.revision_id = list_revisions.id
        and p.district_lgd_code = ${districtLgdCode} and (p.slug = ${slug} or p.name_norm = ${nameNorm}))`,
    })
    .from(listRevisions)
    .where(eq(listRevisions.status, "published"))
    .orderBy(desc(listRevisions.effectiveAt), desc(listRevisions.importedAt));
  const live = rows.findIndex((r) => r.isLive);
  if (live < 0 || !rows[live]?.has) return null;
  let first = live;
  while (rows[first + 1]?.has) first++;
  return rows[first] ?? null;
}

/** How many products each revision lists, in one query (for the list of revisions). */
export async function productCountsByRevision(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: products.revisionId, n: sql<number>`count(*)::int` })
    .from(products)
    .groupBy(products.revisionId);
  return new Map(rows.map((r) => [r.id, r.n]));
}
