import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { type FigureRow, figureRows } from "../../../platform/figures";
import { bottlenecks, exportPlans, interventionEvents, interventions } from "../tables";

/**
 * The export plans' figures for the dashboards, from the plans, bottlenecks and interventions as they stand:
 * - plans: each district's current plan (superseded versions left out) by its state; plans_adopted by month adopted;
 * - bottlenecks raised and resolved by month and category; those still open by category, by age (days since raised:
 *   0–30, 31–90, over 90) and by queue (the district's, escalated to the State's, to the nation's);
 * - days_to_resolve: the days from raised to resolved (a mean: value is the sum of days, n the bottlenecks);
 * - actions_due: interventions whose end date has passed (dropped ones left out), by whether they were done by it
 *   (on_time: the first time they were marked done was on or before their end date), done later, or not done.
 */
export function planningFigures(db: DbOrTx): Promise<FigureRow[]> {
  const month = (column: string) => sql.raw(`to_char(${column} at time zone 'Asia/Kolkata', 'YYYY-MM')`);
  return figureRows(
    db,
    sql`select 'plans' as figure, p.state as dim, p.state_lgd_code as state, p.district_lgd_code as district,
          null as month, p.is_demo as demo, count(*) as value, count(*) as n
        from ${exportPlans} p where p.state <> 'superseded'
        group by 2, 3, 4, 6
        union all
        select 'plans_adopted', '', p.state_lgd_code, p.district_lgd_code, ${month("p.adopted_at")}, p.is_demo,
          count(*), count(*)
        from ${exportPlans} p where p.adopted_at is not null
        group by 3, 4, 5, 6
        union all
        select 'bottlenecks_raised', b.category, b.state_lgd_code, b.district_lgd_code, ${month("b.created_at")},
          b.is_demo, count(*), count(*)
        from ${bottlenecks} b group by 2, 3, 4, 5, 6
        union all
        select 'bottlenecks_resolved', b.category, b.state_lgd_code, b.district_lgd_code,
          ${month("b.resolved_at")}, b.is_demo, count(*), count(*)
        from ${bottlenecks} b where b.status = 'resolved' group by 2, 3, 4, 5, 6
        union all
        select 'days_to_resolve', '', b.state_lgd_code, b.district_lgd_code, ${month("b.resolved_at")}, b.is_demo,
          sum(extract(epoch from b.resolved_at - b.created_at) / 86400), count(*)
        from ${bottlenecks} b where b.status = 'resolved' group by 3, 4, 5, 6
        union all
        select 'open_by_category', b.category, b.state_lgd_code, b.district_lgd_code, null, b.is_demo,
          count(*), count(*)
        from ${bottlenecks} b where b.status <> 'resolved' group by 2, 3, 4, 6
        union all
        select 'open_by_age',
          case when now() - b.created_at <= interval '30 days' then '0-30'
               when now() - b.created_at <= interval '90 days' then '31-90' else '91+' end,
          b.state_lgd_code, b.district_lgd_code, null, b.is_demo, count(*), count(*)
        from ${bottlenecks} b where b.status <> 'resolved' group by 2, 3, 4, 6
        union all
        select 'open_by_queue', b.status, b.state_lgd_code, b.district_lgd_code, null, b.is_demo, count(*), count(*)
        from ${bottlenecks} b where b.status <> 'resolved' group by 2, 3, 4, 6
        union all
        select 'actions_due',
          case when i.status <> 'done' then 'not_done'
               when (select min(e.at) from ${interventionEvents} e
                     where e.intervention_id = i.id and e.status = 'done')::date <= i.ends_on then 'on_time'
               else 'late' end,
          p.state_lgd_code, p.district_lgd_code, null, p.is_demo, count(*), count(*)
        from ${interventions} i join ${exportPlans} p on p.id = i.plan_id
        where p.state <> 'superseded' and i.status <> 'dropped' and i.ends_on <= current_date
        group by 2, 3, 4, 6`,
  );
}
