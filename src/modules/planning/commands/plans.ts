import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db";
import { AppError, isUniqueViolation } from "../../../platform/errors";
import { enqueueMail } from "../../../platform/outbox";
import { nextState } from "../../../platform/workflow";
import {
  type Actor,
  authorize,
  mailboxOf,
  officersFor,
  recordAudit,
  requireVerifiedActor,
} from "../../accounts";
import { decisionsOfDistrict, depcMemberAccounts } from "../../committees";
import { getDistrict } from "../../geo";
import { type PlanSection, type PlanTransition, planFlow } from "../flow";
import { planMail } from "../mail";
import { can, mayComment } from "../policy";
import { bottlenecks, exportPlans, interventions, planComments, planProducts, planTargets } from "../tables";
import { planAudit as audit, lockedForWriting, type Plan, planChanged } from "./plan-content";

export type MailContext = { origin: string };

/** A district officer starts its district's plan for a period (one current plan per district and period: 409). */
export async function createPlan(
  db: Db,
  actorOrNull: Actor | null,
  input: { districtLgdCode: number; fromYear: number; toYear: number; strategy?: string },
  opts: { isDemo?: boolean } = {},
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  const district = await getDistrict(db, input.districtLgdCode);
  if (!district) throw new AppError("bad_request", "No such district", { field: "districtLgdCode" });
  const place = { stateLgdCode: district.stateLgdCode, districtLgdCode: district.lgdCode };
  const grant = authorize(can(actor, "plan:write", place), "write this district's plan");
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(exportPlans)
        .values({
          ...place,
          fromYear: input.fromYear,
          toYear: input.toYear,
          strategy: input.strategy ?? "",
          state: nextState(planFlow, "create", "new"),
          createdBy: actor.userId,
          isDemo: opts.isDemo ?? false,
        })
        .returning({ id: exportPlans.id });
      const id = (row as { id: number }).id;
      await recordAudit(tx, actor, grant, {
        action: "plan.create",
        entityId: id,
        ...audit(place),
        after: { fromYear: input.fromYear, toYear: input.toYear },
      });
      return id;
    })
    .catch((err) => {
      if (isUniqueViolation(err))
        throw new AppError("conflict", "The district has a plan for this period", { field: "fromYear" });
      throw err;
    });
}

/** Changes a draft's strategy (only a draft is edited: a circulated plan is called back first). Audited, 409. */
export async function editPlan(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: { version: number; strategy: string },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { p, grant } = await lockedForWriting(tx, actor, id, input.version);
    if (p.state !== "draft") throw new AppError("conflict", "Only a draft is edited", { state: p.state });
    await tx
      .update(exportPlans)
      .set({ strategy: input.strategy, version: sql`${exportPlans.version} + 1`, updatedAt: sql`now()` })
      .where(eq(exportPlans.id, id));
    await recordAudit(tx, actor, grant, {
      action: "plan.edit",
      entityId: id,
      ...audit(p),
      before: { strategy: p.strategy },
      after: { strategy: input.strategy },
    });
  });
}

/** Tells people of a step, each in their language: the committee on circulation, the State on adoption. */
async function tell(tx: Tx, p: Plan, step: "circulated" | "adopted", mail: MailContext | undefined) {
  if (!mail) return;
  const district = await getDistrict(tx, p.districtLgdCode);
  const to =
    step === "circulated"
      ? (
          await Promise.all((await depcMemberAccounts(tx, p.districtLgdCode)).map((u) => mailboxOf(tx, u)))
        ).filter((m) => m !== null)
      : await officersFor(tx, "state_officer", p);
  for (const person of to)
    await enqueueMail(
      tx,
      planMail(person.lang, step, {
        to: person.email,
        planId: p.id,
        district: { en: district?.nameEn ?? "", hi: district?.nameHi ?? district?.nameEn ?? "" },
        years: [p.fromYear, p.toYear],
        origin: mail.origin,
      }),
    );
}

export type PlanStep = Exclude<PlanTransition, "create" | "revise">;

/**
 * Moves the plan one step: circulate it for comments (the committee is told), call it back, adopt it against a
 * decision of the district's DEPC in published minutes (400 on `decisionId` otherwise; the State is told), or mark it
 * in implementation. Audited, 409 when stale or out of turn.
 */
export async function movePlan(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: { version: number; step: PlanStep; decisionId?: number },
  opts: { mail?: MailContext } = {},
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { p, grant } = await lockedForWriting(tx, actor, id, input.version);
    const to = nextState(planFlow, input.step, p.state);
    if (input.step === "adopt") {
      const decision = (await decisionsOfDistrict(tx, p.districtLgdCode)).find(
        (d) => d.id === input.decisionId,
      );
      if (!decision?.published)
        throw new AppError("bad_request", "Not a published decision of the district's DEPC", {
          field: "decisionId",
        });
    }
    const [after] = await tx
      .update(exportPlans)
      .set({
        state: to,
        ...(input.step === "adopt" ? { decisionId: input.decisionId, adoptedAt: sql`now()` } : {}),
        version: sql`${exportPlans.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(exportPlans.id, id))
      .returning();
    await recordAudit(tx, actor, grant, {
      action: `plan.${input.step}`,
      entityId: id,
      ...audit(p),
      before: { state: p.state },
      after: { state: to, ...(input.decisionId ? { decisionId: input.decisionId } : {}) },
    });
    await planChanged(tx, id);
    if (input.step === "circulate") await tell(tx, after as Plan, "circulated", opts.mail);
    if (input.step === "adopt") await tell(tx, after as Plan, "adopted", opts.mail);
  });
}

/**
 * Revises an adopted plan: it is superseded (and stays readable) by a new draft version with its strategy, for the
 * same period. Returns the new version's id. Audited, 409 when stale or not adopted.
 */
export async function revisePlan(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  version: number,
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  return db.transaction(async (tx) => {
    const { p, grant } = await lockedForWriting(tx, actor, id, version);
    const superseded = nextState(planFlow, "revise", p.state);
    await tx
      .update(exportPlans)
      .set({ state: superseded, version: sql`${exportPlans.version} + 1`, updatedAt: sql`now()` })
      .where(eq(exportPlans.id, id));
    const [row] = await tx
      .insert(exportPlans)
      .values({
        stateLgdCode: p.stateLgdCode,
        districtLgdCode: p.districtLgdCode,
        fromYear: p.fromYear,
        toYear: p.toYear,
        versionNo: p.versionNo + 1,
        revisesId: p.id,
        state: nextState(planFlow, "create", "new"),
        strategy: p.strategy,
        createdBy: actor.userId,
        isDemo: p.isDemo,
      })
      .returning({ id: exportPlans.id });
    const next = (row as { id: number }).id;
    await copyParts(tx, p.id, next);
    await planChanged(tx, next);
    await recordAudit(tx, actor, grant, {
      action: "plan.revise",
      entityId: id,
      ...audit(p),
      before: { state: p.state },
      after: { state: superseded, newVersion: next },
    });
    return next;
  });
}

/**
 * A comment on a circulated plan, by one of its readers or a member of the district's committee. Audited (a member
 * as itself). 409 when the plan is not circulated, 403 for anyone else.
 */
export async function commentOnPlan(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: { section: PlanSection; body: string },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const [p] = await tx.select().from(exportPlans).where(eq(exportPlans.id, id));
    if (!p) throw new AppError("not_found", "No such plan");
    const member = (await depcMemberAccounts(tx, p.districtLgdCode)).includes(actor.userId);
    const may = mayComment(actor, p, member);
    if (!may) throw new AppError("forbidden", "Not allowed: comment on this plan");
    if (p.state !== "circulated")
      throw new AppError("conflict", "Comments are taken while the plan is circulated", { state: p.state });
    const [row] = await tx
      .insert(planComments)
      .values({ planId: id, authorUserId: actor.userId, authorName: actor.name, ...input })
      .returning({ id: planComments.id });
    await recordAudit(tx, actor, may.grant, {
      action: "plan.comment",
      entityId: id,
      ...audit(p),
      after: { comment: (row as { id: number }).id, section: input.section },
    });
  });
}

/**
 * A new version starts from the one it revises: its products, targets (with actuals) and interventions with their
 * progress are copied; bottlenecks not yet resolved move to it (resolved ones stay on the version they were solved in).
 */
async function copyParts(tx: Tx, from: number, to: number): Promise<void> {
  await tx.execute(sql`
    insert into ${planProducts} (plan_id, product_slug, name, hs_headings, markets, position)
    select ${to}, product_slug, name, hs_headings, markets, position from ${planProducts} where plan_id = ${from}`);
  await tx.execute(sql`
    insert into ${planTargets} (plan_id, measure, label, unit, year, target, actual)
    select ${to}, measure, label, unit, year, target, actual from ${planTargets} where plan_id = ${from}`);
  const tree = await tx.select().from(interventions).where(eq(interventions.planId, from));
  const ids = new Map<number, number>();
  // Parents first, so that each action finds its parent's new id.
  for (const i of [...tree].sort((a, b) => (a.parentId === null ? 0 : 1) - (b.parentId === null ? 0 : 1))) {
    const { id, planId: _, parentId, version: __, updatedAt: ___, ...rest } = i;
    const [row] = await tx
      .insert(interventions)
      .values({ ...rest, planId: to, parentId: parentId === null ? null : (ids.get(parentId) ?? null) })
      .returning({ id: interventions.id });
    ids.set(id, (row as { id: number }).id);
  }
  await tx
    .update(bottlenecks)
    .set({ planId: to })
    .where(and(eq(bottlenecks.planId, from), ne(bottlenecks.status, "resolved")));
}
