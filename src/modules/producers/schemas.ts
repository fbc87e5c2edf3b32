import { z } from "zod";
import { intId, lgdCode } from "../../platform/ids";
import { gstinProblem, iecProblem, normaliseId, panProblem, udyamProblem } from "./identifiers";
import { producerKinds } from "./kinds";

/** An optional identifier: normalised, then checked; the message is a key of the producers catalogue. */
const identifier = (problem: (v: string) => string | null) =>
  z
    .string()
    .transform(normaliseId)
    .superRefine((v, ctx) => {
      const p = problem(v);
      if (p) ctx.addIssue({ code: "custom", message: p });
    })
    .optional();

/** Indian mobile or landline with its code: digits, spaces, +, - and brackets; 10 to 13 digits in all. */
const phone = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .refine(
    (v) =>
      /^[+\d\s()-]+$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 10 && (v.match(/\d/g)?.length ?? 0) <= 13,
    {
      message: "phoneFormat",
    },
  );

export const producerInput = z
  .object({
    name: z.string().trim().min(1).max(160),
    kind: z.enum(producerKinds),
    districtLgdCode: lgdCode,
    odopProductId: lgdCode.optional(),
    otherProducts: z.string().trim().max(500).optional(),
    description: z.string().trim().max(2000).optional(),
    phone,
    email: z.string().trim().min(1).max(254).pipe(z.email()),
    udyam: identifier(udyamProblem),
    gstin: identifier(gstinProblem),
    iec: identifier(iecProblem),
    pan: identifier(panProblem),
  })
  .refine((v) => v.odopProductId !== undefined || (v.otherProducts ?? "") !== "", {
    path: ["odopProductId"],
    message: "productRequired",
  });
export type ProducerInput = z.infer<typeof producerInput>;

/** An edit names the version it was made from (optimistic concurrency). */
export const producerEdit = z.object({ version: intId });

export const reviewInput = z
  .object({
    decision: z.enum(["verified", "rejected", "returned"]),
    reason: z.string().trim().max(1000).optional(),
  })
  .refine((v) => v.decision === "verified" || (v.reason ?? "").length > 0, {
    path: ["reason"],
    message: "reasonRequired",
  });

export const directoryFilters = z.object({
  state: lgdCode.optional(),
  district: lgdCode.optional(),
  product: intId.optional(),
  kind: z.enum(producerKinds).optional(),
  sector: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type DirectoryFilters = z.infer<typeof directoryFilters>;
