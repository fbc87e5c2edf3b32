import { z } from "zod";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { intId, lgdCode } from "../../platform/ids";
import type { ApiRegistry } from "../../web/api/registry";
import { listingUnits } from "./kinds";
import { publicPhotoUrl } from "./pages/shared";
import { listingOut } from "./presenters";
import { openListing, openListings } from "./queries";

const listingItem = z.object({
  id: z.number().int(),
  producerId: z.number().int().describe("Its producer (/producers)"),
  stateLgdCode: z.number().int(),
  districtLgdCode: z.number().int(),
  odopProductId: z.number().int().nullable().describe("The ODOP product it offers (id in /products), if any"),
  otherProduct: z.string().nullable(),
  sectorCode: z.string().nullable(),
  hsCode: z.string().nullable().describe("HS 2022 heading (4 digits)"),
  titleEn: z.string().nullable(),
  titleHi: z.string().nullable(),
  unit: z.enum(listingUnits),
  minOrder: z.number(),
  monthlyCapacity: z.number(),
  leadTimeDays: z.number().int(),
  priceMinInr: z.number().describe("₹ per unit"),
  priceMaxInr: z.number().describe("₹ per unit"),
  fobUsd: z.number().nullable().describe("US$ per unit, FOB"),
  giAuthorisedUser: z.string().nullable().describe("GI authorised user number, as the producer gives it"),
  organic: z.boolean(),
  bis: z.boolean(),
  samplesAvailable: z.boolean(),
  publishedAt: z.string().nullable(),
  page: z.string(),
});

/** The bazaar's published listings as open data: real ones only, no producer's contact. */
export function registerTradeApi(api: ApiRegistry, db: Db): void {
  api.get({
    path: "/listings",
    summary: "Published ODOP Bazaar listings, newest first",
    tag: "Bazaar",
    item: listingItem,
    query: z.object({
      state: lgdCode.optional().describe("LGD code of the State"),
      district: lgdCode.optional().describe("LGD code of the district"),
      product: intId.optional().describe("ODOP product id"),
      hs: z
        .string()
        .regex(/^\d{4}$/)
        .optional()
        .describe("HS 2022 heading (4 digits)"),
    }),
    handler: async ({ query }) => {
      const { items, total } = await openListings(db, { ...query, hsCode: query.hs });
      return { total, items: items.map(listingOut) };
    },
  });
  api.get({
    path: "/listings/{id}",
    summary: "One published listing, with its descriptions and photos",
    tag: "Bazaar",
    params: z.object({ id: intId }),
    response: listingItem.extend({
      descriptionEn: z.string().nullable(),
      descriptionHi: z.string().nullable(),
      packaging: z.string().nullable(),
      otherCertifications: z.string().nullable(),
      photos: z.array(
        z.object({
          thumb: z.string(),
          medium: z.string(),
          large: z.string(),
          width: z.number().int(),
          height: z.number().int(),
        }),
      ),
    }),
    handler: async ({ params }) => {
      const found = await openListing(db, params.id);
      if (!found) throw new AppError("not_found", `No published listing ${params.id}`);
      const { listing: l, photos } = found;
      return {
        ...listingOut(l),
        descriptionEn: l.descriptionEn,
        descriptionHi: l.descriptionHi,
        packaging: l.packaging,
        otherCertifications: l.otherCertifications,
        photos: photos.map((p) => ({
          thumb: publicPhotoUrl(p.id, "thumb"),
          medium: publicPhotoUrl(p.id, "medium"),
          large: publicPhotoUrl(p.id, "large"),
          width: p.variants.large.width,
          height: p.variants.large.height,
        })),
      };
    },
  });
}
