import { z } from "zod";
import { intId, lgdCode } from "../../platform/ids";

/** A new plan: the district, the first financial year (by the year it starts) and how many years it covers. */
export const planInput = z
  .object({
    districtLgdCode: lgdCode,
    fromYear: z.coerce.number().int().min(2020).max(2040),
    years: z.coerce.number().int().min(1).max(5),
    strategy: z.string().trim().max(20_000).optional(),
  })
  .transform(({ years, ...v }) => ({ ...v, toYear: v.fromYear + years - 1 }));

export const planEdit = z.object({ version: intId, strategy: z.string().trim().max(20_000).default("") });

export const planStepInput = z.object({
  version: intId,
  step: z.enum(["circulate", "recall", "adopt", "implement", "revise"]),
  decisionId: intId.optional(),
});

export const commentInput = z.object({
  section: z.enum(["profile", "strategy", "general"]),
  body: z.string().trim().min(3).max(4000),
});
