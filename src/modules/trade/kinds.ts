/** The units a listing is sold by: minimum order, capacity and price are all counted in it. */
export const listingUnits = [
  "piece",
  "pair",
  "set",
  "dozen",
  "kg",
  "tonne",
  "litre",
  "metre",
  "sq_metre",
] as const;
export type ListingUnit = (typeof listingUnits)[number];

/** Certifications a buyer filters by; a GI authorised user number and other certificates are written out. */
export const certifications = ["gi", "organic", "bis"] as const;
export type Certification = (typeof certifications)[number];

/** The sizes a listing's photo is kept in, by width: cards, the listing page on a phone, and large screens. */
export const photoWidths = { thumb: 320, medium: 800, large: 1600 } as const;
export type PhotoSize = keyof typeof photoWidths;
export const maxPhotos = 8;

/** A producer's way onto the Government e-Marketplace: not started, applied, registered (with its seller id), listed in the ODOP storefront. */
export const gemStatuses = ["not_started", "applied", "registered", "listed"] as const;
export type GemStatus = (typeof gemStatuses)[number];
