import { z } from "zod";
import { intId, lgdCode } from "../../../platform/ids";

export const proposalKinds = ["add", "change", "remove"] as const;
export const ranks = ["Primary", "Secondary", "Tertiary", "Others"] as const;
/** Why a product is proposed (DOMAIN.md): an existing ecosystem of producers, an export-hub product, a GI good. */
export const bases = ["ecosystem", "export_hub", "gi"] as const;
export type Basis = (typeof bases)[number];

const optional = (max: number) => z.string().trim().max(max).optional();

/**
 * A proposal as its form gives it. The basis is a box per reason (`basis_ecosystem`, …), gathered into a list. What
 * each kind needs: an addition its name, sector and rank; a change or removal the product it concerns; a change at
 * least one new value. Whether those exist (the product in the district, the HS heading, the decision) the command
 * checks against the data.
 */
export const proposalInput = z
  .object({
    kind: z.enum(proposalKinds),
    districtLgdCode: lgdCode,
    productSlug: optional(200),
    name: z.string().trim().min(3).max(200).optional(),
    /** The product's name in Hindi, in Devanagari: set with an addition, or alone as a change. */
    nameHi: z
      .string()
      .trim()
      .min(2)
      .max(200)
      .regex(/^[\p{Script=Devanagari}\s\p{P}0-9]+$/u, "devanagariOnly")
      .optional(),
    sectorCode: optional(40),
    hsHeading: z
      .string()
      .trim()
      .regex(/^\d{4}$/, "hsFormat")
      .optional(),
    rank: z.enum(ranks).optional(),
    basis_ecosystem: z.literal("on").optional(),
    basis_export_hub: z.literal("on").optional(),
    basis_gi: z.literal("on").optional(),
    producersAndUnits: optional(500),
    production: optional(500),
    giId: intId.optional(),
    evidence: optional(4000),
    decisionId: intId.optional(),
  })
  .superRefine((v, ctx) => {
    const need = (field: keyof typeof v, message: string) => {
      if (v[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message });
    };
    if (v.kind === "add") {
      need("name", "required");
      need("sectorCode", "required");
      need("rank", "required");
    } else need("productSlug", "productRequired");
    if (v.kind === "change" && !v.name && !v.nameHi && !v.sectorCode && !v.hsHeading && !v.rank)
      ctx.addIssue({ code: "custom", path: ["name"], message: "nothingChanged" });
    if (v.kind !== "remove" && !v.basis_ecosystem && !v.basis_export_hub && !v.basis_gi)
      ctx.addIssue({ code: "custom", path: ["basis"], message: "basisRequired" });
  })
  .transform(({ basis_ecosystem, basis_export_hub, basis_gi, ...v }) => ({
    ...v,
    basis: bases.filter(
      (b) => ({ ecosystem: basis_ecosystem, export_hub: basis_export_hub, gi: basis_gi })[b],
    ),
  }));
export type ProposalInput = z.infer<typeof proposalInput>;

export const proposalEdit = z.object({ version: intId }).and(proposalInput);

/** A step that needs a reason (returning) or none (forwarding, accepting, withdrawing). */
export const stepInput = z.object({
  version: intId,
  step: z.enum(["forward", "returnByState", "accept", "returnByNation", "withdraw"]),
  reason: optional(2000),
});

/** What the administrator gives when publishing the draft. */
export const publishInput = z.object({
  version: intId,
  titleEn: z.string().trim().min(5).max(200),
  titleHi: z.string().trim().min(3).max(200),
  effectiveAt: z.iso.date({ message: "dateFormat" }),
  notes: optional(2000),
});

export const discardInput = z.object({ version: intId });

/** The upload form's fields beside the file. */
export const uploadInput = z.object({
  titleEn: z.string().trim().min(5).max(200),
  titleHi: z.string().trim().min(3).max(200),
  source: z.string().trim().min(2).max(200),
  publishedAt: z.iso.date({ message: "dateFormat" }),
  notes: optional(2000),
});
