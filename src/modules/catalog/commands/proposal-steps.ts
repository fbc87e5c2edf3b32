import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db";
import { nextState } from "../../../platform/workflow";
import { type Actor, type Grant, recordAudit } from "../../accounts";
import { type ProposalTransition, proposalFlow } from "../proposals/flow";
import { productProposals, proposalSteps } from "../tables";

export type ProposalRow = typeof productProposals.$inferSelect;

/**
 * Takes one step of a proposal's flow inside the caller's transaction: the state it leads to (409 if the proposal is
 * not in a state for it), the new version, the step in its history and the audit row. `set` carries what else the
 * step changes (the reason of a return, the draft it was applied to).
 */
export async function takeStep(
  tx: Tx,
  actor: Actor,
  grant: Grant,
  p: ProposalRow,
  transition: ProposalTransition,
  opts: { reason?: string | null; set?: Partial<typeof productProposals.$inferInsert> } = {},
): Promise<ProposalRow> {
  const to = nextState(proposalFlow, transition, p.state);
  const [row] = await tx
    .update(productProposals)
    .set({
      ...opts.set,
      state: to,
      ...(opts.reason !== undefined ? { reason: opts.reason } : {}),
      version: sql`${productProposals.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(productProposals.id, p.id))
    .returning();
  await tx.insert(proposalSteps).values({
    proposalId: p.id,
    transition,
    toState: to,
    actorUserId: actor.userId,
    actorRole: grant.role,
    reason: opts.reason ?? null,
  });
  await recordAudit(tx, actor, grant, {
    action: `proposal.${transition}`,
    entityType: "product_proposal",
    entityId: p.id,
    stateLgdCode: p.stateLgdCode,
    districtLgdCode: p.districtLgdCode,
    before: { state: p.state },
    after: { state: to, ...(opts.reason ? { reason: opts.reason } : {}), ...(opts.set ?? {}) },
  });
  return row as ProposalRow;
}
