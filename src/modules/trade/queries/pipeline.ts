import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { Actor } from "../../accounts";
import { can } from "../policy";
import { gemOnboarding, orders, rfqResponses } from "../tables";

/** One row of the pipeline: a district (or a State, for the nation) and what its producers' trade came to. */
export type PipelineRow = {
  code: number;
  enquiries: number;
  quotes: number;
  orders: number;
  delivered: number;
  valueInr: number;
  medianHoursToQuote: number | null;
  gemApplied: number;
  gemRegistered: number;
  gemListed: number;
};

/**
 * The trade pipeline of a place, without anyone's contact: per district of a State (or the one district), or per
 * State for the nation — RFQs that reached its producers, quotes, orders (delivered ones too), their value, the
 * median time to a first quote, and GeM onboarding. Demo rows count only for demo accounts (a demo deployment shows
 * its demo; a real officer never sees them).
 */
export async function pipeline(
  db: DbOrTx,
  actor: Actor,
  place: { stateLgdCode: number | null; districtLgdCode: number | null },
): Promise<PipelineRow[]> {
  if (!can(actor, "pipeline:view", place))
    throw new AppError("forbidden", "Not allowed: this place's pipeline");
  const by = (t: { stateLgdCode: PgColumn; districtLgdCode: PgColumn }) => ({
    key: place.stateLgdCode === null ? t.stateLgdCode : t.districtLgdCode,
    where: and(
      place.stateLgdCode !== null ? eq(t.stateLgdCode, place.stateLgdCode) : undefined,
      place.districtLgdCode !== null ? eq(t.districtLgdCode, place.districtLgdCode) : undefined,
    ) as SQL | undefined,
  });
  const r = by(rfqResponses);
  const o = by(orders);
  const g = by(gemOnboarding);
  const [responses, placed, gem] = await Promise.all([
    db
      .select({
        code: sql<number>`${r.key}`,
        enquiries: sql<number>`count(distinct ${rfqResponses.rfqId})::int`,
        quotes: sql<number>`(count(*) filter (where ${rfqResponses.firstQuotedAt} is not null))::int`,
        median: sql<
          number | null
        >`(percentile_cont(0.5) within group (order by extract(epoch from ${rfqResponses.firstQuotedAt} - ${rfqResponses.createdAt}) / 3600))::float8`,
      })
      .from(rfqResponses)
      .where(
        and(
          r.where,
          actor.isDemo
            ? undefined
            : sql`not exists (select 1 from rfqs where rfqs.id = ${rfqResponses.rfqId} and rfqs.is_demo)`,
        ),
      )
      .groupBy(r.key),
    db
      .select({
        code: sql<number>`${o.key}`,
        orders: sql<number>`count(*)::int`,
        delivered: sql<number>`(count(*) filter (where ${orders.state} = 'delivered'))::int`,
        value: sql<number>`coalesce(sum(${orders.quantity} * ${orders.priceInr}) filter (where ${orders.state} <> 'cancelled'), 0)::float8`,
      })
      .from(orders)
      .where(and(o.where, actor.isDemo ? undefined : eq(orders.isDemo, false)))
      .groupBy(o.key),
    db
      .select({
        code: sql<number>`${g.key}`,
        applied: sql<number>`(count(*) filter (where ${gemOnboarding.status} = 'applied'))::int`,
        registered: sql<number>`(count(*) filter (where ${gemOnboarding.status} = 'registered'))::int`,
        listed: sql<number>`(count(*) filter (where ${gemOnboarding.status} = 'listed'))::int`,
      })
      .from(gemOnboarding)
      .where(g.where)
      .groupBy(g.key),
  ]);
  const codes = [...new Set([...responses, ...placed, ...gem].map((x) => Number(x.code)))].sort(
    (a, b) => a - b,
  );
  return codes.map((code) => {
    const a = responses.find((x) => Number(x.code) === code);
    const b = placed.find((x) => Number(x.code) === code);
    const c = gem.find((x) => Number(x.code) === code);
    return {
      code,
      enquiries: a?.enquiries ?? 0,
      quotes: a?.quotes ?? 0,
      orders: b?.orders ?? 0,
      delivered: b?.delivered ?? 0,
      valueInr: b?.value ?? 0,
      medianHoursToQuote: a?.median ?? null,
      gemApplied: c?.applied ?? 0,
      gemRegistered: c?.registered ?? 0,
      gemListed: c?.listed ?? 0,
    };
  });
}

/** A producer's GeM onboarding, or none yet. */
export async function gemOf(db: DbOrTx, producerId: number) {
  const [row] = await db.select().from(gemOnboarding).where(eq(gemOnboarding.producerId, producerId));
  return row ?? null;
}

/** The GeM onboarding of some producers. */
export async function gemOfProducers(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return new Map<number, typeof gemOnboarding.$inferSelect>();
  const rows = await db.select().from(gemOnboarding).where(inArray(gemOnboarding.producerId, ids));
  return new Map(rows.map((r) => [r.producerId, r]));
}
