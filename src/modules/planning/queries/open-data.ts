import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { publicStates } from "../flow";
import { rollUp } from "../progress";
import {
  bottleneckCategories,
  bottlenecks,
  exportPlans,
  interventions,
  planProducts,
  planTargets,
} from "../tables";

/** The plans the public may read: adopted versions (current and superseded), never a draft or a demo plan. */
const isPublic = and(eq(exportPlans.isDemo, false), inArray(exportPlans.state, [...publicStates]));

/** Changes whenever any public plan or one of its parts does (every change marks its plan's `updatedAt`). */
export async function planDataStamp(db: DbOrTx): Promise<string> {
  const [row] = await db
    .select({ stamp: sql<string>`count(*) || '-' || coalesce(max(${exportPlans.updatedAt})::text, '')` })
    .from(exportPlans)
    .where(isPublic);
  return row?.stamp ?? "0-";
}

export async function openPlans(db: DbOrTx) {
  const plans = await db
    .select()
    .from(exportPlans)
    .where(isPublic)
    .orderBy(asc(exportPlans.stateLgdCode), asc(exportPlans.districtLgdCode), asc(exportPlans.id));
  const products = plans.length
    ? await db
        .select()
        .from(planProducts)
        .where(
          inArray(
            planProducts.planId,
            plans.map((p) => p.id),
          ),
        )
        .orderBy(asc(planProducts.position))
    : [];
  return plans.map((p) => ({ plan: p, products: products.filter((x) => x.planId === p.id) }));
}

export async function openTargets(db: DbOrTx) {
  return db
    .select({ t: planTargets })
    .from(planTargets)
    .innerJoin(exportPlans, eq(exportPlans.id, planTargets.planId))
    .where(isPublic)
    .orderBy(asc(planTargets.planId), asc(planTargets.measure), asc(planTargets.year))
    .then((rows) => rows.map((r) => r.t));
}

/** Interventions of public plans, each with its rolled-up progress. */
export async function openInterventions(db: DbOrTx) {
  const rows = await db
    .select({ i: interventions })
    .from(interventions)
    .innerJoin(exportPlans, eq(exportPlans.id, interventions.planId))
    .where(isPublic)
    .orderBy(asc(interventions.planId), asc(interventions.id))
    .then((r) => r.map((x) => x.i));
  const rolled = rollUp(rows);
  return rows.map((i) => ({ ...i, rolled: rolled.get(i.id) ?? 0 }));
}

/** Bottlenecks of public plans: what, whose, by when and where they stand; never who wrote what. */
export async function openBottlenecks(db: DbOrTx, planId?: number) {
  return db
    .select({
      id: bottlenecks.id,
      planId: bottlenecks.planId,
      stateLgdCode: bottlenecks.stateLgdCode,
      districtLgdCode: bottlenecks.districtLgdCode,
      category: bottlenecks.category,
      categoryName: bottleneckCategories.nameEn,
      description: bottlenecks.description,
      severity: bottlenecks.severity,
      ownerAgency: bottlenecks.ownerAgency,
      dueDate: bottlenecks.dueDate,
      status: bottlenecks.status,
      escalatedAt: bottlenecks.escalatedAt,
      resolvedAt: bottlenecks.resolvedAt,
    })
    .from(bottlenecks)
    .innerJoin(exportPlans, eq(exportPlans.id, bottlenecks.planId))
    .innerJoin(bottleneckCategories, eq(bottleneckCategories.code, bottlenecks.category))
    .where(and(isPublic, eq(bottlenecks.isDemo, false), planId ? eq(bottlenecks.planId, planId) : undefined))
    .orderBy(asc(bottlenecks.planId), asc(bottlenecks.id));
}

/** One public plan in full, for the API: the plan, its products, targets, interventions and bottlenecks. */
export async function openPlanById(db: DbOrTx, id: number) {
  const [plan] = await db
    .select()
    .from(exportPlans)
    .where(and(isPublic, eq(exportPlans.id, id)));
  if (!plan) return null;
  const [products, targets, tree, open] = await Promise.all([
    db.select().from(planProducts).where(eq(planProducts.planId, id)).orderBy(asc(planProducts.position)),
    db
      .select()
      .from(planTargets)
      .where(eq(planTargets.planId, id))
      .orderBy(asc(planTargets.measure), asc(planTargets.year)),
    db.select().from(interventions).where(eq(interventions.planId, id)).orderBy(asc(interventions.id)),
    openBottlenecks(db, id),
  ]);
  const rolled = rollUp(tree);
  return {
    plan,
    products,
    targets,
    interventions: tree.map((i) => ({ ...i, rolled: rolled.get(i.id) ?? 0 })),
    bottlenecks: open,
  };
}
