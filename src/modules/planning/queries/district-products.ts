import type { DbOrTx } from "../../../platform/db";
import { hsHeadingsOfProduct, liveRevision, productsOfDistricts } from "../../catalog";

/** The district's ODOP products in the live list, each with its HS headings: what a plan picks its products from. */
export async function districtProducts(db: DbOrTx, districtLgdCode: number) {
  const rev = await liveRevision(db);
  if (!rev) return [];
  const own = await productsOfDistricts(db, rev.id, [districtLgdCode]);
  return Promise.all(
    own.map(async (p) => ({
      slug: p.slug,
      name: p.name,
      hs: (await hsHeadingsOfProduct(db, p.id)).map((h) => h.code),
    })),
  );
}
