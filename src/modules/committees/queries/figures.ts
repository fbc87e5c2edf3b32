import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { type FigureRow, figureRows } from "../../../platform/figures";
import { committeeMeetings, committees } from "../tables";

/**
 * The committees' figures for the dashboards: committees constituted (by kind, DEPC or SEPC; an SEPC counts for its
 * State only) and meetings held, by the month they were held in.
 */
export function committeeFigures(db: DbOrTx): Promise<FigureRow[]> {
  return figureRows(
    db,
    sql`select 'committees' as figure, c.kind as dim, c.state_lgd_code as state, c.district_lgd_code as district,
          null as month, c.is_demo as demo, count(*) as value, count(*) as n
        from ${committees} c
        group by c.kind, c.state_lgd_code, c.district_lgd_code, c.is_demo
        union all
        select 'meetings_held', c.kind, c.state_lgd_code, c.district_lgd_code,
          to_char(m.starts_at at time zone 'Asia/Kolkata', 'YYYY-MM'), m.is_demo, count(*), count(*)
        from ${committeeMeetings} m join ${committees} c on c.id = m.committee_id
        where m.state in ('held', 'minutes_published')
        group by 2, 3, 4, 5, 6`,
  );
}
