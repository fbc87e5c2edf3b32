import { z } from "zod";
import type { Db } from "../../platform/db";
import { lgdCode } from "../../platform/ids";
import type { ApiRegistry } from "../../web/api/registry";
import { planStates } from "./flow";
import { publicPlans } from "./queries/plans";

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
        items: items.map((p) => ({
          id: p.id,
          stateLgdCode: p.stateLgdCode,
          districtLgdCode: p.districtLgdCode,
          fromYear: p.fromYear,
          toYear: p.toYear,
          versionNo: p.versionNo,
          state: p.state,
          adoptedAt: p.adoptedAt?.toISOString() ?? null,
          strategy: p.strategy,
          page: `/districts/${p.districtLgdCode}/export-plan?version=${p.id}`,
        })),
      };
    },
  });
}
