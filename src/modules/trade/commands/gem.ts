import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, authorize, recordAudit, requireVerifiedActor } from "../../accounts";
import { producerSummary } from "../../producers";
import type { GemStatus } from "../kinds";
import { can } from "../policy";
import { gemOnboarding } from "../tables";

/**
 * A producer's GeM onboarding, set by the producer or its district's officer: its status and, once registered, the
 * GeM seller id. `version` 0 means "none yet"; another version than the stored one is a 409.
 */
export async function setGem(
  db: Db,
  actorOrNull: Actor | null,
  producerId: number,
  input: { status: GemStatus; sellerId?: string; version: number },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const producer = await producerSummary(db, producerId);
  if (producer?.status !== "verified") throw new AppError("not_found", "No such producer");
  const grant = authorize(can(actor, "gem:set", producer), "set this producer's GeM onboarding");
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(gemOnboarding)
      .where(eq(gemOnboarding.producerId, producerId))
      .for("update");
    if ((before?.version ?? 0) !== input.version)
      throw new AppError("conflict", "Changed meanwhile", { current: before?.version ?? 0 });
    const after = { status: input.status, sellerId: input.sellerId ?? null };
    const place = { stateLgdCode: producer.stateLgdCode, districtLgdCode: producer.districtLgdCode };
    if (before)
      await tx
        .update(gemOnboarding)
        .set({
          ...after,
          updatedBy: actor.userId,
          version: sql`${gemOnboarding.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(gemOnboarding.producerId, producerId));
    else await tx.insert(gemOnboarding).values({ producerId, ...place, ...after, updatedBy: actor.userId });
    await recordAudit(tx, actor, grant, {
      action: "gem.set",
      entityType: "producer",
      entityId: producerId,
      ...place,
      before: before ? { status: before.status, sellerId: before.sellerId } : null,
      after,
    });
  });
}
