import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { normalizeName } from "../../../platform/text";
import { nextState } from "../../../platform/workflow";
import { type Actor, authorize, type Grant, recordAudit, requireVerifiedActor } from "../../accounts";
import { decisionsOfDistrict } from "../../committees";
import { getDistrict } from "../../geo";
import { proposalFlow } from "../proposals/flow";
import type { ProposalEvent } from "../proposals/mail";
import { can } from "../proposals/policy";
import type { ProposalInput } from "../proposals/schemas";
import { liveRevision } from "../queries/registry";
import { giRegistrations, hsCodes, productProposals, products, proposalSteps, sectors } from "../tables";
import { type MailContext, tell } from "./proposal-mail";
import { type ProposalRow, takeStep } from "./proposal-steps";
import { applyToDraft, lockedDraft, publisherGrant, touchDraft } from "./revisions";

const bad = (field: string, reason: string) => new AppError("bad_request", reason, { field, reason });

/** Proposals that are still moving: a second one on the same product (or name) would cross it. */
const open = ["with_state", "with_nation", "returned", "accepted"] as const;

/**
 * Checks a proposal against the data, naming the field at fault: the product must be one of this district's in the
 * live list; the sector, HS heading (4 digits of HS 2022), GI registration and DEPC decision must exist (the decision
 * of this district's committee); an addition must not be listed already; nothing else may be moving on the same
 * product. Returns the place and the product it concerns.
 */
async function checked(tx: Tx, input: ProposalInput, self?: number) {
  const district = await getDistrict(tx, input.districtLgdCode);
  if (!district) throw bad("districtLgdCode", "unknownDistrict");
  const live = await liveRevision(tx);
  if (!live) throw new AppError("conflict", "There is no live list to propose against");
  const inDistrict = (where: ReturnType<typeof eq>) =>
    tx
      .select({ slug: products.slug, name: products.name })
      .from(products)
      .where(and(eq(products.revisionId, live.id), eq(products.districtLgdCode, district.lgdCode), where));
  const [product] = input.kind === "add" ? [] : await inDistrict(eq(products.slug, input.productSlug ?? ""));
  if (input.kind !== "add" && !product) throw bad("productSlug", "notInDistrict");
  if (
    input.name &&
    (input.kind === "add" || normalizeName(input.name) !== normalizeName(product?.name ?? ""))
  ) {
    const [same] = await inDistrict(eq(products.nameNorm, normalizeName(input.name)));
    if (same) throw bad("name", "alreadyListed");
  }
  if (input.sectorCode) {
    const [s] = await tx
      .select({ code: sectors.code })
      .from(sectors)
      .where(eq(sectors.code, input.sectorCode));
    if (!s) throw bad("sectorCode", "unknownSector");
  }
  if (input.hsHeading) {
    const [h] = await tx
      .select({ code: hsCodes.code })
      .from(hsCodes)
      .where(and(eq(hsCodes.code, input.hsHeading), eq(hsCodes.level, 4)));
    if (!h) throw bad("hsHeading", "unknownHs");
  }
  if (input.giId) {
    const [g] = await tx
      .select({ id: giRegistrations.id })
      .from(giRegistrations)
      .where(eq(giRegistrations.id, input.giId));
    if (!g) throw bad("giId", "unknownGi");
  }
  if (
    input.decisionId &&
    !(await decisionsOfDistrict(tx, district.lgdCode)).some((d) => d.id === input.decisionId)
  )
    throw bad("decisionId", "unknownDecision");
  const crossing = await tx
    .select({ id: productProposals.id })
    .from(productProposals)
    .where(
      and(
        eq(productProposals.districtLgdCode, district.lgdCode),
        inArray(productProposals.state, [...open]),
        self ? ne(productProposals.id, self) : undefined,
        input.kind === "add"
          ? sql`lower(${productProposals.name}) = lower(${input.name ?? ""}) and ${productProposals.kind} = 'add'`
          : eq(productProposals.productSlug, input.productSlug ?? ""),
      ),
    );
  if (crossing.length) throw bad(input.kind === "add" ? "name" : "productSlug", "openProposal");
  return { district, product: product ?? null };
}

const fieldsOf = (input: ProposalInput) => ({
  kind: input.kind,
  productSlug: input.kind === "add" ? null : (input.productSlug ?? null),
  name: input.kind === "remove" ? null : (input.name ?? null),
  nameHi: input.kind === "remove" ? null : (input.nameHi ?? null),
  sectorCode: input.kind === "remove" ? null : (input.sectorCode ?? null),
  hsHeading: input.kind === "remove" ? null : (input.hsHeading ?? null),
  rank: input.kind === "remove" ? null : (input.rank ?? null),
  basis: input.basis,
  producersAndUnits: input.producersAndUnits ?? null,
  production: input.production ?? null,
  giId: input.giId ?? null,
  evidence: input.evidence ?? null,
  decisionId: input.decisionId ?? null,
});

/** A district officer proposes, for its own district; its State's officers are told. Audited. */
export async function submitProposal(
  db: Db,
  actorOrNull: Actor | null,
  input: ProposalInput,
  opts: { mail?: MailContext; isDemo?: boolean } = {},
): Promise<number> {
  const actor = requireVerifiedActor(actorOrNull);
  const district = await getDistrict(db, input.districtLgdCode);
  if (!district) throw bad("districtLgdCode", "unknownDistrict");
  const place = { stateLgdCode: district.stateLgdCode, districtLgdCode: district.lgdCode };
  const grant = authorize(can(actor, "proposal:submit", place), "propose for this district");
  return db.transaction(async (tx) => {
    await checked(tx, input);
    const [row] = await tx
      .insert(productProposals)
      .values({
        ...fieldsOf(input),
        ...place,
        state: nextState(proposalFlow, "submit", "new"),
        proposedBy: actor.userId,
        isDemo: opts.isDemo ?? false,
      })
      .returning();
    const p = row as ProposalRow;
    await tx.insert(proposalSteps).values({
      proposalId: p.id,
      transition: "submit",
      toState: p.state,
      actorUserId: actor.userId,
      actorRole: grant.role,
    });
    await recordAudit(tx, actor, grant, {
      action: "proposal.submit",
      entityType: "product_proposal",
      entityId: p.id,
      ...place,
      after: fieldsOf(input),
    });
    await tell(tx, "submitted", p, opts.mail);
    return p.id;
  });
}

/** The proposal, locked, at the version it was opened at (409 when stale), with the grant for `permission`. */
async function locked(
  tx: Tx,
  actor: Actor,
  id: number,
  version: number,
  permission: Parameters<typeof can>[1],
) {
  const [p] = await tx.select().from(productProposals).where(eq(productProposals.id, id)).for("update");
  if (!p) throw new AppError("not_found", "No such proposal");
  const grant: Grant =
    permission === "revision:publish" || permission === "proposal:accept"
      ? publisherGrant(actor)
      : authorize(can(actor, permission, p), "act on this proposal");
  if (p.version !== version)
    throw new AppError("conflict", "The proposal changed since you opened it", { current: p.version });
  return { p, grant };
}

/** The district corrects a returned proposal and sends it again to its State. Audited, 409 when stale. */
export async function resubmitProposal(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  version: number,
  input: ProposalInput,
  opts: { mail?: MailContext } = {},
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { p, grant } = await locked(tx, actor, id, version, "proposal:submit");
    if (input.districtLgdCode !== p.districtLgdCode) throw bad("districtLgdCode", "otherDistrict");
    await checked(tx, input, p.id);
    const after = await takeStep(tx, actor, grant, p, "resubmit", { set: fieldsOf(input) });
    await tell(tx, "submitted", after, opts.mail);
  });
}

export type Step = "forward" | "returnByState" | "accept" | "returnByNation" | "withdraw";
const permissionOf = {
  forward: "proposal:forward",
  returnByState: "proposal:forward",
  accept: "proposal:accept",
  returnByNation: "proposal:accept",
  withdraw: "proposal:submit",
} as const;
const eventOf: Record<Step, ProposalEvent> = {
  forward: "forwarded",
  returnByState: "returned",
  accept: "accepted",
  returnByNation: "returned",
  withdraw: "withdrawn",
};

/**
 * One step by the State (forward, return), the nation (accept, return) or the district (withdraw). A return needs
 * its reason (400 on `reason`), which the district sees. Accepting applies the proposal to the draft revision in the
 * same transaction. Each is audited, mailed, and a 409 when stale or out of turn.
 */
export async function stepProposal(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: { version: number; step: Step; reason?: string },
  opts: { mail?: MailContext } = {},
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  const returning = input.step === "returnByState" || input.step === "returnByNation";
  if (returning && (input.reason ?? "").trim().length < 5) throw bad("reason", "reasonRequired");
  await db.transaction(async (tx) => {
    const { p, grant } = await locked(tx, actor, id, input.version, permissionOf[input.step]);
    let set: Partial<typeof productProposals.$inferInsert> = {};
    if (input.step === "accept") {
      // Check the state first: a proposal not with the nation must not touch the draft.
      nextState(proposalFlow, "accept", p.state);
      const draft = await lockedDraft(tx);
      await applyToDraft(tx, draft.id, p);
      await touchDraft(tx, draft.id);
      set = { revisionId: draft.id };
    }
    const after = await takeStep(tx, actor, grant, p, input.step, {
      reason: returning ? (input.reason ?? null) : undefined,
      set,
    });
    await tell(tx, eventOf[input.step], after, opts.mail);
  });
}
