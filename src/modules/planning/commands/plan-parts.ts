import { and, asc, eq, like, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, recordAudit, requireVerifiedActor } from "../../accounts";
import { hsHeadings } from "../../catalog";
import { standardMeasures } from "../measures";
import { districtProducts } from "../queries/district-products";
import { planProducts, planTargets } from "../tables";
import { lockedForWriting, planAudit, planChanged } from "./plan-content";

/** What a draft's products section is given: an ODOP product of the district (by slug) or a named good or service. */
export type ProductEntry = {
  productSlug?: string;
  name?: string;
  hsHeadings: string[];
  markets: { country: string; why: string }[];
};

/** Only a draft's contents change: a circulated plan is called back first (409 otherwise). */
const draftOnly = (state: string) => {
  if (state !== "draft") throw new AppError("conflict", "Only a draft is changed", { state });
};

/**
 * Adds a product or service the plan covers, with its HS headings (each must be an HS 2022 heading: 400 on
 * `hsHeadings` otherwise) and target markets. An ODOP product must be one of the district's. Audited, 409 when stale.
 */
export async function addPlanProduct(
  db: Db,
  actorOrNull: Actor | null,
  planId: number,
  input: ProductEntry & { version: number },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { p, grant } = await lockedForWriting(tx, actor, planId, input.version);
    draftOnly(p.state);
    const known = new Set((await hsHeadings(tx, input.hsHeadings)).map((h) => h.code));
    const unknown = input.hsHeadings.filter((c) => !known.has(c));
    if (unknown.length)
      throw new AppError("bad_request", `Not HS 2022 headings: ${unknown.join(", ")}`, {
        field: "hsHeadings",
        codes: unknown,
      });
    let name = input.name ?? "";
    if (input.productSlug) {
      const product = (await districtProducts(tx, p.districtLgdCode)).find(
        (x) => x.slug === input.productSlug,
      );
      if (!product)
        throw new AppError("bad_request", "Not an ODOP product of the district", { field: "productSlug" });
      name = product.name;
    }
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(planProducts)
      .where(eq(planProducts.planId, planId));
    await tx.insert(planProducts).values({
      planId,
      productSlug: input.productSlug ?? null,
      name,
      hsHeadings: input.hsHeadings,
      markets: input.markets,
      position: n + 1,
    });
    await planChanged(tx, planId, true);
    await recordAudit(tx, actor, grant, {
      action: "plan.product",
      entityId: planId,
      ...planAudit(p),
      after: { name, hsHeadings: input.hsHeadings, markets: input.markets.map((m) => m.country) },
    });
  });
}

/** Takes a product off a draft. Audited, 409 when stale. */
export async function removePlanProduct(
  db: Db,
  actorOrNull: Actor | null,
  planId: number,
  productId: number,
  version: number,
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { p, grant } = await lockedForWriting(tx, actor, planId, version);
    draftOnly(p.state);
    const [gone] = await tx
      .delete(planProducts)
      .where(and(eq(planProducts.id, productId), eq(planProducts.planId, planId)))
      .returning();
    if (!gone) throw new AppError("not_found", "No such product in the plan");
    await planChanged(tx, planId, true);
    await recordAudit(tx, actor, grant, {
      action: "plan.productRemove",
      entityId: planId,
      ...planAudit(p),
      before: { name: gone.name },
    });
  });
}

/** Adds a measure of the district's own (label and unit) to a draft, with an empty target for each year. */
export async function addMeasure(
  db: Db,
  actorOrNull: Actor | null,
  planId: number,
  input: { version: number; label: string; unit: string },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { p, grant } = await lockedForWriting(tx, actor, planId, input.version);
    draftOnly(p.state);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(distinct ${planTargets.measure})::int` })
      .from(planTargets)
      .where(and(eq(planTargets.planId, planId), like(planTargets.measure, "custom:%")));
    const measure = `custom:${n + 1}`;
    const years = Array.from({ length: p.toYear - p.fromYear + 1 }, (_, i) => p.fromYear + i);
    await tx
      .insert(planTargets)
      .values(years.map((year) => ({ planId, measure, label: input.label, unit: input.unit, year })));
    await planChanged(tx, planId, true);
    await recordAudit(tx, actor, grant, {
      action: "plan.measure",
      entityId: planId,
      ...planAudit(p),
      after: { label: input.label, unit: input.unit },
    });
  });
}

export type TargetCell = { measure: string; year: number; value: number | null };

/**
 * Saves the targets table: a draft's targets, or an adopted plan's actuals (the targets are then what the committee
 * adopted and stay). Only the plan's years and measures are taken (400 on the cell otherwise). Audited, 409 when stale.
 */
export async function saveTargets(
  db: Db,
  actorOrNull: Actor | null,
  planId: number,
  input: { version: number; cells: TargetCell[] },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { p, grant } = await lockedForWriting(tx, actor, planId, input.version);
    const column = p.state === "draft" ? "target" : "actual";
    if (p.state !== "draft" && p.state !== "adopted" && p.state !== "in_implementation")
      throw new AppError("conflict", "Targets are set in a draft and actuals once adopted", {
        state: p.state,
      });
    const existing = await tx
      .select()
      .from(planTargets)
      .where(eq(planTargets.planId, planId))
      .orderBy(asc(planTargets.id));
    const custom = new Set(existing.filter((t) => t.measure.startsWith("custom:")).map((t) => t.measure));
    const before: Record<string, number | null> = {};
    const after: Record<string, number | null> = {};
    for (const cell of input.cells) {
      const key = `${cell.measure}:${cell.year}`;
      if (
        cell.year < p.fromYear ||
        cell.year > p.toYear ||
        !((standardMeasures as readonly string[]).includes(cell.measure) || custom.has(cell.measure))
      )
        throw new AppError("bad_request", `No such target: ${key}`, { field: key });
      const row = existing.find((t) => t.measure === cell.measure && t.year === cell.year);
      const was = row ? row[column] : null;
      if (was === cell.value) continue;
      before[key] = was;
      after[key] = cell.value;
      if (row)
        await tx
          .update(planTargets)
          .set({ [column]: cell.value })
          .where(eq(planTargets.id, row.id));
      else
        await tx.insert(planTargets).values({
          planId,
          measure: cell.measure,
          year: cell.year,
          [column]: cell.value,
        });
    }
    if (!Object.keys(after).length) return;
    await planChanged(tx, planId, true);
    await recordAudit(tx, actor, grant, {
      action: column === "target" ? "plan.targets" : "plan.actuals",
      entityId: planId,
      ...planAudit(p),
      before,
      after,
    });
  });
}
