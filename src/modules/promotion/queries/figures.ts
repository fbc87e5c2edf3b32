import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { type FigureRow, figureRows } from "../../../platform/figures";
import { events, meetings, registrations } from "../tables";

/**
 * Events' figures for the dashboards, by the month an event began, for the place that organised it (a national or
 * Mission event counts for the nation only): events held (published, begun by now), registrations confirmed,
 * participants marked present, one-to-one meetings of buyer-seller meets, and the outcomes organisers recorded
 * (leads, letters of intent and their value).
 */
export function promotionFigures(db: DbOrTx): Promise<FigureRow[]> {
  const month = sql.raw(`to_char(e.starts_at at time zone 'Asia/Kolkata', 'YYYY-MM')`);
  const held = sql.raw(`e.state = 'published' and e.starts_at <= now()`);
  return figureRows(
    db,
    sql`select 'events' as figure, e.kind as dim, e.state_lgd_code as state, e.district_lgd_code as district,
          ${month} as month, e.is_demo as demo, count(*) as value, count(*) as n
        from ${events} e where ${held} group by 2, 3, 4, 5, 6
        union all
        select 'registrations', r.side, e.state_lgd_code, e.district_lgd_code, ${month}, e.is_demo, count(*), count(*)
        from ${registrations} r join ${events} e on e.id = r.event_id
        where ${held} and r.state = 'confirmed' group by 2, 3, 4, 5, 6
        union all
        select 'attended', r.side, e.state_lgd_code, e.district_lgd_code, ${month}, e.is_demo, count(*), count(*)
        from ${registrations} r join ${events} e on e.id = r.event_id
        where ${held} and r.attended_at is not null group by 2, 3, 4, 5, 6
        union all
        select 'meet_meetings', '', e.state_lgd_code, e.district_lgd_code, ${month}, e.is_demo, count(*), count(*)
        from ${meetings} m join ${events} e on e.id = m.event_id
        where ${held} group by 3, 4, 5, 6
        union all
        select 'outcomes', o.dim, e.state_lgd_code, e.district_lgd_code, ${month}, e.is_demo, sum(o.v), count(*)
        from ${events} e cross join lateral (values ('leads', e.leads::numeric), ('letters_of_intent', e.letters_of_intent::numeric),
          ('loi_value_inr', e.loi_value_inr)) as o(dim, v)
        where ${held} and o.v is not null group by 2, 3, 4, 5, 6`,
  );
}
