import type { DbOrTx } from "../../platform/db";
import { type ListingEntry, productById, sectorTaxonomy } from "../catalog";
import { getDistrict, getState } from "../geo";
import { byline } from "./byline";
import type { Listing } from "./queries";

/** How a listing is titled where only one language is asked for: its own words in that language, or the other's. */
export const listingTitle = (l: { titleEn: string | null; titleHi: string | null }, lang: "en" | "hi") =>
  (lang === "hi" ? (l.titleHi ?? l.titleEn) : (l.titleEn ?? l.titleHi)) ?? "";

/** A listing as the site search knows it: found by its titles, product, place, sector, HS heading and producer. */
export async function listingEntry(db: DbOrTx, l: Listing, producerName: string): Promise<ListingEntry> {
  const district = await getDistrict(db, l.districtLgdCode);
  const state = await getState(db, l.stateLgdCode);
  const product = l.odopProductId ? await productById(db, l.odopProductId) : null;
  const sector = sectorTaxonomy.find((s) => s.code === l.sectorCode);
  return {
    listingId: l.id,
    titleEn: listingTitle(l, "en"),
    titleHi: l.titleHi,
    contextEn: byline([
      producerName,
      product?.name ?? l.otherProduct,
      `${district?.nameEn ?? ""}, ${state?.nameEn ?? ""}`,
    ]),
    contextHi: byline([
      producerName,
      product?.name ?? l.otherProduct,
      `${district?.nameHi ?? district?.nameEn ?? ""}, ${state?.nameHi ?? state?.nameEn ?? ""}`,
    ]),
    stateLgdCode: l.stateLgdCode,
    districtLgdCode: l.districtLgdCode,
    sectorCode: l.sectorCode,
    hasGi: !!l.giAuthorisedUser,
    names: [
      l.titleEn,
      l.titleHi,
      product?.name,
      l.otherProduct,
      district?.nameEn,
      district?.nameHi,
      state?.nameEn,
      sector?.nameEn,
      sector?.nameHi,
      l.hsCode,
      producerName,
      l.descriptionEn?.slice(0, 300),
      l.descriptionHi?.slice(0, 300),
    ],
    isDemo: l.isDemo,
  };
}
