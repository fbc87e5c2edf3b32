import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { Actor } from "../../accounts";
import { depcMemberAccounts } from "../../committees";
import { publicStates } from "../flow";
import { can } from "../policy";
import { exportPlans, planComments } from "../tables";

export type PlanView = typeof exportPlans.$inferSelect;

/**
 * A plan for the people who work on it: its district's, State's and the national officers, and — while it is
 * circulated or once adopted — the members of the district's committee. 404 if none, 403 for anyone else.
 */
export async function planFor(db: DbOrTx, actor: Actor, id: number): Promise<PlanView> {
  const [p] = await db.select().from(exportPlans).where(eq(exportPlans.id, id));
  if (!p) throw new AppError("not_found", "No such plan");
  if (can(actor, "plan:read", p)) return p;
  if (p.state !== "draft" && (await depcMemberAccounts(db, p.districtLgdCode)).includes(actor.userId))
    return p;
  throw new AppError("forbidden", "Not allowed: see this plan");
}

/** Every version of a district's plans, newest period and version first. */
export async function plansOfDistrict(db: DbOrTx, districtLgdCode: number) {
  return db
    .select()
    .from(exportPlans)
    .where(eq(exportPlans.districtLgdCode, districtLgdCode))
    .orderBy(desc(exportPlans.fromYear), desc(exportPlans.versionNo));
}

/** The plan the public sees: the latest adopted or in implementation; or, by id, one of its earlier adopted versions. */
export async function publicPlanOf(db: DbOrTx, districtLgdCode: number, id?: number) {
  const [p] = await db
    .select()
    .from(exportPlans)
    .where(
      and(
        eq(exportPlans.districtLgdCode, districtLgdCode),
        inArray(exportPlans.state, id ? [...publicStates] : ["adopted", "in_implementation"]),
        id ? eq(exportPlans.id, id) : undefined,
      ),
    )
    .orderBy(desc(exportPlans.fromYear), desc(exportPlans.versionNo))
    .limit(1);
  return p ?? null;
}

/** The adopted versions of a district's plans that the public may read (current and superseded). */
export async function publicVersionsOf(db: DbOrTx, districtLgdCode: number) {
  return db
    .select({
      id: exportPlans.id,
      fromYear: exportPlans.fromYear,
      toYear: exportPlans.toYear,
      versionNo: exportPlans.versionNo,
      state: exportPlans.state,
      adoptedAt: exportPlans.adoptedAt,
    })
    .from(exportPlans)
    .where(
      and(eq(exportPlans.districtLgdCode, districtLgdCode), inArray(exportPlans.state, [...publicStates])),
    )
    .orderBy(desc(exportPlans.fromYear), desc(exportPlans.versionNo));
}

export async function commentsOf(db: DbOrTx, planId: number) {
  return db.select().from(planComments).where(eq(planComments.planId, planId)).orderBy(asc(planComments.id));
}

/**
 * How many districts of each State have a current plan in each state, computed live (the official "590 drafted, 249
 * adopted" figures): demo plans left out.
 */
export async function planCoverage(db: DbOrTx) {
  return db
    .select({
      stateLgdCode: exportPlans.stateLgdCode,
      drafted: sql<number>`count(distinct ${exportPlans.districtLgdCode})::int`,
      adopted: sql<number>`count(distinct ${exportPlans.districtLgdCode}) filter (where ${exportPlans.state} in ('adopted', 'in_implementation'))::int`,
      inImplementation: sql<number>`count(distinct ${exportPlans.districtLgdCode}) filter (where ${exportPlans.state} = 'in_implementation')::int`,
    })
    .from(exportPlans)
    .where(and(eq(exportPlans.isDemo, false), sql`${exportPlans.state} <> 'superseded'`))
    .groupBy(exportPlans.stateLgdCode);
}

/** Adopted plans (current and superseded versions) as open data: no draft, no demo plan. */
export async function publicPlans(
  db: DbOrTx,
  f: { state?: number; district?: number },
  window: { offset: number; limit: number },
) {
  const where = and(
    eq(exportPlans.isDemo, false),
    inArray(exportPlans.state, [...publicStates]),
    f.state ? eq(exportPlans.stateLgdCode, f.state) : undefined,
    f.district ? eq(exportPlans.districtLgdCode, f.district) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(exportPlans)
      .where(where)
      .orderBy(asc(exportPlans.stateLgdCode), asc(exportPlans.districtLgdCode), desc(exportPlans.versionNo))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(exportPlans).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function planById(db: DbOrTx, id: number): Promise<PlanView | null> {
  if (!Number.isInteger(id)) return null;
  const [p] = await db.select().from(exportPlans).where(eq(exportPlans.id, id));
  return p ?? null;
}

export type PlanStatus = "none" | "draft" | "adopted" | "in_implementation";

/**
 * Each district's plan status, computed live from its current plans (demo plans left out): in implementation,
 * adopted, drafted (a draft or circulated plan), or none (districts without a row here).
 */
export async function planStatusByDistrict(db: DbOrTx, stateLgdCode?: number) {
  const rows = await db
    .select({
      districtLgdCode: exportPlans.districtLgdCode,
      stateLgdCode: exportPlans.stateLgdCode,
      rank: sql<number>`max(case ${exportPlans.state} when 'in_implementation' then 3 when 'adopted' then 2 else 1 end)::int`,
    })
    .from(exportPlans)
    .where(
      and(
        eq(exportPlans.isDemo, false),
        sql`${exportPlans.state} <> 'superseded'`,
        stateLgdCode ? eq(exportPlans.stateLgdCode, stateLgdCode) : undefined,
      ),
    )
    .groupBy(exportPlans.districtLgdCode, exportPlans.stateLgdCode);
  const names: PlanStatus[] = ["none", "draft", "adopted", "in_implementation"];
  return new Map(rows.map((r) => [r.districtLgdCode, names[r.rank] ?? "draft"]));
}
