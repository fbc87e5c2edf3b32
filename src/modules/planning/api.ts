import { z } from "zod";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { intId, lgdCode } from "../../platform/ids";
import type { ApiRegistry } from "../../web/api/registry";
import { listDistricts } from "../geo";
import { bottleneckStates, interventionStatuses, severities } from "./bottleneck-flow";
import { planStates } from "./flow";
import { bottleneckOut, interventionOut, planOut } from "./presenters";
import { openPlanById } from "./queries/open-data";
import { planStatusByDistrict, publicPlans } from "./queries/plans";

const planItem = z.object({
  id: z.number().int(),
  stateLgdCode: z.number().int(),
  districtLgdCode: z.number().int(),
  fromYear: z.number().int().describe("First financial year, by the year it starts (2026 is FY 2026-27)"),
  toYear: z.number().int(),
  versionNo: z.number().int(),
  state: z.enum(planStates),
  adoptedAt: z.string().nullable(),
  strategy: z.string(),
  page: z.string(),
});

const planFull = planItem.extend({
  decisionId: z
    .number()
    .int()
    .nullable()
    .describe("The committee decision that adopted it (/committee-decisions)"),
  updatedAt: z.string(),
  products: z.array(
    z.object({
      name: z.string(),
      productSlug: z.string().nullable(),
      hsHeadings: z.array(z.string()).describe("HS 2022 headings (4 digits)"),
      markets: z.array(z.object({ country: z.string().describe("ISO 3166-1 alpha-2"), why: z.string() })),
    }),
  ),
  targets: z.array(
    z.object({
      measure: z
        .string()
        .describe("export_inr (₹ crore), export_usd (US$ million), producers, or custom:<n>"),
      label: z.string(),
      unit: z.string(),
      year: z.number().int(),
      target: z.number().nullable(),
      actual: z.number().nullable(),
    }),
  ),
  interventions: z.array(
    z.object({
      id: z.number().int(),
      planId: z.number().int(),
      parentId: z.number().int().nullable(),
      title: z.string(),
      owner: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      weight: z.number().int(),
      status: z.enum(interventionStatuses),
      progress: z.number().describe("Per cent; a parent's is the weighted mean of its actions'"),
      decisionId: z.number().int().nullable(),
    }),
  ),
  bottlenecks: z.array(
    z.object({
      id: z.number().int(),
      category: z.string(),
      categoryName: z.string(),
      description: z.string(),
      severity: z.enum(severities),
      ownerAgency: z.string(),
      dueDate: z.string(),
      status: z.enum(bottleneckStates),
      escalatedAt: z.string().nullable(),
      resolvedAt: z.string().nullable(),
    }),
  ),
});

const statusItem = z.object({
  stateLgdCode: z.number().int(),
  districtLgdCode: z.number().int(),
  district: z.string(),
  status: z.enum(["none", "draft", "adopted", "in_implementation"]),
});

/** District export action plans as open data: adopted versions only (current and superseded), no demo plan. */
export function registerPlanningApi(api: ApiRegistry, db: Db): void {
  api.get({
    path: "/export-plans",
    summary: "District export action plans (adopted versions)",
    tag: "Planning",
    item: planItem,
    query: z.object({
      state: lgdCode.optional().describe("LGD code of the State"),
      district: lgdCode.optional().describe("LGD code of the district"),
    }),
    handler: async ({ query }) => {
      const { items, total } = await publicPlans(db, query, query);
      return {
        total,
        items: items.map(planOut),
      };
    },
  });

  api.get({
    path: "/export-plans/{id}",
    summary:
      "One adopted export action plan in full: products, targets and actuals, interventions, bottlenecks",
    tag: "Planning",
    params: z.object({ id: intId }),
    response: planFull,
    handler: async ({ params }) => {
      const found = await openPlanById(db, params.id);
      if (!found) throw new AppError("not_found", `No adopted export action plan ${params.id}`);
      const { plan: p } = found;
      return {
        ...planOut(p),
        decisionId: p.decisionId,
        updatedAt: p.updatedAt.toISOString(),
        products: found.products.map((x) => ({
          name: x.name,
          productSlug: x.productSlug,
          hsHeadings: x.hsHeadings,
          markets: x.markets,
        })),
        targets: found.targets.map(({ measure, label, unit, year, target, actual }) => ({
          measure,
          label,
          unit,
          year,
          target,
          actual,
        })),
        interventions: found.interventions.map(interventionOut),
        bottlenecks: found.bottlenecks.map(({ planId: _, stateLgdCode: __, districtLgdCode: ___, ...b }) =>
          bottleneckOut(b),
        ),
      };
    },
  });

  api.get({
    path: "/export-plan-status",
    summary:
      "Each district's export action plan status (none, draft, adopted, in implementation), computed live",
    tag: "Planning",
    item: statusItem,
    query: z.object({ state: lgdCode.optional().describe("LGD code of the State") }),
    handler: async ({ query }) => {
      const [districts, status] = await Promise.all([
        listDistricts(db, query.state ? { stateLgdCode: query.state } : {}),
        planStatusByDistrict(db, query.state),
      ]);
      const all = districts.map((d) => ({
        stateLgdCode: d.stateLgdCode,
        districtLgdCode: d.lgdCode,
        district: d.nameEn,
        status: status.get(d.lgdCode) ?? ("none" as const),
      }));
      return { total: all.length, items: all.slice(query.offset, query.offset + query.limit) };
    },
  });
}
