import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, placeScope } from "../../accounts";
import { can } from "../policy";
import { overallProgress, rollUp } from "../progress";
import {
  bottleneckCategories,
  bottleneckEvents,
  bottleneckEvidence,
  bottlenecks,
  exportPlans,
  interventionEvents,
  interventions,
  planProducts,
  planTargets,
} from "../tables";

export async function productsOfPlan(db: DbOrTx, planId: number) {
  return db
    .select()
    .from(planProducts)
    .where(eq(planProducts.planId, planId))
    .orderBy(asc(planProducts.position));
}

export type TargetRow = typeof planTargets.$inferSelect;

export async function targetsOfPlan(db: DbOrTx, planId: number): Promise<TargetRow[]> {
  return db
    .select()
    .from(planTargets)
    .where(eq(planTargets.planId, planId))
    .orderBy(asc(planTargets.measure), asc(planTargets.year));
}

export async function bottleneckCategoryList(db: DbOrTx) {
  return db.select().from(bottleneckCategories).orderBy(asc(bottleneckCategories.position));
}

export type BottleneckRow = typeof bottlenecks.$inferSelect & { categoryEn: string; categoryHi: string };

const withCategory = {
  categoryEn: bottleneckCategories.nameEn,
  categoryHi: bottleneckCategories.nameHi,
};

export async function bottlenecksOfPlan(db: DbOrTx, planId: number): Promise<BottleneckRow[]> {
  const rows = await db
    .select({ b: bottlenecks, ...withCategory })
    .from(bottlenecks)
    .innerJoin(bottleneckCategories, eq(bottleneckCategories.code, bottlenecks.category))
    .where(eq(bottlenecks.planId, planId))
    .orderBy(asc(bottlenecks.status), asc(bottlenecks.dueDate), asc(bottlenecks.id));
  return rows.map((r) => ({ ...r.b, categoryEn: r.categoryEn, categoryHi: r.categoryHi }));
}

/** A bottleneck for its officers (the plan's readers), with its timeline and evidence. 404 if none, 403 otherwise. */
export async function bottleneckFor(db: DbOrTx, actor: Actor, id: number) {
  const [row] = await db
    .select({ b: bottlenecks, ...withCategory })
    .from(bottlenecks)
    .innerJoin(bottleneckCategories, eq(bottleneckCategories.code, bottlenecks.category))
    .where(eq(bottlenecks.id, id));
  if (!row) throw new AppError("not_found", "No such bottleneck");
  if (!can(actor, "plan:read", row.b)) throw new AppError("forbidden", "Not allowed: see this bottleneck");
  const [events, evidence] = await Promise.all([
    db
      .select()
      .from(bottleneckEvents)
      .where(eq(bottleneckEvents.bottleneckId, id))
      .orderBy(asc(bottleneckEvents.id)),
    db
      .select()
      .from(bottleneckEvidence)
      .where(eq(bottleneckEvidence.bottleneckId, id))
      .orderBy(asc(bottleneckEvidence.id)),
  ]);
  return { b: { ...row.b, categoryEn: row.categoryEn, categoryHi: row.categoryHi }, events, evidence };
}

/** One evidence file's record, for the officer who may see its bottleneck. */
export async function evidenceFor(db: DbOrTx, actor: Actor, bottleneckId: number, fileId: number) {
  const { evidence } = await bottleneckFor(db, actor, bottleneckId);
  const file = evidence.find((e) => e.id === fileId);
  if (!file) throw new AppError("not_found", "No such file");
  return file;
}

/**
 * A queue of escalated bottlenecks: a State officer's (its States', at the State level), or the national one (for the
 * administrator). Oldest first, with their age from `escalatedAt`, owner and district; paged.
 */
export async function escalationQueue(
  db: DbOrTx,
  actor: Actor,
  level: "at_state" | "at_nation",
  window: { offset: number; limit: number },
) {
  const scope = placeScope(
    actor,
    level === "at_state" ? ["state_officer", "national_admin"] : ["national_admin"],
  );
  if (!scope.all && !scope.states.length) return { items: [], total: 0 };
  const where = and(
    eq(bottlenecks.status, level),
    scope.all ? undefined : inArray(bottlenecks.stateLgdCode, scope.states),
  );
  const [items, [total]] = await Promise.all([
    db
      .select({ b: bottlenecks, ...withCategory })
      .from(bottlenecks)
      .innerJoin(bottleneckCategories, eq(bottleneckCategories.code, bottlenecks.category))
      .where(where)
      .orderBy(asc(bottlenecks.escalatedAt), asc(bottlenecks.id))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(bottlenecks).where(where),
  ]);
  return {
    items: items.map((r) => ({ ...r.b, categoryEn: r.categoryEn, categoryHi: r.categoryHi })),
    total: total?.n ?? 0,
  };
}

export type InterventionRow = typeof interventions.$inferSelect & { rolled: number };

/** The plan's intervention tree with each node's rolled-up progress, and the plan's overall progress. */
export async function interventionsOfPlan(db: DbOrTx, planId: number) {
  const rows = await db
    .select()
    .from(interventions)
    .where(eq(interventions.planId, planId))
    .orderBy(asc(interventions.startsOn), asc(interventions.id));
  const rolled = rollUp(rows);
  return {
    nodes: rows.map((r): InterventionRow => ({ ...r, rolled: rolled.get(r.id) ?? 0 })),
    overall: overallProgress(rows, rolled),
  };
}

export async function interventionTimeline(db: DbOrTx, planId: number) {
  return db
    .select({ e: interventionEvents })
    .from(interventionEvents)
    .innerJoin(interventions, eq(interventions.id, interventionEvents.interventionId))
    .where(eq(interventions.planId, planId))
    .orderBy(desc(interventionEvents.id))
    .then((rows) => rows.map((r) => r.e));
}

/**
 * The actions of public plans that carry out these committee decisions: the decisions' page links to them (the other
 * half of the link each action keeps). Demo plans link only demo decisions, which only demo pages show.
 */
export async function actionsCarryingOut(db: DbOrTx, decisionIds: readonly number[]) {
  if (!decisionIds.length) return [];
  return db
    .select({
      id: interventions.id,
      decisionId: interventions.decisionId,
      title: interventions.title,
      districtLgdCode: exportPlans.districtLgdCode,
      planId: exportPlans.id,
    })
    .from(interventions)
    .innerJoin(exportPlans, eq(exportPlans.id, interventions.planId))
    .where(
      and(
        inArray(interventions.decisionId, [...decisionIds]),
        inArray(exportPlans.state, ["adopted", "in_implementation"]),
      ),
    );
}

/** Public timeline of a plan's bottlenecks: dates, kinds and words, never who wrote them. */
export async function publicBottleneckEvents(db: DbOrTx, planId: number) {
  return db
    .select({
      bottleneckId: bottleneckEvents.bottleneckId,
      kind: bottleneckEvents.kind,
      at: bottleneckEvents.at,
    })
    .from(bottleneckEvents)
    .innerJoin(bottlenecks, eq(bottlenecks.id, bottleneckEvents.bottleneckId))
    .where(
      and(
        eq(bottlenecks.planId, planId),
        inArray(bottleneckEvents.kind, [
          "escalate",
          "raise",
          "resolve",
          "resolveAtState",
          "resolveAtNation",
          "sendBack",
          "returnToState",
        ]),
      ),
    )
    .orderBy(asc(bottleneckEvents.id));
}

/** One intervention or action with its plan's id and its own timeline (access is the plan's: the caller checks it). */
export async function interventionById(db: DbOrTx, id: number) {
  const [i] = await db.select().from(interventions).where(eq(interventions.id, id));
  if (!i) throw new AppError("not_found", "No such intervention");
  const [events, children] = await Promise.all([
    db
      .select()
      .from(interventionEvents)
      .where(eq(interventionEvents.interventionId, id))
      .orderBy(desc(interventionEvents.id)),
    db.select({ id: interventions.id }).from(interventions).where(eq(interventions.parentId, id)),
  ]);
  return { i, events, hasActions: children.length > 0 };
}
