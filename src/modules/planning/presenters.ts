import type { InterventionRow } from "./queries/parts";
import type { PlanView } from "./queries/plans";

/** A plan, an intervention and a bottleneck as the API and the open-data files give them: one shape for both. */

type Plan = PlanView;

export const planPage = (p: Pick<Plan, "districtLgdCode" | "id">) =>
  `/districts/${p.districtLgdCode}/export-plan?version=${p.id}`;

export const planOut = (p: Plan) => ({
  id: p.id,
  stateLgdCode: p.stateLgdCode,
  districtLgdCode: p.districtLgdCode,
  fromYear: p.fromYear,
  toYear: p.toYear,
  versionNo: p.versionNo,
  state: p.state,
  adoptedAt: p.adoptedAt?.toISOString() ?? null,
  strategy: p.strategy,
  page: planPage(p),
});

export const interventionOut = (i: InterventionRow) => ({
  id: i.id,
  planId: i.planId,
  parentId: i.parentId,
  title: i.title,
  owner: i.owner,
  startsOn: i.startsOn,
  endsOn: i.endsOn,
  weight: i.weight,
  status: i.status,
  progress: Math.round(i.rolled * 10) / 10,
  decisionId: i.decisionId,
});

export const bottleneckOut = <B extends { escalatedAt: Date | null; resolvedAt: Date | null }>(b: B) => ({
  ...b,
  escalatedAt: b.escalatedAt?.toISOString() ?? null,
  resolvedAt: b.resolvedAt?.toISOString() ?? null,
});
