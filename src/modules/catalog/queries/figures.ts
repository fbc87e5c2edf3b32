import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { type FigureRow, figureRows } from "../../../platform/figures";
import { districtExports, listRevisions, products } from "../tables";

/**
 * The registry's figures for the dashboards: products of the live list per district, and exports (DGCI&S, in
 * rupees) per district and sector of the latest financial year on record — where DGCI&S named no district the
 * exports count for the State only.
 */
export function catalogFigures(db: DbOrTx): Promise<FigureRow[]> {
  return figureRows(
    db,
    sql`select 'products' as figure, '' as dim, p.state_lgd_code as state, p.district_lgd_code as district,
          null as month, false as demo, count(*) as value, count(*) as n
        from ${products} p join ${listRevisions} r on r.id = p.revision_id and r.is_live
        group by p.state_lgd_code, p.district_lgd_code
        union all
        select 'exports_inr', e.sector, e.state_lgd_code, e.district_lgd_code, null, false, sum(e.export_inr), count(*)
        from ${districtExports} e
        where e.fiscal_year = (select max(fiscal_year) from ${districtExports}) and e.state_lgd_code is not null
        group by e.sector, e.state_lgd_code, e.district_lgd_code`,
  );
}

/** The financial year the export figures are of (the latest on record), e.g. "2024-25". */
export async function exportsYear(db: DbOrTx): Promise<string | null> {
  const [row] = await db
    .select({ y: sql<string | null>`max(${districtExports.fiscalYear})` })
    .from(districtExports);
  return row?.y ?? null;
}
