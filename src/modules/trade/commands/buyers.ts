import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, addGrant, recordAudit, requireActor } from "../../accounts";
import type { BuyerInput } from "../schemas";
import { buyers } from "../tables";

/** Creates or (naming its version) updates the actor's buyer profile; the first save gives the buyer role. */
export async function saveBuyer(
  db: Db,
  actorOrNull: Actor | null,
  input: BuyerInput,
  version: number | null,
  opts: { isDemo?: boolean } = {},
): Promise<void> {
  const actor = requireActor(actorOrNull);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(buyers).where(eq(buyers.ownerUserId, actor.userId)).for("update");
    if (!before) {
      const [row] = await tx
        .insert(buyers)
        .values({ ...input, ownerUserId: actor.userId, isDemo: opts.isDemo ?? actor.isDemo })
        .returning({ id: buyers.id });
      await recordAudit(tx, actor, null, {
        action: "buyer.register",
        entityType: "buyer",
        entityId: (row as { id: number }).id,
        after: input,
      });
      if (!actor.grants.some((g) => g.role === "buyer"))
        await addGrant(tx, actor, null, actor.userId, "buyer", { stateLgdCode: null, districtLgdCode: null });
      return;
    }
    if (version !== before.version)
      throw new AppError("conflict", "Someone changed this profile meanwhile", { current: before.version });
    await tx
      .update(buyers)
      .set({ ...input, version: sql`${buyers.version} + 1`, updatedAt: sql`now()` })
      .where(eq(buyers.id, before.id));
    await recordAudit(tx, actor, null, {
      action: "buyer.update",
      entityType: "buyer",
      entityId: before.id,
      before: { organisation: before.organisation, country: before.country, interests: before.interests },
      after: input,
    });
  });
}
