import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { type FigureRow, figureRows } from "../../../platform/figures";
import { gemOnboarding, listings, orders, rfqResponses, rfqs } from "../tables";

/**
 * The bazaar's figures for the dashboards. An RFQ counts for each district whose producers it reached (its
 * responses), in the month it was made; a quote in the month it was first given; hours_to_first_quote is, per RFQ
 * and district, the hours from the RFQ to the district's first quote (a mean); orders by the month placed and by
 * their state now, and their value (quantity × price, cancelled orders left out).
 */
export async function tradeFigures(db: DbOrTx): Promise<FigureRow[]> {
  const month = (column: string) => sql.raw(`to_char(${column} at time zone 'Asia/Kolkata', 'YYYY-MM')`);
  // One statement per figure, not one union: on the embedded database (one connection) a request waits for the
  // statement running, so several short ones keep the pages answering while the figures are counted.
  const queries = [
    sql`select 'listings' as figure, '' as dim, l.state_lgd_code as state, l.district_lgd_code as district,
          null as month, l.is_demo as demo, count(*) as value, count(*) as n
        from ${listings} l where l.state = 'published' group by 3, 4, 6`,
    sql`select 'gem', g.status, g.state_lgd_code, g.district_lgd_code, null, false, count(*), count(*)
        from ${gemOnboarding} g group by 2, 3, 4`,
    sql`select 'rfqs', '', x.state_lgd_code, x.district_lgd_code, ${month("x.created_at")}, x.is_demo, count(*), count(*)
        from (select distinct r.id, r.created_at, r.is_demo, s.state_lgd_code, s.district_lgd_code
              from ${rfqs} r join ${rfqResponses} s on s.rfq_id = r.id) x
        group by 3, 4, 5, 6`,
    sql`select 'quotes', '', s.state_lgd_code, s.district_lgd_code, ${month("s.first_quoted_at")}, r.is_demo,
          count(*), count(*)
        from ${rfqResponses} s join ${rfqs} r on r.id = s.rfq_id
        where s.first_quoted_at is not null group by 3, 4, 5, 6`,
    sql`select 'hours_to_first_quote', '', x.state_lgd_code, x.district_lgd_code, ${month("x.created_at")}, x.is_demo,
          sum(extract(epoch from x.first - x.created_at) / 3600), count(*)
        from (select r.id, r.created_at, r.is_demo, s.state_lgd_code, s.district_lgd_code,
                min(s.first_quoted_at) as first
              from ${rfqs} r join ${rfqResponses} s on s.rfq_id = r.id
              where s.first_quoted_at is not null
              group by 1, 2, 3, 4, 5) x
        group by 3, 4, 5, 6`,
    sql`select 'orders', o.state, o.state_lgd_code, o.district_lgd_code, ${month("o.created_at")}, o.is_demo,
          count(*), count(*)
        from ${orders} o group by 2, 3, 4, 5, 6`,
    sql`select 'orders_value_inr', '', o.state_lgd_code, o.district_lgd_code, ${month("o.created_at")}, o.is_demo,
          sum(o.quantity * o.price_inr), count(*)
        from ${orders} o where o.state <> 'cancelled' group by 3, 4, 5, 6`,
  ];
  const rows: FigureRow[] = [];
  for (const q of queries)
    rows.push(
      ...(await figureRows(
        db,
        sql`select * from (${q}) as q(figure, dim, state, district, month, demo, value, n)`,
      )),
    );
  return rows;
}

/**
 * Orders by producer in a place and period (months 'YYYY-MM', India's time; null: all), with their value, largest
 * first: a figure that names firms, for the officers of the place only (the caller checks who asks).
 */
export async function ordersByProducer(
  db: DbOrTx,
  place: { state?: number; district?: number },
  months: { from: string | null; to: string | null },
  demo: boolean,
  limit = 100,
): Promise<{ producerId: number; district: number; orders: number; valueInr: number }[]> {
  const conditions = [
    sql`o.state <> 'cancelled'`,
    place.state === undefined ? undefined : sql`o.state_lgd_code = ${place.state}`,
    place.district === undefined ? undefined : sql`o.district_lgd_code = ${place.district}`,
    months.from && months.to
      ? sql`to_char(o.created_at at time zone 'Asia/Kolkata', 'YYYY-MM') between ${months.from} and ${months.to}`
      : undefined,
    demo ? undefined : sql`not o.is_demo`,
  ].filter((c) => c !== undefined);
  const result = (await db.execute(sql`
    select o.producer_id, o.district_lgd_code, count(*)::int as orders, sum(o.quantity * o.price_inr)::float8 as value
    from ${orders} o where ${sql.join(conditions, sql` and `)}
    group by 1, 2 order by value desc, 1 limit ${limit}`)) as unknown as {
    rows: { producer_id: number; district_lgd_code: number; orders: number; value: number }[];
  };
  return result.rows.map((r) => ({
    producerId: Number(r.producer_id),
    district: Number(r.district_lgd_code),
    orders: Number(r.orders),
    valueInr: Number(r.value),
  }));
}
