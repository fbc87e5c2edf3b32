import type { Db } from "../../../platform/db";
import { liveRevision, productsOfDistricts } from "../../catalog";

/** Names of the ODOP products that some producers make, by product id: one query for all their districts. */
export async function productNames(
  db: Db,
  rows: { districtLgdCode: number; odopProductId: number | null }[],
): Promise<Map<number, string>> {
  const districts = [...new Set(rows.filter((r) => r.odopProductId).map((r) => r.districtLgdCode))];
  const revision = districts.length ? await liveRevision(db) : null;
  const products = revision ? await productsOfDistricts(db, revision.id, districts) : [];
  return new Map(products.map((p) => [p.id, p.name]));
}

/** What other modules add to a producer's public page (the app composes them; producers imports no later module). */
export type ProducerPageExtras = {
  /** Buyers' mean rating of its delivered orders, if any. */
  ratingOf?: (producerId: number) => Promise<{ n: number; mean: number | null }>;
};
