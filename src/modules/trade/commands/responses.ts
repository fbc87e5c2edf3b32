import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { indiaDateTime } from "../../../platform/india-time";
import { enqueueMail } from "../../../platform/outbox";
import { nextState } from "../../../platform/workflow";
import { type Actor, authorize, mailboxOf, recordAudit, requireVerifiedActor } from "../../accounts";
import { producerSummary } from "../../producers";
import { tradeMail } from "../mail";
import { can } from "../policy";
import { maxRevisions, type ResponseTransition, responseFlow, rfqFlow } from "../rfq-flow";
import type { QuoteInput } from "../schemas";
import { orderEvents, orders, rfqMessages, rfqResponses, rfqs } from "../tables";
import {
  closeLiveResponses,
  invitationVars,
  linkTo,
  lockedRfq,
  type MailContext,
  tellProducers,
} from "./rfqs";

export type ResponseStep =
  | { transition: "quote" | "revise"; quote: QuoteInput }
  | { transition: "decline" | "accept" | "reject" | "approve"; version: number }
  | { transition: "refuse"; version: number; reason: string };

/** A producer's part with its RFQ and producer, both locked for this transaction. */
async function lockedResponse(tx: DbOrTx, id: number) {
  const [r] = await tx.select().from(rfqResponses).where(eq(rfqResponses.id, id)).for("update");
  if (!r) throw new AppError("not_found", "No such request");
  const rfq = await lockedRfq(tx, r.rfqId, null);
  const producer = await producerSummary(tx, r.producerId);
  if (!producer) throw new AppError("not_found", "No such producer");
  return {
    r,
    rfq,
    producer,
    ref: { ...producer, stateLgdCode: r.stateLgdCode, districtLgdCode: r.districtLgdCode },
  };
}

const permissionThing = (
  by: string,
  rfq: { buyerUserId: number },
  ref: Parameters<typeof can<"rfq:quote">>[2],
) => (by === "rfq:buy" ? rfq : ref);

/**
 * One step on a producer's part in an RFQ: the officer lets it through or refuses it; the producer quotes, revises
 * once or declines; the buyer accepts (the order is placed, every other part closes, contacts are exchanged) or
 * declines. One transaction each: the state, the audit row, the mail to the other side in its language.
 */
export async function respond(
  db: Db,
  actorOrNull: Actor | null,
  responseId: number,
  step: ResponseStep,
  mail: MailContext,
): Promise<{ orderId?: number }> {
  const actor = requireVerifiedActor(actorOrNull);
  const { transition } = step;
  return db.transaction(async (tx) => {
    const { r, rfq, producer, ref } = await lockedResponse(tx, responseId);
    const by = responseFlow[transition as ResponseTransition].by;
    if (by === "rfq:system") throw new AppError("forbidden", "The system's step");
    const grant = authorize(
      can(actor, by, permissionThing(by, rfq, ref) as never),
      `${transition} on this request`,
    );
    const version = "quote" in step ? step.quote.version : step.version;
    if (r.version !== version)
      throw new AppError("conflict", "The quote changed since you opened it", { current: r.version });
    if (rfq.state !== "open") throw new AppError("conflict", "The request is closed", { state: rfq.state });
    const to = nextState(responseFlow, transition, r.state);
    const today = indiaDateTime(new Date()).date;
    let changes: Partial<typeof rfqResponses.$inferInsert> = {};
    if (step.transition === "quote" || step.transition === "revise") {
      if (step.transition === "revise" && r.revisions >= maxRevisions)
        throw new AppError("conflict", "A quote is revised once at most", { reason: "revised" });
      if (step.quote.validUntil < today)
        throw new AppError("bad_request", "Valid until a past day", { field: "validUntil" });
      changes = {
        priceInr: step.quote.priceInr,
        quantity: step.quote.quantity,
        leadTimeDays: step.quote.leadTimeDays,
        validUntil: step.quote.validUntil,
        incoterm: step.quote.incoterm,
        notes: step.quote.notes ?? null,
        revisions: step.transition === "revise" ? r.revisions + 1 : r.revisions,
        firstQuotedAt: r.firstQuotedAt ?? new Date(),
      };
    }
    if (step.transition === "accept" && r.validUntil && r.validUntil < today)
      throw new AppError("conflict", "The quote is no longer valid", { reason: "quote_expired" });
    if (step.transition === "refuse") changes = { refusedReason: step.reason };
    await tx
      .update(rfqResponses)
      .set({ ...changes, state: to, version: sql`${rfqResponses.version} + 1`, updatedAt: sql`now()` })
      .where(eq(rfqResponses.id, responseId));
    let orderId: number | undefined;
    if (step.transition === "accept") {
      await tx
        .update(rfqs)
        .set({
          state: nextState(rfqFlow, "award", rfq.state),
          version: sql`${rfqs.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(rfqs.id, rfq.id));
      await closeLiveResponses(tx, rfq.id, "declined_by_buyer", rfq, mail);
      const [o] = await tx
        .insert(orders)
        .values({
          rfqId: rfq.id,
          responseId,
          buyerUserId: rfq.buyerUserId,
          producerId: producer.id,
          stateLgdCode: r.stateLgdCode,
          districtLgdCode: r.districtLgdCode,
          quantity: r.quantity ?? rfq.quantity,
          unit: rfq.unit,
          priceInr: r.priceInr ?? 0,
          incoterm: r.incoterm ?? rfq.incoterm,
          destinationCountry: rfq.destinationCountry,
          state: "placed",
          isDemo: rfq.isDemo,
        })
        .returning({ id: orders.id });
      orderId = (o as { id: number }).id;
      await tx
        .insert(orderEvents)
        .values({ orderId, state: "placed", happenedOn: today, byUserId: actor.userId });
    }
    await recordAudit(tx, actor, grant, {
      action: `rfq.${transition}`,
      entityType: "rfq",
      entityId: rfq.id,
      stateLgdCode: r.stateLgdCode,
      districtLgdCode: r.districtLgdCode,
      before: { producerId: producer.id, state: r.state },
      after: { state: to, ...changes, ...(orderId ? { orderId } : {}) },
    });
    // The other side hears of it.
    const vars = { subject: rfq.subject, producer: producer.name };
    if (step.transition === "approve")
      await tellProducers(tx, [producer.ownerUserId], "invited", invitationVars(rfq), mail, "/rfqs/inbox");
    if (step.transition === "accept" || step.transition === "reject")
      await tellProducers(
        tx,
        [producer.ownerUserId],
        step.transition === "accept" ? "accepted" : "rejected",
        vars,
        mail,
        orderId ? `/orders/${orderId}` : `/rfqs/responses/${responseId}`,
      );
    if (step.transition === "quote" || step.transition === "revise" || step.transition === "decline") {
      const buyer = await mailboxOf(tx, rfq.buyerUserId);
      const kind =
        step.transition === "quote"
          ? "quoted"
          : step.transition === "revise"
            ? "revised"
            : "declinedByProducer";
      if (buyer)
        await enqueueMail(
          tx,
          tradeMail(buyer.lang, kind, {
            to: buyer.email,
            link: linkTo(mail, `/rfqs/${rfq.id}`, buyer.lang),
            vars,
          }),
        );
    }
    return { orderId };
  });
}

/**
 * A message in the thread between the buyer and one producer, mailed to the other side in its language. Not while
 * the RFQ waits for the district's approval, nor after the officer refused it.
 */
export async function postMessage(
  db: Db,
  actorOrNull: Actor | null,
  responseId: number,
  body: string,
  mail: MailContext,
) {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { r, rfq, producer, ref } = await lockedResponse(tx, responseId);
    const asBuyer = can(actor, "rfq:buy", rfq);
    const grant = authorize(asBuyer ?? can(actor, "rfq:quote", ref), "write about this request");
    if (r.state === "held" || r.state === "refused")
      throw new AppError("conflict", "Not open for messages", { state: r.state });
    const side = asBuyer ? "buyer" : "producer";
    await tx.insert(rfqMessages).values({ responseId, fromUserId: actor.userId, side, body });
    await recordAudit(tx, actor, grant, {
      action: "rfq.message",
      entityType: "rfq",
      entityId: rfq.id,
      stateLgdCode: r.stateLgdCode,
      districtLgdCode: r.districtLgdCode,
      after: { side, length: body.length },
    });
    const to = await mailboxOf(tx, side === "buyer" ? producer.ownerUserId : rfq.buyerUserId);
    if (to)
      await enqueueMail(
        tx,
        tradeMail(to.lang, "message", {
          to: to.email,
          link: linkTo(
            mail,
            side === "buyer" ? `/rfqs/responses/${responseId}` : `/rfqs/${rfq.id}#response-${responseId}`,
            to.lang,
          ),
          vars: { subject: rfq.subject, from: side === "buyer" ? actor.name : producer.name, body },
        }),
      );
  });
}
