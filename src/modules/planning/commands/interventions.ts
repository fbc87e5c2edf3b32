import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, authorize, recordAudit, requireVerifiedActor } from "../../accounts";
import { decisionsOfDistrict } from "../../committees";
import type { InterventionStatus } from "../bottleneck-flow";
import { can } from "../policy";
import { exportPlans, interventionEvents, interventions } from "../tables";
import { lockedCurrent, planAudit, planChanged } from "./plan-content";

/**
 * Adds an intervention (no parent) or one of its actions (parent: an intervention of the same plan) to a current plan:
 * its district's officer writes it. An action may carry out a published decision of the district's committee (400 on
 * `decisionId` otherwise). Audited.
 */
export async function addIntervention(
  db: Db,
  actorOrNull: Actor | null,
  planId: number,
  input: {
    parentId?: number;
    title: string;
    owner: string;
    startsOn: string;
    endsOn: string;
    weight: number;
    decisionId?: number;
  },
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  return db.transaction(async (tx) => {
    const p = await lockedCurrent(tx, planId);
    const grant = authorize(can(actor, "plan:write", p), "write this district's plan");
    if (input.parentId) {
      const [parent] = await tx
        .select()
        .from(interventions)
        .where(and(eq(interventions.id, input.parentId), eq(interventions.planId, planId)));
      // Two levels, as the programme writes them: an intervention and its actions.
      if (!parent || parent.parentId !== null)
        throw new AppError("bad_request", "Not an intervention of this plan", { field: "parentId" });
    }
    if (input.decisionId) {
      const decision = (await decisionsOfDistrict(tx, p.districtLgdCode)).find(
        (d) => d.id === input.decisionId,
      );
      if (!decision?.published)
        throw new AppError("bad_request", "Not a published decision of the district's DEPC", {
          field: "decisionId",
        });
    }
    const [row] = await tx
      .insert(interventions)
      .values({ planId, ...input, parentId: input.parentId ?? null, decisionId: input.decisionId ?? null })
      .returning({ id: interventions.id });
    const id = (row as { id: number }).id;
    await planChanged(tx, planId);
    await recordAudit(tx, actor, grant, {
      action: "plan.intervention",
      entityId: planId,
      ...planAudit(p),
      after: { intervention: id, ...input },
    });
    return id;
  });
}

/**
 * Reports an action's progress (0–100) and status once the plan is adopted, with a note on its timeline. Only a leaf
 * is reported: an intervention with actions takes theirs. Audited, 409 when stale or the plan not adopted.
 */
export async function reportProgress(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: { version: number; progress: number; status: InterventionStatus; note?: string },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const [i] = await tx.select().from(interventions).where(eq(interventions.id, id)).for("update");
    if (!i) throw new AppError("not_found", "No such intervention");
    const [p] = await tx.select().from(exportPlans).where(eq(exportPlans.id, i.planId));
    if (!p) throw new AppError("not_found", "No such plan");
    const grant = authorize(can(actor, "plan:write", p), "report on this district's plan");
    if (i.version !== input.version)
      throw new AppError("conflict", "The action changed since you opened it", { current: i.version });
    if (p.state !== "adopted" && p.state !== "in_implementation")
      throw new AppError("conflict", "Progress is reported on an adopted plan", { state: p.state });
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(interventions)
      .where(eq(interventions.parentId, id));
    if (n > 0)
      throw new AppError("bad_request", "An intervention with actions takes its progress from them", {
        field: "progress",
      });
    const progress = input.status === "done" ? 100 : input.progress;
    await tx
      .update(interventions)
      .set({
        progress,
        status: input.status,
        version: sql`${interventions.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(interventions.id, id));
    await tx.insert(interventionEvents).values({
      interventionId: id,
      progress,
      status: input.status,
      note: input.note ?? "",
      byName: actor.name,
    });
    await planChanged(tx, i.planId);
    await recordAudit(tx, actor, grant, {
      action: "plan.progress",
      entityId: i.planId,
      ...planAudit(p),
      before: { intervention: id, progress: i.progress, status: i.status },
      after: { intervention: id, progress, status: input.status },
    });
  });
}
