import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { Actor } from "../../accounts";
import { producerContact, producerNames, producerSummary, producersOwnedBy } from "../../producers";
import { can } from "../policy";
import { orderEvents, orderRatings, orders, rfqs } from "../tables";
import { buyerContact } from "./rfqs";

export type Order = typeof orders.$inferSelect;

/** The orders a person is on, as buyer or as a producer's owner, newest first. */
export async function myOrders(db: DbOrTx, actor: Actor) {
  const mine = await producersOwnedBy(db, actor.userId);
  const rows = await db
    .select({ order: orders, subject: rfqs.subject })
    .from(orders)
    .innerJoin(rfqs, eq(rfqs.id, orders.rfqId))
    .where(
      or(
        eq(orders.buyerUserId, actor.userId),
        mine.length
          ? inArray(
              orders.producerId,
              mine.map((p) => p.id),
            )
          : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt))
    .limit(200);
  return {
    rows,
    names: await producerNames(
      db,
      rows.map((r) => r.order.producerId),
    ),
  };
}

/**
 * An order for one of its two sides: its terms, milestones, ratings, and the other side's contact (exchanged when
 * the quote was accepted). Anyone else: 404.
 */
export async function orderFor(db: DbOrTx, actor: Actor, id: number) {
  const [row] = await db
    .select({ order: orders, subject: rfqs.subject })
    .from(orders)
    .innerJoin(rfqs, eq(rfqs.id, orders.rfqId))
    .where(eq(orders.id, id));
  const producer = row ? await producerSummary(db, row.order.producerId) : null;
  if (!row || !producer) throw new AppError("not_found", "No such order");
  const seller = !!can(actor, "order:sell", {
    ...producer,
    stateLgdCode: row.order.stateLgdCode,
    districtLgdCode: row.order.districtLgdCode,
  });
  const buyer = !!can(actor, "order:buy", row.order);
  if (!seller && !buyer) throw new AppError("not_found", "No such order");
  const [events, ratings] = await Promise.all([
    db.select().from(orderEvents).where(eq(orderEvents.orderId, id)).orderBy(asc(orderEvents.id)),
    db.select().from(orderRatings).where(eq(orderRatings.orderId, id)),
  ]);
  return {
    ...row,
    side: buyer ? ("buyer" as const) : ("producer" as const),
    producerName: producer.name,
    events,
    ratings,
    contact: buyer
      ? { producer: await producerContact(db, producer.id) }
      : { buyer: await buyerContact(db, row.order.buyerUserId) },
  };
}

/** Ratings a producer has received from buyers: count and mean stars (shown on its listings later). */
export async function producerRating(db: DbOrTx, producerId: number) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int`, mean: sql<number | null>`avg(${orderRatings.stars})::float8` })
    .from(orderRatings)
    .innerJoin(orders, eq(orders.id, orderRatings.orderId))
    .where(and(eq(orders.producerId, producerId), eq(orderRatings.side, "buyer")));
  return r ?? { n: 0, mean: null };
}
