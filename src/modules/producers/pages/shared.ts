import type { Db } from "../../../platform/db";
import { districtProducts } from "../commands";

/** Names of the ODOP products that some producers make, by product id. */
export async function productNames(
  db: Db,
  rows: { districtLgdCode: number; odopProductId: number | null }[],
): Promise<Map<number, string>> {
  const districts = [...new Set(rows.filter((r) => r.odopProductId).map((r) => r.districtLgdCode))];
  const lists = await Promise.all(districts.map((d) => districtProducts(db, d)));
  return new Map(lists.flat().map((p) => [p.id, p.name]));
}
