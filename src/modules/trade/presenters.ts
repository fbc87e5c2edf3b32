import type { PhotoSize } from "./kinds";
import type { Listing } from "./queries";

/** Where a published listing's photo is served (public, cached for a year: a photo's bytes never change). */
export const publicPhotoUrl = (photoId: number, size: PhotoSize) => `/bazaar/photos/${photoId}/${size}.webp`;
/** Where its owner and officers see any listing's photo (drafts', hidden ones'): never cached. */
export const ownPhotoUrl = (listingId: number, photoId: number, size: PhotoSize) =>
  `/listings/${listingId}/photos/${photoId}/${size}.webp`;

/** A listing as open data and the API give it: its terms and place, never its producer's contact. */
export const listingOut = (l: Listing) => ({
  id: l.id,
  producerId: l.producerId,
  stateLgdCode: l.stateLgdCode,
  districtLgdCode: l.districtLgdCode,
  odopProductId: l.odopProductId,
  otherProduct: l.otherProduct,
  sectorCode: l.sectorCode,
  hsCode: l.hsCode,
  titleEn: l.titleEn,
  titleHi: l.titleHi,
  unit: l.unit,
  minOrder: l.minOrder,
  monthlyCapacity: l.monthlyCapacity,
  leadTimeDays: l.leadTimeDays,
  priceMinInr: l.priceMinInr,
  priceMaxInr: l.priceMaxInr,
  fobUsd: l.fobUsd,
  giAuthorisedUser: l.giAuthorisedUser,
  organic: l.organic,
  bis: l.bis,
  samplesAvailable: l.samplesAvailable,
  publishedAt: l.publishedAt?.toISOString() ?? null,
  page: `/bazaar/listings/${l.id}`,
});
