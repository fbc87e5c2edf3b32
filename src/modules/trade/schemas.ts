import { z } from "zod";
import { amount, intId, isoDate, lgdCode, optionalText, ticked } from "../../platform/ids";
import { isCountry } from "../../web/countries";
import { sectorTaxonomy } from "../catalog";
import { certifications, gemStatuses, listingUnits } from "./kinds";
import { type OrderTransition, orderFlow } from "./order-flow";
import { incoterms, maxOpenDays } from "./rfq-flow";

export const buyerInput = z.object({
  organisation: z.string().trim().min(1).max(200),
  country: z.string().trim().toUpperCase().refine(isCountry, { message: "countryFormat" }),
  interests: z.string().trim().min(1).max(1000),
});
export type BuyerInput = z.infer<typeof buyerInput>;

const sectorCodes = sectorTaxonomy.map((s) => s.code) as [string, ...string[]];
const always = () => true;

/**
 * A listing as its producer writes it. A title in English, Hindi or both; the district's ODOP product, or another
 * product named; quantities and prices per unit; the price band from low to high.
 */
export const listingInput = z
  .object({
    titleEn: optionalText(150),
    titleHi: optionalText(150),
    descriptionEn: optionalText(4000),
    descriptionHi: optionalText(4000),
    odopProductId: intId.optional(),
    otherProduct: optionalText(200),
    sectorCode: z.enum(sectorCodes).optional(),
    hsCode: z
      .string()
      .trim()
      .regex(/^\d{4}$/, "hsFormat")
      .optional(),
    unit: z.enum(listingUnits),
    minOrder: amount,
    monthlyCapacity: amount,
    leadTimeDays: z.coerce.number().int().min(1).max(365),
    priceMinInr: amount,
    priceMaxInr: amount,
    fobUsd: amount.optional(),
    giAuthorisedUser: optionalText(60),
    organic: ticked,
    bis: ticked,
    otherCertifications: optionalText(500),
    packaging: optionalText(1000),
    samplesAvailable: ticked,
  })
  // Checked even when other fields are wrong, so that every problem is named at once; the price band only when
  // both prices are numbers.
  .refine((v) => v.titleEn || v.titleHi, { path: ["titleEn"], message: "titleRequired", when: always })
  .refine((v) => v.odopProductId !== undefined || v.otherProduct, {
    path: ["odopProductId"],
    message: "productRequired",
    when: always,
  })
  .refine((v) => v.priceMaxInr >= v.priceMinInr, {
    path: ["priceMaxInr"],
    message: "priceBand",
    when: (p) => {
      const v = p.value as { priceMinInr?: unknown; priceMaxInr?: unknown };
      return typeof v.priceMinInr === "number" && typeof v.priceMaxInr === "number";
    },
  });
export type ListingInput = z.infer<typeof listingInput>;

/** An officer hides a listing: the reason is shown to its producer. */
export const hideInput = z.object({
  reason: z.string({ error: "reasonRequired" }).trim().min(1, "reasonRequired").max(1000),
  version: intId,
});
/** A producer's or officer's step on a listing names the version it saw. */
export const stepInput = z.object({ version: intId });

export const bazaarPageSize = 24;

/** The bazaar's filters, from its query string. */
export const bazaarFilters = z.object({
  q: z.string().trim().max(100).optional(),
  state: lgdCode.optional(),
  district: lgdCode.optional(),
  product: intId.optional(),
  producer: intId.optional(),
  sector: z.enum(sectorCodes).optional(),
  cert: z.enum(certifications).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type BazaarFilters = z.infer<typeof bazaarFilters>;

/**
 * A buyer's RFQ: from a listing (`listingId`), or for an ODOP product or an HS heading; how much, at what price,
 * to where, on what terms, by when, and how long it stays open (at most 14 days).
 */
export const rfqInput = z
  .object({
    listingId: intId.optional(),
    odopProductId: intId.optional(),
    hsCode: z
      .string()
      .trim()
      .regex(/^\d{4}$/, "hsFormat")
      .optional(),
    subject: z.string().trim().min(1).max(200),
    details: optionalText(2000),
    quantity: amount,
    unit: z.enum(listingUnits),
    targetPriceInr: amount.optional(),
    destinationCountry: z.string().trim().toUpperCase().refine(isCountry, { message: "countryFormat" }),
    incoterm: z.enum(incoterms),
    neededBy: isoDate,
    openDays: z.coerce.number().int().min(1, "openDays").max(maxOpenDays, "openDays"),
  })
  // Said at the HS heading: the one field the form shows when neither a listing nor a product was chosen.
  .refine((v) => v.listingId !== undefined || v.odopProductId !== undefined || v.hsCode, {
    path: ["hsCode"],
    message: "rfqTarget",
    when: always,
  });
export type RfqInput = z.infer<typeof rfqInput>;

/** A producer's quote (or its one revision): price per unit, quantity, lead time, validity, terms, notes. */
export const quoteInput = z.object({
  priceInr: amount,
  quantity: amount,
  leadTimeDays: z.coerce.number().int().min(1).max(365),
  validUntil: isoDate,
  incoterm: z.enum(incoterms),
  notes: optionalText(2000),
  version: intId,
});
export type QuoteInput = z.infer<typeof quoteInput>;

/** An officer's switch: RFQs to its district's producers wait for its approval ("on"), or not. */
export const approvalInput = z.object({ district: lgdCode, on: ticked });

export const messageInput = z.object({ body: z.string().trim().min(1).max(2000) });
export const reasonInput = z.object({
  reason: z.string({ error: "reasonRequired" }).trim().min(1, "reasonRequired").max(1000),
  version: intId,
});

/** A milestone of an order, with the day it happened (today or earlier) and a note. */
export const milestoneInput = z.object({
  transition: z.enum(Object.keys(orderFlow) as [OrderTransition, ...OrderTransition[]]),
  happenedOn: isoDate,
  note: optionalText(500),
  version: intId,
});
export const ratingInput = z.object({
  stars: z.coerce.number().int().min(1, "stars").max(5, "stars"),
  comment: optionalText(1000),
});

/** A buyer's interest: an ODOP product or an HS heading. */
export const interestInput = z
  .object({
    odopProductId: intId.optional(),
    hsCode: z
      .string()
      .trim()
      .regex(/^\d{4}$/, "hsFormat")
      .optional(),
  })
  .refine((v) => v.odopProductId !== undefined || v.hsCode, { path: ["hsCode"], message: "interestTarget" });

export const gemInput = z
  .object({
    status: z.enum(gemStatuses),
    sellerId: optionalText(40),
    version: z.coerce.number().int().min(0),
  })
  .refine((v) => (v.status !== "registered" && v.status !== "listed") || !!v.sellerId, {
    path: ["sellerId"],
    message: "sellerIdRequired",
  });
