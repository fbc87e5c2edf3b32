import type { DbOrTx } from "../../platform/db";
import * as catalog from "../catalog";
import * as geo from "../geo";

export type NationalStats = {
  states: number;
  districts: number;
  products: number;
  districtsWithProducts: number;
  giRegistrations: number;
  revision: { id: string; title: string; titleHi: string; publishedAt: string } | null;
};

/** The national figures, counted from the database on every call: nothing here is hard-coded. */
export async function nationalStats(db: DbOrTx): Promise<NationalStats> {
  const rev = await catalog.liveRevision(db);
  const [places, counts] = await Promise.all([
    geo.countPlaces(db),
    catalog.catalogCounts(db, rev?.id ?? null),
  ]);
  return {
    states: places.states,
    districts: places.districts,
    products: counts.products,
    districtsWithProducts: counts.districtsWithProducts,
    giRegistrations: counts.giRegistrations,
    revision: rev
      ? { id: rev.id, title: rev.titleEn, titleHi: rev.titleHi, publishedAt: rev.publishedAt }
      : null,
  };
}
