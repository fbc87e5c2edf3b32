import { z } from "zod";

const text = z.string().trim();
const required = () => z.string().trim().min(1, "is empty");
const optional = text.transform((s) => (s === "" ? null : s));
/** An optional number: an empty cell is null, anything else must be a number. */
const optionalNumber = (int: boolean) =>
  text.transform((s, ctx) => {
    if (s === "") return null;
    const n = Number(s);
    if (!Number.isFinite(n) || (int && !Number.isInteger(n))) {
      ctx.addIssue({ code: "custom", message: int ? "must be a whole number" : "must be a number" });
      return z.NEVER;
    }
    return n;
  });
const rank = z
  .string()
  .trim()
  .transform((s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase())
  .pipe(
    z.enum(["Primary", "Secondary", "Tertiary", "Others"], {
      message: "must be Primary, Secondary, Tertiary or Others",
    }),
  );

/** The ODOP list as this repository's seed copy gives it (with LGD codes already matched). */
export const odopSeedRow = z.object({
  src_row: z.coerce.number().int().positive(),
  state: required(),
  district: required(),
  product: required(),
  category: rank,
  lgd_state_code: z.coerce.number().int().positive(),
  lgd_district_code: z.coerce.number().int().positive(),
  lgd_state_name: required(),
  lgd_district_name: required(),
  district_match_method: required(),
  gi_registry_match: optional,
  gi_possible_match_unverified: optional,
  photo_url: optional.pipe(z.url({ message: "must be a URL" }).nullable()),
});

/** The full official ODOP list, as DPIIT publishes it (no codes: districts are matched by name). */
export const odopOfficialRow = z.object({
  State: required(),
  District: required(),
  Product: required().pipe(z.string().max(300, "is longer than 300 characters")),
  Category: rank,
  Sector: optional,
  Description: optional.pipe(z.string().max(5000, "is longer than 5000 characters").nullable()),
  "GI Status": optional,
});

export const giRow = z.object({
  list_serial_no: z.coerce.number().int().positive(),
  gi_name: required(),
  goods_category: required(),
  goods_category_raw: required(),
  states: required(),
  origin: z.enum(["india", "foreign"], { message: "must be india or foreign" }),
  duplicate_of_serial: optionalNumber(true),
});

export const hsSectionRow = z.object({ section: required(), name: required() });
export const hsCodeRow = z.object({
  section: required(),
  hscode: z
    .string()
    .trim()
    .regex(/^\d{2}(\d{2})?$/, "must be 2 or 4 digits"),
  description: required(),
  parent: required(),
  level: z.coerce
    .number()
    .int()
    .pipe(z.union([z.literal(2), z.literal(4)])),
});

export const exportRow = z.object({
  State: required(),
  District: required(),
  sector: required(),
  export_usd: z.coerce.number().int().nonnegative(),
  export_inr: z.coerce.number().int().nonnegative(),
  avg_pci: optionalNumber(false),
  eci: optionalNumber(false),
});

/** What an operator gives when importing a new revision of the national list. */
export const revisionMeta = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,60}$/, "must be 3–61 lowercase letters, digits or hyphens")
    .optional(),
  titleEn: required(),
  titleHi: text.optional(),
  source: required(),
  publishedAt: z.iso.date({ message: "must be a date like 2026-04-30" }),
  effectiveAt: z.iso.date({ message: "must be a date like 2026-04-30" }).optional(),
  notes: text.default(""),
  live: z.boolean().default(true),
});
export type RevisionMeta = z.input<typeof revisionMeta>;
