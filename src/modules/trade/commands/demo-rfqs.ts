import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { createDemoUser } from "../../accounts";
import { demoDomain } from "../../producers";
import { orders, rfqResponses, rfqs } from "../tables";

/**
 * Adds `count` generated RFQs for benchmarks, marked demo, spread over the last two years: each reaches the
 * producers of two listings' districts (responses), most are quoted within hours, one in five becomes an order.
 * Needs generated listings first (generate:listings), whose producers they reach. Made in the database itself.
 */
export async function generateDemoRfqs(db: Db, count: number): Promise<number> {
  const buyer = await createDemoUser(db, {
    email: `generated.buyer@${demoDomain}`,
    name: "Generated buyer (demo)",
    password: randomUUID(),
    role: "buyer",
    place: { stateLgdCode: null, districtLgdCode: null },
  });
  return db.transaction(async (tx) => {
    const [{ before } = { before: 0 }] = (
      (await tx.execute(sql`select coalesce(max(id), 0)::int as before from ${rfqs}`)) as unknown as {
        rows: { before: number }[];
      }
    ).rows;
    // One producer per district that has generated listings: whom the RFQs reach.
    await tx.execute(sql`create temporary table demo_sellers on commit drop as
      select row_number() over (order by producer_id) as i, producer_id, state_lgd_code, district_lgd_code
      from (select distinct on (district_lgd_code) producer_id, state_lgd_code, district_lgd_code
            from listings where is_demo order by district_lgd_code, id) s`);
    await tx.execute(sql`
      insert into ${rfqs} (buyer_user_id, subject, quantity, unit, destination_country, incoterm, needed_by, closes_at,
        state, is_demo, created_at, updated_at)
      select ${buyer.userId}, 'Generated RFQ ' || g || ' (demo)', 100 + g % 900, 'piece', 'AE', 'FOB',
        (now() - ((g % 730) || ' days')::interval + interval '60 days')::date,
        now() - ((g % 730) || ' days')::interval + interval '14 days',
        case when g % 5 = 0 then 'awarded' when g % 730 < 14 then 'open' else 'expired' end, true,
        now() - ((g % 730) || ' days')::interval, now()
      from generate_series(1, ${count}) g`);
    await tx.execute(sql`
      insert into ${rfqResponses} (rfq_id, producer_id, state_lgd_code, district_lgd_code, state, price_inr, quantity,
        first_quoted_at, created_at, updated_at)
      select r.id, s.producer_id, s.state_lgd_code, s.district_lgd_code,
        case when k = 1 and r.state = 'awarded' then 'accepted' when (r.id + k) % 4 = 0 then 'expired' else 'quoted' end,
        case when (r.id + k) % 4 = 0 then null else 200 + r.id % 800 end,
        case when (r.id + k) % 4 = 0 then null else r.quantity end,
        case when (r.id + k) % 4 = 0 and not (k = 1 and r.state = 'awarded') then null
             else r.created_at + ((1 + (r.id * k) % 72) || ' hours')::interval end,
        r.created_at, now()
      from ${rfqs} r cross join generate_series(1, 2) k
      join demo_sellers s on s.i = (r.id + (k - 1) * 7) % (select count(*) from demo_sellers) + 1
      where r.id > ${before}`);
    await tx.execute(sql`
      insert into ${orders} (rfq_id, response_id, buyer_user_id, producer_id, state_lgd_code, district_lgd_code,
        quantity, unit, price_inr, incoterm, destination_country, state, is_demo, created_at, updated_at)
      select r.id, s.id, r.buyer_user_id, s.producer_id, s.state_lgd_code, s.district_lgd_code, r.quantity, 'piece',
        coalesce(s.price_inr, 500), 'FOB', 'AE',
        case when r.id % 3 = 0 then 'delivered' when r.id % 7 = 0 then 'cancelled' else 'confirmed' end,
        true, r.created_at + interval '3 days', now()
      from ${rfqs} r join ${rfqResponses} s on s.rfq_id = r.id and s.state = 'accepted'
      where r.id > ${before}`);
    await tx.execute(sql`analyze ${rfqs}`);
    await tx.execute(sql`analyze ${rfqResponses}`);
    await tx.execute(sql`analyze ${orders}`);
    const [{ n } = { n: 0 }] = (
      (await tx.execute(sql`select count(*)::int as n from ${rfqs} where id > ${before}`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    return n;
  });
}
