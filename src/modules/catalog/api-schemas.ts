import { z } from "zod";

/** The JSON shapes of the registry API; the OpenAPI document is generated from them. */
export const stateItem = z.object({
  lgdCode: z.number().int(),
  name: z.string(),
  nameHi: z.string().nullable(),
  type: z.enum(["state", "ut"]),
  districts: z.number().int().describe("Districts in the current LGD list"),
});

export const districtItem = z.object({
  lgdCode: z.number().int(),
  name: z.string(),
  nameHi: z.string().nullable(),
  stateLgdCode: z.number().int(),
  census2011Code: z.string().nullable(),
  inCurrentLgd: z.boolean().describe("false for districts kept with their Dec-2022 LGD code"),
  hasBoundary: z.boolean(),
});

export const districtDetail = districtItem.extend({
  otherNames: z.array(z.object({ name: z.string(), kind: z.string(), source: z.string() })),
  products: z.array(z.object({ slug: z.string(), name: z.string(), rank: z.string() })),
});

export const productItem = z.object({
  slug: z.string(),
  name: z.string(),
  nameHi: z.string().nullable().describe("Set by the district through an accepted proposal; null until then"),
  revision: z.string(),
  rank: z.enum(["Primary", "Secondary", "Tertiary", "Others"]),
  stateLgdCode: z.number().int(),
  districtLgdCode: z.number().int(),
  sector: z.string().nullable(),
  sectorName: z.string().nullable(),
  sectorSetBy: z.enum(["source", "admin", "keyword_rule", "unassigned"]),
  sectorRule: z.string().nullable(),
  giIds: z.array(z.number().int()).describe("GI registrations suggested or confirmed for the product"),
  districtAsPublished: z.string(),
  stateAsPublished: z.string(),
  sourceFile: z.string(),
  sourceRow: z.number().int(),
});

export const sectorItem = z.object({
  code: z.string(),
  name: z.string(),
  nameHi: z.string(),
  products: z.number().int().describe("Products in the live revision"),
});

export const giItem = z.object({
  id: z.number().int(),
  serial: z.number().int().describe("Serial in the register (not unique: 29 is used twice)"),
  name: z.string(),
  goodsClass: z.string(),
  states: z.array(z.string()),
  origin: z.enum(["india", "foreign"]),
  duplicateOfSerial: z.number().int().nullable(),
  linkedProducts: z.number().int(),
});

export const revisionItem = z.object({
  id: z.string(),
  title: z.string(),
  titleHi: z.string(),
  source: z.string(),
  publishedAt: z.string(),
  effectiveAt: z.string(),
  live: z.boolean(),
  notes: z.string(),
});

export const exportItem = z.object({
  fiscalYear: z.string(),
  stateLgdCode: z.number().int().nullable(),
  districtLgdCode: z.number().int().nullable().describe("null where the source's name could not be placed"),
  stateAsGiven: z.string(),
  districtAsGiven: z.string(),
  districtMatch: z.string(),
  sector: z.string(),
  exportUsd: z.number().int(),
  exportInr: z.number().int(),
  sourceRow: z.number().int(),
});

export const searchItem = z.object({
  kind: z.string(),
  ref: z.string(),
  title: z.string(),
  titleHi: z.string().nullable(),
  context: z.string(),
  url: z.string(),
});

/** A DCAT 3 catalogue in JSON-LD (the terms of the dcat3 context), as NDSAP asks for machine-readable catalogues. */
export const dcatCatalog = z.object({
  "@context": z.string(),
  "@type": z.literal("Catalog"),
  title: z.string(),
  description: z.string(),
  license: z.string(),
  modified: z.string(),
  dataset: z.array(
    z.object({
      "@type": z.literal("Dataset"),
      identifier: z.string(),
      title: z.string(),
      description: z.string(),
      license: z.string(),
      source: z.string(),
      creator: z.string(),
      modified: z.string(),
      version: z.string().nullable(),
      distribution: z.array(
        z.object({
          "@type": z.literal("Distribution"),
          downloadURL: z.string(),
          mediaType: z.string(),
          format: z.string(),
          byteSize: z.number().int(),
        }),
      ),
    }),
  ),
});
