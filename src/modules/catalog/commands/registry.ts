import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import type { ImportReport } from "../../../platform/import-report";
import { firstFree, normalizeName, slugify } from "../../../platform/text";
import type { PlacedProduct } from "../odop-rows";
import { sectorTaxonomy } from "../sectors";
import {
  districtExports,
  giRegistrations,
  hsCodes,
  hsSections,
  importRuns,
  listRevisions,
  productGiLinks,
  products,
  sectors,
} from "../tables";

/** Postgres caps bind parameters per statement; big imports go in slices. */
async function insertInChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function upsertSectorTaxonomy(tx: DbOrTx): Promise<void> {
  await tx
    .insert(sectors)
    .values(sectorTaxonomy.map((s, i) => ({ ...s, sortOrder: i + 1 })))
    .onConflictDoUpdate({
      target: sectors.code,
      set: {
        nameEn: sql`excluded.name_en`,
        nameHi: sql`excluded.name_hi`,
        sortOrder: sql`excluded.sort_order`,
      },
    });
}

export type NewRevision = {
  id: string;
  titleEn: string;
  titleHi: string;
  source: string;
  sourceFile: string;
  fileSha256: string;
  publishedAt: string;
  effectiveAt: string;
  notes: string;
  live: boolean;
};

/** Writes a list revision with all its products and GI links; if it goes live, the previous live one stops. */
export async function insertRevision(tx: DbOrTx, rev: NewRevision, placed: PlacedProduct[]): Promise<void> {
  if (rev.live) await tx.update(listRevisions).set({ isLive: false }).where(eq(listRevisions.isLive, true));
  const { live, ...columns } = rev;
  await tx.insert(listRevisions).values({ ...columns, isLive: live });
  const slugs = new Set<string>();
  const rows = placed.map((p) => {
    const base = slugify(`${p.name} ${p.districtAsPublished}`) || `product-${p.line}`;
    const slug = firstFree(base, slugs);
    slugs.add(slug);
    const { gi: _gi, line, ...fields } = p;
    return {
      ...fields,
      revisionId: rev.id,
      slug,
      nameNorm: normalizeName(p.name),
      sourceFile: rev.sourceFile,
      sourceRow: line,
    };
  });
  const ids: number[] = [];
  await insertInChunks(rows, 500, async (chunk) => {
    const got = await tx.insert(products).values(chunk).returning({ id: products.id });
    ids.push(...got.map((g) => g.id));
  });
  const links = placed.flatMap((p, i) =>
    p.gi.map((g) => ({ productId: ids[i] as number, giId: g.giId, status: g.status, basis: g.basis })),
  );
  await insertInChunks(links, 1000, (chunk) => tx.insert(productGiLinks).values(chunk));
}

export async function insertGiRegistrations(tx: DbOrTx, rows: (typeof giRegistrations.$inferInsert)[]) {
  await insertInChunks(rows, 500, (chunk) => tx.insert(giRegistrations).values(chunk));
}

export async function insertHs(
  tx: DbOrTx,
  sections: (typeof hsSections.$inferInsert)[],
  codes: (typeof hsCodes.$inferInsert)[],
) {
  await tx.insert(hsSections).values(sections);
  await insertInChunks(codes, 1000, (chunk) => tx.insert(hsCodes).values(chunk));
}

export async function insertExports(tx: DbOrTx, rows: (typeof districtExports.$inferInsert)[]) {
  await insertInChunks(rows, 1000, (chunk) => tx.insert(districtExports).values(chunk));
}

export async function recordImportRun(tx: DbOrTx, report: ImportReport, startedAt: Date): Promise<void> {
  await tx.insert(importRuns).values({
    kind: report.kind,
    files: report.files,
    startedAt,
    finishedAt: new Date(),
    report,
  });
}
