import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { indiaDateTime } from "../../../platform/india-time";
import { enqueueMail } from "../../../platform/outbox";
import { nextState } from "../../../platform/workflow";
import {
  type Actor,
  authorize,
  type Grant,
  mailboxOf,
  recordAudit,
  requireVerifiedActor,
} from "../../accounts";
import { producerSummary } from "../../producers";
import { tradeMail } from "../mail";
import { type OrderTransition, orderFlow } from "../order-flow";
import { can } from "../policy";
import { orderEvents, orderRatings, orders, rfqs } from "../tables";
import { linkTo, type MailContext } from "./rfqs";

/** An order locked for this transaction, its RFQ's subject, and the side the actor is on (or a 404). */
async function lockedOrder(tx: DbOrTx, actor: Actor, id: number) {
  const [o] = await tx.select().from(orders).where(eq(orders.id, id)).for("update");
  const producer = o ? await producerSummary(tx, o.producerId) : null;
  if (!o || !producer) throw new AppError("not_found", "No such order");
  const [rfq] = await tx.select({ subject: rfqs.subject }).from(rfqs).where(eq(rfqs.id, o.rfqId));
  const ref = { ...producer, stateLgdCode: o.stateLgdCode, districtLgdCode: o.districtLgdCode };
  const seller = can(actor, "order:sell", ref);
  const buyer = can(actor, "order:buy", o);
  if (!seller && !buyer) throw new AppError("not_found", "No such order");
  return { o, producer, subject: rfq?.subject ?? "", seller, buyer };
}

/**
 * A milestone of an order, with the day it happened: the producer's (sample sent, produced, shipped), the buyer's
 * (confirmed, delivered), either's (cancel). The day is today or earlier, not before the order. Told to the other side.
 */
export async function stepOrder(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  transition: OrderTransition,
  input: { happenedOn: string; note?: string; version: number },
  mail: MailContext,
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { o, producer, subject, seller, buyer } = await lockedOrder(tx, actor, id);
    const by = orderFlow[transition].by;
    const grant: Grant = authorize(
      by === "order:sell" ? seller : by === "order:buy" ? buyer : (seller ?? buyer),
      `${transition} this order`,
    );
    if (o.version !== input.version)
      throw new AppError("conflict", "The order changed since you opened it", { current: o.version });
    const to = nextState(orderFlow, transition, o.state);
    const today = indiaDateTime(new Date()).date;
    const placedOn = indiaDateTime(o.createdAt).date;
    if (input.happenedOn > today || input.happenedOn < placedOn)
      throw new AppError("bad_request", "Between the order's day and today", { field: "happenedOn" });
    await tx
      .update(orders)
      .set({ state: to, version: sql`${orders.version} + 1`, updatedAt: sql`now()` })
      .where(eq(orders.id, id));
    await tx.insert(orderEvents).values({
      orderId: id,
      state: to,
      happenedOn: input.happenedOn,
      note: input.note ?? null,
      byUserId: actor.userId,
    });
    await recordAudit(tx, actor, grant, {
      action: `order.${transition}`,
      entityType: "order",
      entityId: id,
      stateLgdCode: o.stateLgdCode,
      districtLgdCode: o.districtLgdCode,
      before: { state: o.state },
      after: { state: to, happenedOn: input.happenedOn },
    });
    const other = await mailboxOf(tx, seller ? o.buyerUserId : producer.ownerUserId);
    if (other)
      await enqueueMail(
        tx,
        tradeMail(other.lang, "order", {
          to: other.email,
          link: linkTo(mail, `/orders/${id}`, other.lang),
          vars: { subject, step: orderStepWord(other.lang, to), date: input.happenedOn },
        }),
      );
  });
}

const stepWords = {
  en: {
    placed: "placed",
    sample_sent: "sample sent",
    confirmed: "confirmed",
    produced: "produced",
    shipped: "shipped",
    delivered: "delivered",
    cancelled: "cancelled",
  },
  hi: {
    placed: "दर्ज",
    sample_sent: "नमूना भेजा",
    confirmed: "पुष्ट",
    produced: "तैयार",
    shipped: "भेजा गया",
    delivered: "पहुँचा",
    cancelled: "रद्द",
  },
} as const;
export const orderStepWord = (lang: "en" | "hi", state: keyof (typeof stepWords)["en"]) =>
  stepWords[lang][state];

/** Once delivered, each side rates the other once (1–5 stars and a comment); a second rating is a 409. */
export async function rateOrder(
  db: Db,
  actorOrNull: Actor | null,
  id: number,
  input: { stars: number; comment?: string },
): Promise<void> {
  const actor = requireVerifiedActor(actorOrNull);
  await db.transaction(async (tx) => {
    const { o, seller, buyer } = await lockedOrder(tx, actor, id);
    const grant = authorize(buyer ?? seller, "rate this order");
    if (o.state !== "delivered") throw new AppError("conflict", "Rated once delivered", { state: o.state });
    const side = buyer ? "buyer" : "producer";
    const [done] = await tx
      .select({ id: orderRatings.id })
      .from(orderRatings)
      .where(and(eq(orderRatings.orderId, id), eq(orderRatings.side, side)));
    if (done) throw new AppError("conflict", "Already rated", { reason: "rated" });
    await tx.insert(orderRatings).values({
      orderId: id,
      side,
      stars: input.stars,
      comment: input.comment ?? null,
      byUserId: actor.userId,
    });
    await recordAudit(tx, actor, grant, {
      action: "order.rate",
      entityType: "order",
      entityId: id,
      stateLgdCode: o.stateLgdCode,
      districtLgdCode: o.districtLgdCode,
      after: { side, stars: input.stars },
    });
  });
}
