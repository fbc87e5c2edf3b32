import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { createDemoUser } from "../../accounts";
import { listDistricts } from "../../geo";
import { demoDomain } from "../../producers";
import { bottlenecks, exportPlans } from "../tables";

/**
 * Adds `count` generated bottlenecks for benchmarks, marked demo: a generated plan (FY 2025-26 to 2027-28, in
 * implementation) for every current district that has none for that period, and bottlenecks spread over them and
 * over the last two years, of every category, some escalated, a third resolved. Made in the database itself.
 */
export async function generateDemoBottlenecks(db: Db, count: number): Promise<number> {
  const officer = await createDemoUser(db, {
    email: `generated.plans@${demoDomain}`,
    name: "Generated plans (demo)",
    password: randomUUID(),
    role: "national_admin",
    place: { stateLgdCode: null, districtLgdCode: null },
  });
  const districts = (await listDistricts(db)).filter((d) => d.inCurrentLgd);
  return db.transaction(async (tx) => {
    const places = JSON.stringify(districts.map((d) => ({ s: d.stateLgdCode, d: d.lgdCode })));
    await tx.execute(sql`
      insert into ${exportPlans} (state_lgd_code, district_lgd_code, from_year, to_year, state, strategy, created_by,
        is_demo, adopted_at)
      select p.s, p.d, 2025, 2027, 'in_implementation', 'Generated plan (demo), for benchmarks.', ${officer.userId}, true,
        now() - interval '200 days'
      from jsonb_to_recordset(${places}::jsonb) as p(s int, d int)
      on conflict do nothing`);
    const [{ before } = { before: 0 }] = (
      (await tx.execute(sql`select coalesce(max(id), 0)::int as before from ${bottlenecks}`)) as unknown as {
        rows: { before: number }[];
      }
    ).rows;
    await tx.execute(sql`
      with plans as (select row_number() over (order by id) as i, id, state_lgd_code, district_lgd_code
                     from ${exportPlans} where is_demo and from_year = 2025),
           cats as (select row_number() over (order by code) as i, code from bottleneck_categories)
      insert into ${bottlenecks} (plan_id, state_lgd_code, district_lgd_code, category, description, severity,
        owner_agency, due_date, status, escalated_at, resolved_at, is_demo, created_at, updated_at)
      select p.id, p.state_lgd_code, p.district_lgd_code, c.code, 'Generated bottleneck ' || g || ' (demo)',
        (array['low', 'medium', 'high', 'critical'])[g % 4 + 1], 'DIC',
        (now() - ((g % 730) || ' days')::interval + interval '30 days')::date,
        case when g % 3 = 0 then 'resolved' when g % 7 = 0 then 'at_state' when g % 11 = 0 then 'at_nation' else 'open' end,
        case when g % 7 = 0 or g % 11 = 0 then now() - ((g % 730) || ' days')::interval + interval '45 days' end,
        case when g % 3 = 0 then now() - ((g % 730) || ' days')::interval + ((1 + g % 90) || ' days')::interval end,
        true, now() - ((g % 730) || ' days')::interval, now()
      from generate_series(1, ${count}) g
      join plans p on p.i = g % (select count(*) from plans) + 1
      join cats c on c.i = g % (select count(*) from cats) + 1`);
    await tx.execute(sql`analyze ${bottlenecks}`);
    const [{ n } = { n: 0 }] = (
      (await tx.execute(
        sql`select count(*)::int as n from ${bottlenecks} where id > ${before}`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    return n;
  });
}
