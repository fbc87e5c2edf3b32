import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, mailboxOf, placeScope } from "../../accounts";
import { producerNames, producerSummary, producersOwnedBy } from "../../producers";
import { can } from "../policy";
import { buyers, orders, rfqApprovalDistricts, rfqMessages, rfqResponses, rfqs } from "../tables";

export type Rfq = typeof rfqs.$inferSelect;
export type RfqResponse = typeof rfqResponses.$inferSelect;
export type RfqMessage = typeof rfqMessages.$inferSelect;

/** The messages of some producers' threads, oldest first. */
async function threads(db: DbOrTx, responseIds: number[]): Promise<Map<number, RfqMessage[]>> {
  const out = new Map<number, RfqMessage[]>();
  if (responseIds.length === 0) return out;
  const rows = await db
    .select()
    .from(rfqMessages)
    .where(inArray(rfqMessages.responseId, responseIds))
    .orderBy(asc(rfqMessages.id));
  for (const m of rows) out.set(m.responseId, [...(out.get(m.responseId) ?? []), m]);
  return out;
}

/** A buyer's own RFQs, newest first, with how many producers were reached and how many quoted. */
export async function buyerRfqs(db: DbOrTx, actor: Actor) {
  return db
    .select({
      rfq: rfqs,
      reached: sql<number>`count(${rfqResponses.id})::int`,
      quoted: sql<number>`(count(*) filter (where ${rfqResponses.firstQuotedAt} is not null))::int`,
    })
    .from(rfqs)
    .leftJoin(rfqResponses, eq(rfqResponses.rfqId, rfqs.id))
    .where(eq(rfqs.buyerUserId, actor.userId))
    .groupBy(rfqs.id)
    .orderBy(desc(rfqs.createdAt))
    .limit(200);
}

/** An RFQ for its buyer: every producer's part (held ones shown only as waiting), each with its thread. 404 otherwise. */
export async function rfqForBuyer(db: DbOrTx, actor: Actor, id: number) {
  const [rfq] = await db.select().from(rfqs).where(eq(rfqs.id, id));
  if (!rfq || !can(actor, "rfq:buy", rfq)) throw new AppError("not_found", "No such request");
  const responses = await db
    .select()
    .from(rfqResponses)
    .where(eq(rfqResponses.rfqId, id))
    .orderBy(asc(rfqResponses.id));
  const [names, messages, order] = await Promise.all([
    producerNames(
      db,
      responses.map((r) => r.producerId),
    ),
    threads(
      db,
      responses.map((r) => r.id),
    ),
    db.select({ id: orders.id }).from(orders).where(eq(orders.rfqId, id)),
  ]);
  return { rfq, responses, names, messages, orderId: order[0]?.id ?? null };
}

/** The RFQs sent to a person's producers, newest first, with the producers' names: the producer's inbox. */
export async function producerInbox(db: DbOrTx, actor: Actor) {
  const mine = await producersOwnedBy(db, actor.userId);
  const names = new Map(mine.map((p) => [p.id, p.name]));
  if (mine.length === 0) return { rows: [], names };
  const rows = await db
    .select({ response: rfqResponses, rfq: rfqs })
    .from(rfqResponses)
    .innerJoin(rfqs, eq(rfqs.id, rfqResponses.rfqId))
    .where(
      and(
        inArray(
          rfqResponses.producerId,
          mine.map((p) => p.id),
        ),
        sql`${rfqResponses.state} not in ('held', 'refused')`,
      ),
    )
    .orderBy(desc(rfqResponses.createdAt))
    .limit(200);
  return { rows, names };
}

/**
 * One producer's part for the producer: the RFQ (the buyer's organisation and country, never its contact before a
 * quote is accepted), its own quote, the thread. 404 for anyone else, and while it waits for the officer.
 */
export async function responseForProducer(db: DbOrTx, actor: Actor, responseId: number) {
  const [row] = await db
    .select({ response: rfqResponses, rfq: rfqs })
    .from(rfqResponses)
    .innerJoin(rfqs, eq(rfqs.id, rfqResponses.rfqId))
    .where(eq(rfqResponses.id, responseId));
  const producer = row ? await producerSummary(db, row.response.producerId) : null;
  if (
    !row ||
    !producer ||
    !can(actor, "rfq:quote", producer) ||
    row.response.state === "held" ||
    row.response.state === "refused"
  )
    throw new AppError("not_found", "No such request");
  const [buyer] = await db
    .select({ organisation: buyers.organisation, country: buyers.country })
    .from(buyers)
    .where(eq(buyers.ownerUserId, row.rfq.buyerUserId));
  const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.responseId, responseId));
  return {
    ...row,
    producer,
    buyer: buyer ?? null,
    messages: (await threads(db, [responseId])).get(responseId) ?? [],
    orderId: order?.id ?? null,
  };
}

/** The parts held for an officer's approval in its scope, oldest first, with their RFQs. */
export async function heldForOfficer(db: DbOrTx, actor: Actor) {
  if (!can(actor, "listing:moderate-queue", null))
    throw new AppError("forbidden", "Not allowed: approve RFQs");
  const scope = placeScope(actor, ["national_admin", "state_officer", "district_officer"]);
  const rows = await db
    .select({ response: rfqResponses, rfq: rfqs })
    .from(rfqResponses)
    .innerJoin(rfqs, eq(rfqs.id, rfqResponses.rfqId))
    .where(
      and(
        eq(rfqResponses.state, "held"),
        scope.all
          ? undefined
          : or(
              inArray(rfqResponses.stateLgdCode, scope.states.length ? scope.states : [-1]),
              inArray(rfqResponses.districtLgdCode, scope.districts.length ? scope.districts : [-1]),
            ),
      ),
    )
    .orderBy(asc(rfqResponses.createdAt))
    .limit(200);
  return {
    rows,
    names: await producerNames(
      db,
      rows.map((r) => r.response.producerId),
    ),
  };
}

/** The districts (of these) whose officer approves RFQs first. */
export async function approvingDistricts(db: DbOrTx, codes: number[]): Promise<Set<number>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ d: rfqApprovalDistricts.districtLgdCode })
    .from(rfqApprovalDistricts)
    .where(inArray(rfqApprovalDistricts.districtLgdCode, codes));
  return new Set(rows.map((r) => r.d));
}

/** What a producer may know of a buyer once its quote is accepted: organisation, country, address to write to. */
export async function buyerContact(db: DbOrTx, userId: number) {
  const [b] = await db
    .select({ organisation: buyers.organisation, country: buyers.country })
    .from(buyers)
    .where(eq(buyers.ownerUserId, userId));
  const mailbox = await mailboxOf(db, userId);
  return { organisation: b?.organisation ?? "", country: b?.country ?? "", email: mailbox?.email ?? "" };
}

/** An RFQ for its buyer, reached from one of its producers' parts (404 for anyone else). */
export async function rfqOfResponse(db: DbOrTx, actor: Actor, responseId: number) {
  const [r] = await db
    .select({ rfqId: rfqResponses.rfqId })
    .from(rfqResponses)
    .where(eq(rfqResponses.id, responseId));
  if (!r) throw new AppError("not_found", "No such request");
  return rfqForBuyer(db, actor, r.rfqId);
}
