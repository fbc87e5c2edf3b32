import { z } from "zod";
import { intId, isoDate, lgdCode } from "../../platform/ids";
import { isCountry } from "../../web/countries";
import { bottleneckSteps, interventionStatuses, severities } from "./bottleneck-flow";
import { planSections } from "./flow";

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
  section: z.enum(planSections),
  body: z.string().trim().min(3).max(4000),
});

/** HS headings as typed: four digits each, separated by commas or spaces (checked against HS 2022 when saved). */
const hsList = z
  .string()
  .trim()
  .transform((v) => [...new Set(v.split(/[\s,;]+/).filter(Boolean))])
  .pipe(
    z
      .array(z.string().regex(/^\d{4}$/, "hsHeading"))
      .min(1, "hsHeading")
      .max(12, "tooMany"),
  );

/** Target markets, one a line: an ISO country code, then why ("AE: large Indian diaspora, duty-free under CEPA"). */
const marketList = z
  .string()
  .trim()
  .transform((v) =>
    v
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const m = /^([A-Za-z]{2})(?![A-Za-z])\s*[:\-–—]?\s*(.*)$/.exec(l);
        return { country: (m?.[1] ?? l).toUpperCase(), why: (m?.[2] ?? "").trim() };
      }),
  )
  .pipe(
    z
      .array(
        z.object({
          country: z.string().refine(isCountry, "country"),
          why: z.string().min(3, "marketWhy").max(500),
        }),
      )
      .min(1, "marketWhy")
      .max(20, "tooMany"),
  );

export const productInput = z
  .object({
    version: intId,
    productSlug: z.string().trim().max(200).optional(),
    name: z.string().trim().min(2).max(200).optional(),
    hsHeadings: hsList,
    markets: marketList,
  })
  .refine((v) => v.productSlug || v.name, { path: ["name"], message: "nameOrProduct" });

export const removeInput = z.object({ version: intId });

/** A measure the district defines beside the standard three: its name and unit. */
export const measureInput = z.object({
  version: intId,
  label: z.string().trim().min(2).max(120),
  unit: z.string().trim().min(1).max(40),
});

export const bottleneckInput = z.object({
  category: z.string().trim().min(1).max(60),
  description: z.string().trim().min(10).max(4000),
  severity: z.enum(severities),
  ownerAgency: z.string().trim().min(2).max(200),
  dueDate: isoDate,
});

export const bottleneckNote = z.object({ version: intId, body: z.string().trim().min(3).max(4000) });

/** A step of a bottleneck: sending it back needs a new due date, and every step but resolving needs a reason. */
export const bottleneckStepInput = z
  .object({
    version: intId,
    step: z.enum(bottleneckSteps),
    note: z.string().trim().max(4000).optional(),
    dueDate: isoDate.optional(),
  })
  .refine((v) => v.step !== "sendBack" || v.dueDate, { path: ["dueDate"], message: "needDueDate" })
  .refine((v) => v.step.startsWith("resolve") || (v.note?.length ?? 0) >= 3, {
    path: ["note"],
    message: "reasonNeeded",
  });

export const categoryInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, "categoryCode"),
  nameEn: z.string().trim().min(2).max(80),
  nameHi: z.string().trim().min(2).max(80),
});

export const interventionInput = z
  .object({
    version: intId,
    parentId: intId.optional(),
    title: z.string().trim().min(3).max(300),
    owner: z.string().trim().min(2).max(200),
    startsOn: isoDate,
    endsOn: isoDate,
    weight: z.coerce.number().int().min(1).max(100).default(1),
    decisionId: intId.optional(),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ["endsOn"], message: "endBeforeStart" });

export const progressInput = z.object({
  version: intId,
  progress: z.coerce.number().int().min(0).max(100),
  status: z.enum(interventionStatuses),
  note: z.string().trim().max(2000).optional(),
});
