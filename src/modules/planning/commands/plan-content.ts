import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { Actor } from "../../accounts";
import { enqueuePlanPdf } from "../documents";
import { can } from "../policy";
import { exportPlans } from "../tables";

export type Plan = typeof exportPlans.$inferSelect;

/** The audit row's place and kind for anything of a plan. */
export const planAudit = (p: Pick<Plan, "stateLgdCode" | "districtLgdCode">) => ({
  entityType: "export_plan",
  stateLgdCode: p.stateLgdCode,
  districtLgdCode: p.districtLgdCode,
});

/** The plan, locked, at the version it was opened at (409 when stale), with the writer's grant. */
export async function lockedForWriting(tx: Tx, actor: Actor, id: number, version: number) {
  const [p] = await tx.select().from(exportPlans).where(eq(exportPlans.id, id)).for("update");
  if (!p) throw new AppError("not_found", "No such plan");
  const grant = can(actor, "plan:write", p);
  if (!grant) throw new AppError("forbidden", "Not allowed: write this district's plan");
  if (p.version !== version)
    throw new AppError("conflict", "The plan changed since you opened it", { current: p.version });
  return { p, grant };
}

/** A plan that is still the district's current one (not superseded), locked while its parts change. */
export async function lockedCurrent(tx: Tx, id: number): Promise<Plan> {
  const [p] = await tx.select().from(exportPlans).where(eq(exportPlans.id, id)).for("update");
  if (!p) throw new AppError("not_found", "No such plan");
  if (p.state === "superseded")
    throw new AppError("conflict", "This version was revised: work on the current one", { state: p.state });
  return p;
}

/**
 * Marks the plan changed (its "last update") and has its printable copies rendered again by the job runner, in the
 * same transaction as the change: never inside the request.
 */
export async function planChanged(tx: Tx, planId: number, bumpVersion = false): Promise<void> {
  await tx
    .update(exportPlans)
    .set({
      updatedAt: sql`now()`,
      ...(bumpVersion ? { version: sql`${exportPlans.version} + 1` } : {}),
    })
    .where(eq(exportPlans.id, planId));
  await enqueuePlanPdf(tx, planId);
}
