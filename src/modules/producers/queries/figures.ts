import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { type FigureRow, figureRows } from "../../../platform/figures";
import { producers } from "../tables";

/** The producers' figures for the dashboards: producers by verification status now, and registrations by month. */
export function producerFigures(db: DbOrTx): Promise<FigureRow[]> {
  return figureRows(
    db,
    sql`select 'producers' as figure, p.status as dim, p.state_lgd_code as state, p.district_lgd_code as district,
          null as month, p.is_demo as demo, count(*) as value, count(*) as n
        from ${producers} p group by 2, 3, 4, 6
        union all
        select 'producers_registered', '', p.state_lgd_code, p.district_lgd_code,
          to_char(p.created_at at time zone 'Asia/Kolkata', 'YYYY-MM'), p.is_demo, count(*), count(*)
        from ${producers} p group by 3, 4, 5, 6`,
  );
}
